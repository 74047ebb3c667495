// Runs `sharehub` (the built CLI) to its end as an operator would, with only the given environment (and PATH).
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  /** stdout and stderr interleaved as they came. */
  out: string;
  stdout: string;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, [path.resolve('dist/src/cli/main.js'), ...args], { env: { PATH: process.env.PATH, ...env } });
  let out = '';
  let stdout = '';
  child.stdout.on('data', (c) => ((out += c), (stdout += c)));
  child.stderr.on('data', (c) => (out += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, stdout })));
}
