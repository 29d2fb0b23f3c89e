import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// The CLI run as a child process, the way a user or a script runs `npm run cli -- …`.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(ROOT, 'src-main', 'cli', 'main.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in English (KARTOTEKA_LANG=en), which most assertions read; tests of
 * the language itself use `cliIn`.
 */
export function cli(...args: string[]): Promise<CliRun> {
  return cliIn({ KARTOTEKA_LANG: 'en' }, ...args);
}

/** Runs the CLI with extra environment; without KARTOTEKA_LANG it speaks the workspace's language (Russian by default). */
export function cliIn(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete base.KARTOTEKA_LANG;
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, MAIN, ...args], { cwd: ROOT, timeout: 60_000, env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** stderr without the seed progress line ("\rseeding n/N"). */
export const errorLines = (r: CliRun) =>
  r.stderr
    .split('\n')
    .map((l) => l.replace(/^.*\r/, ''))
    .filter((l) => l.trim() !== '' && !/^seeding \d+\/\d+$/.test(l));

/** A failed command says one `error:` line on stderr (only the usage text may follow), never a stack trace. */
export function expectOneLineError(r: CliRun, pattern: RegExp): string[] {
  expect(r.code).not.toBe(0);
  const lines = errorLines(r);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines.slice(1).every((l) => /^(Usage:|\s{2}\w)/.test(l))).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return lines;
}

/** Runs the CLI in English with `stdin` piped to it (a password for `users … --password-stdin`). */
export function cliWithStdin(stdin: string, ...args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', KARTOTEKA_LANG: 'en' };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [TSX, MAIN, ...args], { cwd: ROOT, timeout: 60_000, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin!.end(stdin);
  });
}
