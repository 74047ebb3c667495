// CPU from /proc: one process's (a bench server's), and PostgreSQL's so far: the postmaster and its children
// (backends, WAL writer, checkpointer) of the bench's cluster.
// On two shared cores the hub's statements cost PostgreSQL CPU that the hub's own process figure does not show.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * utime + stime of /proc/<pid>/stat in seconds, its exited children's (cutime + cstime: a backend that ended, once the
 * postmaster has reaped it), and its parent pid; null when the process is gone.
 */
export function statOf(pid: string | number): { ppid: string; seconds: number; reapedSeconds: number } | null {
  try {
    // Fields after the parenthesised name: state ppid ... utime (12th) stime (13th) cutime cstime, in ticks (1/100 s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return { ppid: fields[1] ?? '', seconds: (Number(fields[11]) + Number(fields[12])) / 100, reapedSeconds: (Number(fields[13]) + Number(fields[14])) / 100 };
  } catch {
    return null;
  }
}

/**
 * CPU seconds the cluster under `<dataDir>/pg` has used so far: the postmaster, its live children, and the children it
 * has reaped (a pooled connection closed when idle); null where /proc or the pid file cannot tell.
 */
export function databaseCpuSeconds(dataDir: string): number | null {
  let postmaster: string;
  try {
    postmaster = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
  } catch {
    return null;
  }
  const own = statOf(postmaster);
  if (!own) return null;
  let seconds = own.seconds + own.reapedSeconds;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(pid);
    if (stat?.ppid === postmaster) seconds += stat.seconds;
  }
  return seconds;
}
