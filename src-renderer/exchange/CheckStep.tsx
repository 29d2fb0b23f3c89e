import { useTranslation } from 'react-i18next';
import { issueText } from '../i18n';
import type { JobStatus } from './types';

type Issue = NonNullable<JobStatus['summary']>['errors'][number];

const SHOWN = 100;

function IssueList(props: { title: string; issues: Issue[]; total: number; kind: 'errors' | 'warnings' }) {
  const { t } = useTranslation();
  if (props.total === 0) return null;
  return (
    <section className={`xch-issues xch-${props.kind}`} aria-label={props.title}>
      <h3>
        {props.title}: {props.total}
      </h3>
      <ul>
        {props.issues.slice(0, SHOWN).map((i, k) => (
          <li key={k}>
            <strong>{t('exchange.issueRow', { row: i.row })}</strong> · {i.column ? `${i.column}: ` : ''}
            {issueText(i)}
          </li>
        ))}
      </ul>
      {props.total > SHOWN && <p className="muted">{t('exchange.moreIssues', { count: props.total - SHOWN })}</p>}
    </section>
  );
}

/** The check's result: counts, then errors (rows left out) and warnings (rows imported with a remark). */
export function CheckStep(props: { status: JobStatus; onCancel: () => void; onDownloadRejected: () => void }) {
  const { t } = useTranslation();
  const { status } = props;
  if (status.state === 'running') {
    return (
      <div className="xch-progress" role="status">
        <progress />
        <span>{t('exchange.analysing', { count: status.rowsRead })}</span>
        <button onClick={props.onCancel}>{t('exchange.cancel')}</button>
      </div>
    );
  }
  const s = status.summary;
  if (!s) return null;
  return (
    <div>
      <p data-testid="check-summary">
        {t('exchange.summary', { read: s.rows.read - s.rows.blank - s.rows.totals, ok: s.accepted, rejected: s.rejected, warnings: s.warningCount })}
      </p>
      <p className="muted">{t('exchange.skippedRows', { blank: s.rows.blank, totals: s.rows.totals, merged: s.rows.merged })}</p>
      {s.errorCount + s.warningCount === 0 && <p>{t('exchange.noIssues')}</p>}
      <IssueList title={t('exchange.errorsTitle')} issues={s.errors} total={s.errorCount} kind="errors" />
      {s.rejected > 0 && <button onClick={props.onDownloadRejected}>{t('exchange.downloadRejected')}</button>}
      <IssueList title={t('exchange.warningsTitle')} issues={s.warnings} total={s.warningCount} kind="warnings" />
    </div>
  );
}
