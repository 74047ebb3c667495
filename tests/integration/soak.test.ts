// The soak, short: `npm run soak` for 30 s (SHAREHUB_SOAK_TEST_SECONDS) on a database of its own. It passes when no
// request failed, the hub logged no warning or error, its memory stayed flat after warm-up, the audit events equal the
// responses plus the recorded refusals, and `sharehub audit verify` passes (bench/soak.ts decides and prints why).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createOwnDatabase } from '../support/ownDatabase.js';

const SECONDS = Number(process.env.SHAREHUB_SOAK_TEST_SECONDS ?? 30);

describe('npm run soak', () => {
  it(`${SECONDS} s of mixed load at 70 % of the measured maximum: no error, flat memory, one event per response, verified chain`, async () => {
    const url = await createOwnDatabase('soak');
    const run = spawn(process.execPath, [path.resolve('dist/bench/soak.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, SHAREHUB_DATA_DIR: inject('dataDir'), SOAK_SECONDS: String(SECONDS), SOAK_CALIBRATE_SECONDS: '8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    run.stdout.on('data', (c) => (out += c));
    run.stderr.on('data', (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    console.info(out);
    expect(out).toContain('soak passed');
    expect(code).toBe(0);
  }, (SECONDS + 240) * 1000);
});
