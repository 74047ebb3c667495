// The first query a department system makes: who am I, according to the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const VIEWER = '{ viewer { client { id name } department { code shortCode name nameEn } roles } }';

describe('viewer', () => {
  it('answers a demo machine client with its client, department and roles', async () => {
    const res = await (await t.as('psb-system')).query(VIEWER);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.client.id).toBe('psb-system');
    expect(res.data?.viewer.department.shortCode).toBe('psb');
    expect(res.data?.viewer.department.name).toContain('公安局');
    expect(res.data?.viewer.roles).toEqual(['SYSTEM']);
  });

  it('answers each demo client id listed in README', async () => {
    const ids = ['psb-system', 'amr-system', 'civil-affairs-system', 'hrss-system', 'housing-system', 'psb-admin', 'amr-admin', 'civil-affairs-admin', 'hrss-admin', 'housing-admin', 'service-center-admin', 'window-clerk', 'auditor'];
    for (const id of ids) {
      const res = await (await t.as(id)).query('{ viewer { client { id } roles } }');
      expect(res.data?.viewer.client.id, id).toBe(id);
    }
    const clerk = await (await t.as('window-clerk')).query('{ viewer { roles department { shortCode } } }');
    expect(clerk.data?.viewer).toEqual({ roles: ['WINDOW_CLERK'], department: { shortCode: 'service-center' } });
  });

  it('returns the request id it was given, and makes one when none is given', async () => {
    const client = await t.as('amr-system');
    const given = await client.with({ 'x-request-id': 'test-req-42' }).query(VIEWER);
    expect(given.headers.get('x-request-id')).toBe('test-req-42');
    const made = await client.query(VIEWER);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes an audit event for the operation before answering', async () => {
    const requestId = `viewer-audit-${Date.now()}`;
    const res = await (await t.as('hrss-system')).with({ 'x-request-id': requestId }).query('query WhoAmI { viewer { roles } }');
    expect(res.status).toBe(200);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const rows = await pool.query('SELECT client_id, department_code, action, operation_name, outcome, operation_hash FROM audit_event WHERE request_id = $1', [requestId]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ client_id: 'hrss-system', action: 'graphql.query', operation_name: 'WhoAmI', outcome: 'SUCCESS' });
    expect(rows.rows[0].operation_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
