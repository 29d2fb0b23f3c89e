import type { Session } from '../core/workspace/session';
import { seedTasks } from '../core/tasks/seed';

/** `seed --tasks N`: demo tasks over the workspace's clients, users and deals (after any clients and deals seeded by the same command). */
export function seedTasksCommand(s: Session, tasks: number, seed: number | undefined): void {
  if (tasks <= 0) return;
  seedTasks(s.workspace.sqlite, {
    tasks,
    seed,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    onProgress: (done, total) => process.stderr.write(`\rseeding tasks ${done}/${total}`),
  });
  process.stderr.write('\n');
}
