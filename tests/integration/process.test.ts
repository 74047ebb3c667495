// The `sharehub` command as an operator runs it (compiled by `npm test`'s build step): start, SIGTERM, bad config.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadDevIssuer } from '../../src/auth/devIssuer.js';
import { typeNameOf } from '../../src/catalog/naming.js';
import { DEMO_RESOURCE_TYPES } from '../../src/demo/catalog.js';
import { publish, uniqueCode } from '../support/catalog.js';
import { GraphQLClient } from '../support/client.js';

const CLI = path.resolve('dist/src/cli/main.js');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const demoEnv = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), PORT: '0', LOG_LEVEL: 'info' });

describe('sharehub start', () => {
  it('serves, then on SIGTERM drains and exits 0', async () => {
    const hub = run(['start'], demoEnv());
    const url = await waitFor(() => /"url":"(http:[^"]+)\/graphql"/.exec(hub.err())?.[1], 30_000, 'the hub to listen');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const token = run(['token', '--client', 'amr-system', '--ttl', '5m'], demoEnv());
    expect(await token.exited).toBe(0);
    const jwt = token.out().trim();
    expect(jwt.split('.')).toHaveLength(3);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ query: '{ viewer { client { id } } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { client: { id: 'amr-system' } } } });
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    expect(hub.err()).toMatch(/"msg":"stopped"/);
    expect(hub.err()).not.toContain(jwt);
  });

  it('for a person (LOG_FORMAT=pretty, the default on a terminal) prints readable lines and a ready block; JSON lines otherwise', async () => {
    const hub = run(['start'], { ...demoEnv(), LOG_FORMAT: 'pretty' });
    const url = await waitFor(() => /GraphQL:\s+(http:\S+)\/graphql/.exec(hub.err())?.[1], 30_000, 'the ready block');
    expect(hub.err()).toContain('npx sharehub token --client window-clerk');
    expect(hub.err()).toMatch(/INFO.*sharehub is serving/);
    expect(hub.err().split('\n').some((line) => line.startsWith('{'))).toBe(false);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    const json = run(['token', '--client', 'nobody'], { ...demoEnv(), LOG_FORMAT: 'nonsense' });
    expect(await json.exited).toBe(1);
    expect(json.err()).toContain('LOG_FORMAT');
  });

  it('outside demo mode refuses to start without a trusted issuer, naming the variable, exit 1', async () => {
    const hub = run(['start'], { DATABASE_URL: inject('databaseUrl'), PORT: '0' });
    expect(await hub.exited).toBe(1);
    expect(hub.err()).toContain('SHAREHUB_ISSUERS');
  });

  it('a bad value stops start-up with a message naming the variable, exit 1', async () => {
    const hub = run(['start'], { ...demoEnv(), PORT: 'not-a-port' });
    expect(await hub.exited).toBe(1);
    expect(hub.err()).toContain('PORT');
  });
});

describe('the demo live source', () => {
  it("is HRSS's own: another department that mirrors its type cannot register the demo subgraph as its own source", async () => {
    const hub = run(['start'], demoEnv());
    const url = await waitFor(() => /"url":"(http:[^"]+)\/graphql"/.exec(hub.err())?.[1], 60_000, 'the hub to listen');
    const subgraph = /"subgraph":"(http:[^"]+)"/.exec(hub.err())?.[1];
    expect(subgraph).toBeDefined();
    const issuer = await loadDevIssuer(inject('dataDir'));
    const psbAdmin = new GraphQLClient(`${url}/graphql`, { authorization: `Bearer ${await issuer.signClientToken('psb-admin', 300)}` });
    // PSB publishes a type with social insurance's fields (the NOT_SHARED ones included) and points it at HRSS's service.
    const socialInsurance = DEMO_RESOURCE_TYPES.find((d) => d.code === 'social_insurance')!;
    const { providerCode: _hrss, ...mirror } = { ...socialInsurance, code: uniqueCode('t_mirror') };
    await publish(psbAdmin, mirror);
    const res = await psbAdmin.query(`mutation R($input: RegisterLiveSourceInput!) { registerLiveSource(input: $input) { liveSource { resourceType } } }`, {
      input: { resourceType: mirror.code, url: subgraph, entityTypeName: typeNameOf('social_insurance'), keyField: 'subjectId' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.mismatches).toEqual([{ field: 'url', problem: expect.stringContaining('not among the origins the hub may call for department') }]);
    const hrssAdmin = new GraphQLClient(`${url}/graphql`, { authorization: `Bearer ${await issuer.signClientToken('hrss-admin', 300)}` });
    const sources = await hrssAdmin.query(`{ liveSources { resourceType url } }`);
    expect(sources.data?.liveSources).toContainEqual({ resourceType: 'social_insurance', url: subgraph });
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
  });
});

describe('sharehub token', () => {
  it('refuses a client id that is not registered, printing nothing on stdout', async () => {
    const token = run(['token', '--client', 'nobody'], demoEnv());
    expect(await token.exited).toBe(1);
    expect(token.out()).toBe('');
    expect(token.err()).toContain('no enabled client');
  });
});
