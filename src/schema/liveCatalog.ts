// Keeps this instance's catalog and schema current: loads the catalog, builds and swaps the schema, and
// listens on PostgreSQL (LISTEN/NOTIFY) so a change published on any instance is served by every instance.
import { validateSchema, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Catalog, loadCatalog } from '../catalog/catalog.js';
import type { Logger } from '../log.js';
import { buildCatalogParts, mergeCatalog } from './catalogSchema.js';
import { buildCertificateFaceTypes } from './certificateSchema.js';
import type { SchemaSource } from './schemaSource.js';

export const CATALOG_CHANNEL = 'sharehub_catalog';
const RECONNECT_MS = 1_000;

export function schemaFor(staticSchema: GraphQLSchema, catalog: Catalog): GraphQLSchema {
  const parts = buildCatalogParts(catalog);
  const schema = mergeCatalog(staticSchema, { ...parts, types: [...parts.types, ...buildCertificateFaceTypes(staticSchema, catalog)] });
  const errors = validateSchema(schema);
  if (errors.length) throw new Error(`the catalog does not make a valid schema: ${errors.map((e) => e.message).join('; ')}`);
  return schema;
}

export class LiveCatalog {
  catalog = new Catalog([]);
  private listener: pg.Client | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private stopped = false;
  private signature = '';

  constructor(
    private readonly options: {
      url: string;
      em: EntityManager;
      pool: pg.Pool;
      staticSchema: GraphQLSchema;
      schemaSource: SchemaSource;
      logger: Logger;
    },
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    await this.listen();
  }

  /** Reloads the catalog and swaps the schema when it changed. Serialized: one refresh at a time. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      const catalog = await loadCatalog(this.options.em);
      const signature = [...catalog.all().map((e) => `${e.code}@${e.version}`), ...catalog.certificateTypes().map((t) => `certificate:${t.code}@${t.version}`)].join(',');
      if (signature === this.signature) return;
      const schema = schemaFor(this.options.staticSchema, catalog);
      this.catalog = catalog;
      this.signature = signature;
      this.options.schemaSource.swap(schema);
      this.options.logger.info({ catalog: signature }, 'schema swapped for the catalog');
    });
    return this.refreshing.catch((error: Error) => {
      this.options.logger.error({ err: { message: error.message } }, 'catalog refresh failed; the previous schema keeps serving');
    });
  }

  /** Tells every instance (this one included) that the catalog changed. */
  async announce(): Promise<void> {
    await this.refresh();
    await this.options.pool.query('SELECT pg_notify($1, $2)', [CATALOG_CHANNEL, this.signature]);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('error', (error) => {
      this.options.logger.warn({ err: { message: error.message } }, 'catalog listener lost its connection');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    client.on('notification', () => void this.refresh());
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOG_CHANNEL}`);
      this.listener = client;
      // Anything published while we were not listening.
      await this.refresh();
    } catch (error) {
      this.options.logger.warn({ err: { message: (error as Error).message } }, 'catalog listener cannot connect; retrying');
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.stopped || (this.listener !== client && this.listener !== null)) return;
    this.listener = null;
    client.removeAllListeners();
    client.on('error', () => {});
    client.end().catch(() => undefined);
    setTimeout(() => void this.listen(), RECONNECT_MS).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.listener;
    this.listener = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => undefined);
    }
    await this.refreshing.catch(() => undefined);
  }
}
