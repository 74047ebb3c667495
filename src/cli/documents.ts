// `sharehub documents add|list|remove|mode --client <id>`: a client's trusted documents (registered operations) and
// whether it may, or must, send them by hash. Every change is audited; removals reach every instance at once (NOTIFY).
import fs from 'node:fs/promises';
import type { PoolClient } from 'pg';
import { DocumentMode } from '../../entities/TrustedDocument.js';
import type { Config } from '../config.js';
import { parseManifest } from '../documents/manifest.js';
import { DOCUMENTS_CHANNEL } from '../documents/store.js';
import { runAudited } from './audited.js';
import { formatTable } from './coverage.js';

async function checkClient(pool: PoolClient, clientId: string): Promise<void> {
  const known = await pool.query('SELECT 1 FROM client WHERE id = $1', [clientId]);
  if (known.rowCount === 0) throw new Error(`no client "${clientId}" is registered`);
}

export async function addDocuments(config: Config, options: { client: string; file: string }): Promise<void> {
  const documents = parseManifest(await fs.readFile(options.file, 'utf8'));
  const added = await runAudited(config, 'documents.add', 'sharehub documents add', async ({ pool, now }) => {
    await checkClient(pool, options.client);
    const { rows } = await pool.query<{ document_id: string }>(
      `INSERT INTO trusted_document (client_id, document_id, body, operation_names, registered_at)
       SELECT $1, d.document_id, d.body, d.operation_names, $3 FROM jsonb_to_recordset($2::jsonb) AS d(document_id text, body text, operation_names text[])
       ON CONFLICT (client_id, document_id) DO NOTHING RETURNING document_id`,
      [options.client, JSON.stringify(documents.map((d) => ({ document_id: d.documentId, body: d.body, operation_names: d.operationNames }))), now],
    );
    const ids = rows.map((r) => r.document_id);
    return { result: ids.length, details: ids.length ? { client: options.client, added: ids } : null };
  });
  process.stdout.write(`registered ${added} new document(s) for ${options.client}; ${documents.length - added} were registered already\n`);
}

export async function listDocuments(config: Config, options: { client: string }): Promise<void> {
  const rows = await runAudited(config, 'documents.list', 'sharehub documents list', async ({ pool }) => {
    await checkClient(pool, options.client);
    const { rows } = await pool.query<{ document_id: string; operation_names: string[]; registered_at: Date }>(
      'SELECT document_id, operation_names, registered_at FROM trusted_document WHERE client_id = $1 ORDER BY registered_at, document_id',
      [options.client],
    );
    return { result: rows, details: null };
  });
  const mode = rows.length ? '' : `no documents registered for ${options.client}\n`;
  process.stdout.write(mode || formatTable(['document id', 'operations', 'registered at'], rows.map((r) => [r.document_id, r.operation_names.join(', '), new Date(r.registered_at).toISOString()])).join('\n') + '\n');
}

export async function removeDocument(config: Config, options: { client: string; id: string }): Promise<number> {
  const removed = await runAudited(config, 'documents.remove', 'sharehub documents remove', async ({ pool }) => {
    const { rowCount } = await pool.query('DELETE FROM trusted_document WHERE client_id = $1 AND document_id = $2', [options.client, options.id]);
    if (rowCount) await pool.query('SELECT pg_notify($1, $2)', [DOCUMENTS_CHANNEL, '']);
    return { result: rowCount ?? 0, details: rowCount ? { client: options.client, removed: options.id } : null };
  });
  process.stdout.write(removed ? `removed ${options.id} for ${options.client}\n` : `${options.client} has no document ${options.id}\n`);
  return removed ? 0 : 2;
}

const MODES: Record<string, DocumentMode | null> = { off: DocumentMode.OFF, allow: DocumentMode.ALLOW, require: DocumentMode.REQUIRE, default: null };

export async function setDocumentMode(config: Config, options: { client: string; mode: string }): Promise<void> {
  const key = options.mode.toLowerCase();
  if (!(key in MODES)) throw new Error(`mode must be one of ${Object.keys(MODES).join(', ')}`);
  const mode = MODES[key]!;
  await runAudited(config, 'documents.mode', 'sharehub documents mode', async ({ pool }) => {
    await checkClient(pool, options.client);
    await pool.query('UPDATE client SET document_mode = $2 WHERE id = $1', [options.client, mode]);
    return { result: null, details: { client: options.client, mode: mode ?? 'DEFAULT' } };
  });
  process.stdout.write(`${options.client}: trusted documents ${mode ?? 'as configured (SHAREHUB_TRUSTED_DOCUMENTS)'}; running hubs apply it within a few seconds\n`);
}
