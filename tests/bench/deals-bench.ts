import type { Session } from '../../src-main/core/workspace/session';
import { seedDeals } from '../../src-main/core/deals/seed';
import { getBoard, columnPage } from '../../src-main/core/deals/board';
import { runReport } from '../../src-main/core/reports/run';
import { reportQuery } from '../../src-main/core/reports/types';
import { moveDeal } from '../../src-main/core/deals/moves';
import { stagesOf } from '../../src-main/core/deals/pipelines';
import { dealFilter } from '../../src-main/core/deals/schemas';
import { medianOf, ms, ratio, table } from './measure';

// Deals at scale: the board as first shown (every column's count and sum plus its
// first page of 30 cards), the same board filtered, a deep column page, a card move
// and the forecast, each against a bare query over the same index in the same run.

const PAGE = 30;

export interface DealsBenchResult {
  deals: number;
  seedSeconds: number;
  rows: { name: string; ms: number; floorMs: number }[];
}

export function benchDeals(session: Session, deals: number, rounds: number, log: (s: string) => void): DealsBenchResult {
  const sqlite = session.workspace.sqlite;
  const ctx = session.ctx();
  const t0 = performance.now();
  seedDeals(sqlite, { deals, seed: 11, onProgress: (d, n) => d === n && log(`  ${n} deals seeded`) });
  const seedSeconds = (performance.now() - t0) / 1000;
  sqlite.exec('ANALYZE');

  const pipeline = sqlite.prepare('SELECT pipeline_id AS id, count(*) AS n FROM deals GROUP BY pipeline_id ORDER BY n DESC LIMIT 1').get() as { id: string; n: number };
  const stages = stagesOf(ctx, pipeline.id);
  const manager = (sqlite.prepare('SELECT responsible_id AS id FROM deals WHERE responsible_id IS NOT NULL LIMIT 1').get() as { id: string }).id;
  const filters = {
    none: dealFilter.parse({}),
    managerAndAmount: dealFilter.parse({ responsibleId: manager, amountMin: 100_000_00 }),
    text: dealFilter.parse({ text: 'квартир' }),
  };

  // Floor: the same index read with nothing on top (totals by stage, then 30 ids per column).
  const bareTotals = sqlite.prepare('SELECT stage_id, count(*), sum(amount_kopecks) FROM deals WHERE pipeline_id = ? AND archived_at IS NULL GROUP BY stage_id');
  const bareColumn = sqlite.prepare(`SELECT id FROM deals WHERE stage_id = ? AND archived_at IS NULL ORDER BY position LIMIT ${PAGE}`);
  const bareBoard = () => {
    bareTotals.all(pipeline.id);
    for (const s of stages) bareColumn.all(s.id);
  };
  const boardFloor = medianOf(rounds, bareBoard);

  const rows: DealsBenchResult['rows'] = [];
  rows.push({ name: 'board, no filter', ms: medianOf(rounds, () => void getBoard(ctx, pipeline.id, filters.none, PAGE)), floorMs: boardFloor });
  rows.push({ name: 'board, manager + amount ≥ 100 000 ₽', ms: medianOf(rounds, () => void getBoard(ctx, pipeline.id, filters.managerAndAmount, PAGE)), floorMs: boardFloor });
  rows.push({ name: 'board, text "квартир"', ms: medianOf(rounds, () => void getBoard(ctx, pipeline.id, filters.text, PAGE)), floorMs: boardFloor });

  // A page deep in the biggest column (the user scrolled far down).
  const big = sqlite.prepare('SELECT stage_id AS id, count(*) AS n FROM deals WHERE pipeline_id = ? GROUP BY stage_id ORDER BY n DESC LIMIT 1').get(pipeline.id) as { id: string; n: number };
  const mid = sqlite.prepare('SELECT position, id FROM deals WHERE stage_id = ? ORDER BY position, id LIMIT 1 OFFSET ?').get(big.id, Math.floor(big.n / 2)) as { position: string; id: string };
  const bareDeep = sqlite.prepare(`SELECT id FROM deals WHERE stage_id = ? AND archived_at IS NULL AND position > ? ORDER BY position LIMIT ${PAGE}`);
  rows.push({
    name: `column page at card ${Math.floor(big.n / 2)} of ${big.n}`,
    ms: medianOf(rounds, () => void columnPage(ctx, big.id, filters.none, mid, PAGE)),
    floorMs: medianOf(rounds, () => void bareDeep.all(big.id, mid.position)),
  });

  // A drag between two open columns (one committed transaction, fsynced) vs a bare one-row update.
  const open = stages.filter((s) => s.kind === 'open');
  const dealId = (sqlite.prepare('SELECT id FROM deals WHERE stage_id = ? LIMIT 1').get(open[0]!.id) as { id: string }).id;
  let flip = 0;
  const bareUpdate = sqlite.prepare('UPDATE deals SET updated_at = ? WHERE id = ?');
  rows.push({
    name: 'move a card to another stage',
    ms: medianOf(rounds, () => {
      const to = open[++flip % 2]!;
      moveDeal(ctx, dealId, to, { stageId: to.id });
    }),
    floorMs: medianOf(rounds, () => void bareUpdate.run(new Date().toISOString(), dealId)),
  });

  const bareForecast = sqlite.prepare("SELECT d.responsible_id, substr(d.expected_close, 1, 7), sum(d.amount_kopecks) FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = 'open' AND d.archived_at IS NULL GROUP BY 1, 2");
  rows.push({
    name: 'forecast, all pipelines',
    ms: medianOf(rounds, () => void runReport(ctx, 'forecast', reportQuery.parse({ from: '2000-01-01', to: '2099-12-31', timeZone: 'Europe/Moscow' }))),
    floorMs: medianOf(rounds, () => void bareForecast.all()),
  });
  return { deals, seedSeconds, rows };
}

export function dealsTable(r: DealsBenchResult): string {
  return [
    table(
      [`deals (${r.deals})`, 'ms', 'floor ms', 'ratio'],
      r.rows.map((x) => [x.name, ms(x.ms), ms(x.floorMs), ratio(x.ms, x.floorMs)]),
    ),
    `  floor for boards: bare count/sum by stage + ${PAGE} ids per column over the same indexes; seeding ${r.deals} deals took ${r.seedSeconds.toFixed(1)} s`,
  ].join('\n');
}
