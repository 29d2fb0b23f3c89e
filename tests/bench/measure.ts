import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mulberry32 } from '../../src-main/core/seed/generator';

// Timing helpers. Every figure is a median over repeated runs (or a percentile over
// per-item medians), so one garbage collection or page-cache miss does not move it.

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (() => void) | undefined;

/** Collects garbage now, between measurements, so it rarely lands inside one. */
export function collectGarbage(): void {
  gcFn?.();
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export interface Dist {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function dist(xs: number[]): Dist {
  return {
    count: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

/**
 * Runs `fn` on every item once untimed (warm-up), then `rounds` timed passes over the
 * whole list in order, and returns each item's median. Passes go over the list rather
 * than repeating one item, so per-item caches (the last search) are not hit unfairly.
 */
export function perItemMedians<T>(items: readonly T[], rounds: number, fn: (item: T) => void, before?: () => void): number[] {
  for (const it of items) fn(it);
  const samples: number[][] = items.map(() => []);
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    items.forEach((it, i) => {
      before?.();
      const t0 = performance.now();
      fn(it);
      samples[i]!.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}

/** Median of `runs` timed calls after one untimed call; `before` runs untimed before each. */
export function medianOf(runs: number, fn: () => void, before?: () => void): number {
  before?.();
  fn();
  collectGarbage();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '-');
export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}x` : '-');
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Deterministic, so the same workspace yields the same typed queries. */
export const rng = mulberry32;

/** Prints rows as an aligned table (first column left, the rest right-aligned). */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}
