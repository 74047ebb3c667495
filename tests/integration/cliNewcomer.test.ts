// The command line tried as a newcomer following the README would (issue 17): tokens from the data directory alone,
// a closed stdout as a normal end, departments by short code, and tables that line up with Chinese text.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDevIssuer } from '../../src/auth/devIssuer.js';
import { formatTable } from '../../src/cli/coverage.js';
import { runCli } from '../support/cli.js';
import { startTestHub } from '../support/hub.js';

beforeAll(async () => {
  // The run's data directory as a demo hub leaves it: its development issuer exists.
  await loadDevIssuer(inject('dataDir'));
});

const demoEnv = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), LOG_LEVEL: 'warn' });

/** Runs the CLI, reads its first chunk of stdout, then closes the pipe as `| head -1` would. */
function runAndCloseStdout(args: string[], env: Record<string, string>): Promise<{ code: number | null; first: string; stderr: string }> {
  const child = spawn(process.execPath, [path.resolve('dist/src/cli/main.js'), ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let first = '';
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.once('data', (c) => {
    first = String(c);
    child.stdout.destroy();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, first, stderr })));
}

describe('sharehub token', () => {
  it('makes a demo client token from the data directory alone, with no database to reach', async () => {
    const res = await runCli(['token', '--client', 'window-clerk'], { SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir'), SHAREHUB_PG_PORT: '1' });
    expect(res.code).toBe(0);
    expect(res.stdout.trim().split('.')).toHaveLength(3);
  });

  it('in a directory without a demo hub, says where it looked and what to do instead of failing on a connection', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-no-hub-'));
    try {
      const res = await runCli(['token', '--client', 'window-clerk'], { SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: empty });
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.out).toContain(empty);
      expect(res.out).toContain('SHAREHUB_DATA_DIR');
      expect(res.out).not.toMatch(/ECONNREFUSED|\n\s+at /);
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });

  it('a client id beyond the demo ones, with the hub’s database unreachable, names the settings it needs', async () => {
    const res = await runCli(['token', '--client', 'someone-else'], { SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('DATABASE_URL');
    expect(res.out).not.toMatch(/\n\s+at /);
  });
});

describe('a closed stdout is a normal end', () => {
  beforeAll(async () => {
    // Enough audit events that an export fills the pipe long before it ends.
    const t = await startTestHub();
    try {
      const client = await t.as('psb-system');
      for (let i = 0; i < 10; i += 1) await Promise.all(Array.from({ length: 30 }, () => client.query('{ viewer { roles } }')));
    } finally {
      await t.close();
    }
  });

  it.each([[['schema']], [['audit', 'export']]])('sharehub %j | head exits 0 without a stack trace', async (args) => {
    const res = await runAndCloseStdout(args, demoEnv());
    expect(res.first.length).toBeGreaterThan(0);
    expect(res.code).toBe(0);
    expect(res.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('sharehub coverage', () => {
  it('takes a department by its short code and names it by its name', async () => {
    const res = await runCli(['coverage', '--department', 'hrss'], demoEnv());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('人力资源和社会保障局 (hrss)');
  });

  it('refuses an unknown department, listing the known ones with their short codes (exit 2)', async () => {
    const res = await runCli(['coverage', '--department', 'no-such'], demoEnv());
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.out).toContain('no department "no-such"');
    expect(res.out).toMatch(/psb\s+11330100MBDEM0015E\s+杭州市公安局/);
  });

  it('lines its columns up by display width, Chinese text included', () => {
    const lines = formatTable(['service item', 'name', 'count'], [
      ['public_rental_housing', '公共租赁住房申请', '2/4'],
      ['x', 'ab', '10/10'],
    ]);
    const columnOf = (line: string, cell: string) => stringWidth(line.slice(0, line.indexOf(cell)));
    expect(columnOf(lines[2]!, '2/4')).toBe(columnOf(lines[3]!, '10/10'));
    expect(columnOf(lines[0]!, 'count')).toBe(columnOf(lines[2]!, '2/4'));
  });
});
