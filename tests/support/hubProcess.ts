// A hub run as an operator runs it (`sharehub start`, compiled by the build), as a child process: for tests that kill it
// with SIGKILL or run several instances side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject, vi } from 'vitest';

const CLI = path.resolve('dist/src/cli/main.js');

export interface HubProcess {
  child: ChildProcess;
  /** http://127.0.0.1:port/graphql */
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr (pino lines). */
  log(): string;
}

export interface CliRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  out(): string;
  err(): string;
}

/** The environment `sharehub` runs with on `databaseUrl` and the run's data directory (its keys and dev issuer). */
export function hubEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', SHAREHUB_DEMO: '1', DATABASE_URL: databaseUrl, SHAREHUB_DATA_DIR: inject('dataDir'), ...env };
}

export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Starts `sharehub start` on port 0 and waits until it serves. */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const run = runCli(['start'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const url = await vi.waitFor(
    () => {
      const found = /"url":"(http:[^"]+\/graphql)"/.exec(run.err())?.[1];
      if (!found) {
        if (run.child.exitCode !== null) throw new Error(`the hub exited: ${run.err().slice(-800)}`);
        throw new Error(`the hub is not serving yet: ${run.err().slice(-500)}`);
      }
      return found;
    },
    { interval: 50, timeout: 60_000 },
  );
  return { child: run.child, url, exited: run.exited, log: run.err };
}

/** Ends a hub process: SIGTERM (drain), or SIGKILL. */
export async function stopHubProcess(hub: HubProcess | undefined, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (!hub || hub.child.exitCode !== null || hub.child.signalCode !== null) return;
  hub.child.kill(signal);
  await hub.exited;
}
