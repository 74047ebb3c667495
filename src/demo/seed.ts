// The demo seed: departments, their clients, and synthetic subjects. Deterministic and idempotent.
import type { Pool } from 'pg';
import { ClientKind, Role } from '../../entities/Client.js';
import { SubjectKind } from '../../entities/Subject.js';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../log.js';
import type { Progress } from './progress.js';
import { seedDemoCatalog } from './seedCatalog.js';
import { seedDemoCertificates } from './seedCertificates.js';
import { DEMO_DEPARTMENTS, generateOrganizations, generatePersons } from './subjects.js';

/** Bump when the seed's content changes; a database with this version is left as it is. */
export const DEMO_SEED_VERSION = 1;
export const DEMO_PERSON_COUNT = 10_000;
export const DEMO_ORGANIZATION_COUNT = 2_000;
const BATCH = 2_000;

interface DemoClient {
  id: string;
  name: string;
  department: string;
  kind: ClientKind;
  roles: Role[];
}

/** The demo clients, by the ids README lists. */
export function demoClients(): DemoClient[] {
  const clients: DemoClient[] = [];
  for (const d of DEMO_DEPARTMENTS) {
    if (d.shortCode !== 'service-center') {
      clients.push({ id: `${d.shortCode}-system`, name: `${d.name}业务系统`, department: d.shortCode, kind: ClientKind.MACHINE, roles: [Role.SYSTEM] });
    }
    clients.push({ id: `${d.shortCode}-admin`, name: `${d.name}数据管理员`, department: d.shortCode, kind: ClientKind.USER, roles: [Role.DATA_ADMIN] });
  }
  clients.push({ id: 'window-clerk', name: '政务服务中心综合窗口', department: 'service-center', kind: ClientKind.MACHINE, roles: [Role.WINDOW_CLERK] });
  clients.push({ id: 'auditor', name: '审计员', department: 'service-center', kind: ClientKind.USER, roles: [Role.AUDITOR] });
  return clients;
}

/** With the master key, the demo certificates are seeded too (they are signed with the departments' keys). */
export interface SeedOptions {
  masterKey?: Uint8Array;
}

export async function seedDemo(orm: Orm, logger: Logger, progress: Progress, options: SeedOptions = {}): Promise<{ seeded: boolean }> {
  const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
  const existing = await pool.query<{ value: unknown }>(`SELECT value FROM hub_setting WHERE key = 'demo_seed_version'`);
  if (existing.rows[0]?.value === DEMO_SEED_VERSION) {
    logger.info({ version: DEMO_SEED_VERSION }, 'demo data already present');
    if (options.masterKey) await seedDemoCertificates(orm, options.masterKey, generatePersons(DEMO_PERSON_COUNT), generateOrganizations(DEMO_ORGANIZATION_COUNT), progress, logger);
    return { seeded: false };
  }
  const codeOf = new Map<string, string>(DEMO_DEPARTMENTS.map((d) => [d.shortCode, d.code]));
  const clients = demoClients();
  const persons = generatePersons(DEMO_PERSON_COUNT);
  const organizations = generateOrganizations(DEMO_ORGANIZATION_COUNT);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO department (code, short_code, name, name_en) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [DEMO_DEPARTMENTS.map((d) => d.code), DEMO_DEPARTMENTS.map((d) => d.shortCode), DEMO_DEPARTMENTS.map((d) => d.name), DEMO_DEPARTMENTS.map((d) => d.nameEn)],
    );
    await client.query(
      `INSERT INTO client (id, name, department_code, kind, roles)
       SELECT id, name, dept, kind, string_to_array(roles, ',') FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(id, name, dept, kind, roles)
       ON CONFLICT DO NOTHING`,
      [clients.map((c) => c.id), clients.map((c) => c.name), clients.map((c) => codeOf.get(c.department)!), clients.map((c) => c.kind), clients.map((c) => c.roles.join(','))],
    );
    const subjects = [
      ...persons.map((p) => ({ id: p.idNumber, kind: SubjectKind.PERSON, name: p.name })),
      ...organizations.map((o) => ({ id: o.creditCode, kind: SubjectKind.ORGANIZATION, name: o.name })),
    ];
    progress.start('demo subjects', subjects.length);
    for (let i = 0; i < subjects.length; i += BATCH) {
      const batch = subjects.slice(i, i + BATCH);
      await client.query(`INSERT INTO subject (id, kind, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
        batch.map((s) => s.id),
        batch.map((s) => s.kind),
        batch.map((s) => s.name),
      ]);
      progress.advance(batch.length);
    }
    progress.stop();
    await seedDemoCatalog(client, persons, organizations, progress, new Date());
    await client.query(
      `INSERT INTO hub_setting (key, value) VALUES ('demo_seed_version', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [JSON.stringify(DEMO_SEED_VERSION)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  logger.info({ departments: DEMO_DEPARTMENTS.length, clients: clients.length, persons: persons.length, organizations: organizations.length }, 'demo data seeded');
  if (options.masterKey) await seedDemoCertificates(orm, options.masterKey, persons, organizations, progress, logger);
  return { seeded: true };
}
