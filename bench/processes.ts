// The parent's side of bench processes: a server (serverProcess.ts) forked per side, its URL once it listens, stopped on close.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { statOf } from './databaseCpu.js';
import type { ServerCommand, ServerReply, ServerSpec, ServerStart } from './serverProcess.js';

export interface ServerProcess {
  url: string;
  /** What the server told besides its URL (the live subgraph's subject ids). */
  extra: unknown;
  pid: number;
  /** The process's peak resident memory so far (VmHWM), MB; null where /proc does not tell. */
  peakRssMb(): number | null;
  /** CPU seconds (user + system) the process has used so far; null where /proc does not tell. */
  cpuSeconds(): number | null;
  /** Hub only: reload its catalog now. */
  refreshCatalog(): Promise<void>;
  close(): Promise<void>;
}

/** How long a server may take to stop before it is killed. */
const STOP_GRACE_MS = 20_000;

/**
 * BENCH_PROFILE_DIR=dir: every hub process runs with --cpu-prof into that directory (one .cpuprofile per hub, written
 * when it stops), for bench/profileSummary.ts to split by phase. With BENCH_PROFILE_BASELINES=1 the baselines' servers
 * too (file names carry the start time and pid; the record benches start their hub first), so a hub's phases can be set
 * beside the floor's.
 */
function execArgvFor(spec: ServerSpec): string[] {
  return [...hubFlags(spec), ...profileArgv(spec)];
}

/** BENCH_HUB_NODE_FLAGS='--flag ...': Node or V8 flags for every hub process (not the baselines), to try one on the hub. */
function hubFlags(spec: ServerSpec): string[] {
  const flags = process.env.BENCH_HUB_NODE_FLAGS?.trim();
  return spec.kind === 'hub' && flags ? flags.split(/\s+/) : [];
}

function profileArgv(spec: ServerSpec): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir || (spec.kind !== 'hub' && process.env.BENCH_PROFILE_BASELINES !== '1')) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'];
}

export async function startServerProcess(database: { url: string; dataDir: string }, spec: ServerSpec): Promise<ServerProcess> {
  const child: ChildProcess = fork(new URL('./serverProcess.js', import.meta.url), [], {
    execArgv: execArgvFor(spec),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; extra?: unknown }>((resolve, reject) => {
    const onMessage = (message: ServerReply) => {
      if ('ready' in message) resolve(message.ready);
      else if ('failed' in message) reject(new Error(`${spec.kind} process: ${message.failed}`));
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${spec.kind} process exited (${code}) before it listened`)));
    child.send({ database, spec } satisfies ServerStart);
  });
  let nextId = 0;
  return {
    url: ready.url,
    extra: ready.extra,
    pid: child.pid ?? 0,
    cpuSeconds() {
      return child.pid === undefined ? null : (statOf(child.pid)?.seconds ?? null);
    },
    peakRssMb() {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? null : Number(kb) / 1024;
      } catch {
        return null;
      }
    },
    refreshCatalog() {
      const id = (nextId += 1);
      return new Promise<void>((resolve, reject) => {
        const onMessage = (message: ServerReply) => {
          if (!('done' in message) || message.done !== id) return;
          child.off('message', onMessage);
          if (message.error) reject(new Error(message.error));
          else resolve();
        };
        child.on('message', onMessage);
        child.send({ command: 'refreshCatalog', id } satisfies ServerCommand);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      child.send({ command: 'close' } satisfies ServerCommand);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
