import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { formatMoney } from '../deals/money';
import type { ReportResult } from './types';

// Only the chart.js parts the reports draw are registered (the rest is left out of the bundle).
Chart.register(BarElement, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);

const PALETTE = ['#4c6ef5', '#f08c00', '#37b24d', '#ae3ec9', '#1098ad', '#e03131', '#868e96', '#f783ac', '#74b816', '#5c7cfa'];

/** A report's chart: bars, stacked bars, a horizontal funnel or a doughnut; money in roubles. */
export const ReportChart = forwardRef<Chart | null, { result: ReportResult }>(function ReportChart({ result }, ref) {
  const { t } = useTranslation();
  const { chart } = result;
  if (chart.labels.length === 0) return null;
  const money = chart.series.some((s) => s.money);
  // Receivables' series are its buckets, named in its own dictionary.
  const label = (l: string) => t(`reports.series.${l}`, { defaultValue: t(`receivables.col.${l}`, { defaultValue: l || t('reports.none.text') }) });
  const data: ChartData<'bar' | 'doughnut'> = {
    labels: chart.labels.map((l) => (result.report === 'base-audit' ? t(`reports.problems.${l}`) : l || t('reports.none.text'))),
    datasets: chart.series.map((s, i) => ({
      label: label(s.label),
      data: s.data.map((v) => (s.money ? v / 100 : v)),
      backgroundColor: chart.kind === 'doughnut' ? PALETTE : PALETTE[i % PALETTE.length],
    })),
  };
  const tooltip = { callbacks: { label: (c: { dataset: { label?: string }; raw: unknown }) => `${c.dataset.label ?? ''}: ${money ? formatMoney(Math.round(Number(c.raw) * 100)) : String(c.raw)}` } };
  if (chart.kind === 'doughnut') {
    return (
      <div className="report-chart doughnut" data-testid="report-chart">
        <Doughnut ref={ref as never} data={data as ChartData<'doughnut'>} options={{ animation: false, maintainAspectRatio: false, plugins: { tooltip } }} />
      </div>
    );
  }
  const options: ChartOptions<'bar'> = {
    animation: false,
    maintainAspectRatio: false,
    indexAxis: chart.kind === 'funnel' ? 'y' : 'x',
    scales: { x: { stacked: chart.kind === 'stacked' }, y: { stacked: chart.kind === 'stacked', beginAtZero: true } },
    plugins: { tooltip, legend: { display: chart.series.length > 1 } },
  };
  return (
    <div className="report-chart" data-testid="report-chart">
      <Bar ref={ref as never} data={data as ChartData<'bar'>} options={options} />
    </div>
  );
});
