import { openTestWorkspace, type TestWorkspace } from './workspace';

// A workspace with a settable clock and short ways to make users, clients, deals and
// tasks, for tests that need a small hand-made business (reports, deals, tasks).

export interface Built extends TestWorkspace {
  /** The workspace's clock; `at(...)` moves it. */
  at(iso: string): void;
  now(): Date;
  /** A user (a manager unless told: what a manager may not do is refused for them). */
  user(name: string, role?: 'owner' | 'admin' | 'manager' | 'viewer'): string;
  client(name: string, extra?: Record<string, unknown>): string;
  tag(name: string): string;
  pipeline(name?: string): { id: string; stages: { id: string; name: string; kind: 'open' | 'won' | 'lost'; position: number }[] };
  /** A deal created at the clock's time. */
  deal(clientId: string, extra?: Record<string, unknown>): string;
  /** Moves the deal to the named stage (of its pipeline) at `iso`. */
  moveAt(dealId: string, stageName: string, iso: string): void;
  wonAt(dealId: string, iso: string): void;
  /** Lost for `lostReasonId` (the workspace's first reason when not given). */
  lostAt(dealId: string, iso: string, lostReasonId?: string, lostComment?: string | null): void;
  reason(name: string): string;
}

export function buildWorkspace(start = '2026-01-01T09:00:00.000Z'): Built {
  let clock = new Date(start);
  const t = openTestWorkspace({ clock: () => clock });
  const at = (iso: string) => (clock = new Date(iso));
  const pipeline = (name = 'Продажа') => t.call('pipelines.list', {}).find((p) => p.name === name)!;
  const dealPipeline = (dealId: string) => t.call('deals.get', { id: dealId }).pipelineId;
  const stage = (dealId: string, name: string) => t.call('pipelines.list', {}).find((p) => p.id === dealPipeline(dealId))!.stages.find((s) => s.name === name)!;
  return {
    ...t,
    at,
    now: () => clock,
    user: (name, role = 'manager') => t.call('users.create', { name, email: null, color: '#336699', role }).id,
    tag: (name) => t.call('tags.create', { name, color: '#aa3366' }).id,
    client: (name, extra = {}) => t.call('clients.create', { kind: 'organization', name, ...extra } as never).id,
    pipeline,
    deal: (clientId, extra = {}) => t.call('deals.create', { title: 'Сделка', clientId, pipelineId: pipeline().id, amountKopecks: 100_000, ...extra } as never).id,
    moveAt: (dealId, stageName, iso) => {
      at(iso);
      t.call('deals.move', { id: dealId, stageId: stage(dealId, stageName).id });
    },
    wonAt: (dealId, iso) => {
      at(iso);
      t.call('deals.close', { id: dealId, outcome: 'won' });
    },
    lostAt: (dealId, iso, lostReasonId, lostComment = null) => {
      at(iso);
      t.call('deals.close', { id: dealId, outcome: 'lost', lostReasonId: lostReasonId ?? t.call('lostReasons.list', {})[0]!.id, lostComment });
    },
    reason: (name) => t.call('lostReasons.list', {}).find((r) => r.name === name)?.id ?? t.call('lostReasons.create', { name }).id,
  };
}
