// Keeps this instance's catalog and schema current: loads the catalog, builds and swaps the schema, and
// listens on PostgreSQL (LISTEN/NOTIFY) so a change published on any instance is served by every instance.
import { validateSchema, type GraphQLSchema } from 'graphql';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Catalog, loadCatalog } from '../catalog/catalog.js';
import { listenFor, type ChannelListener } from '../db/notifications.js';
import type { Logger } from '../log.js';
import { buildCatalogParts, mergeCatalog } from './catalogSchema.js';
import { buildCertificateFaceTypes } from './certificateSchema.js';
import type { SchemaSource } from './schemaSource.js';

export const CATALOG_CHANNEL = 'sharehub_catalog';

export function schemaFor(staticSchema: GraphQLSchema, catalog: Catalog): GraphQLSchema {
  const parts = buildCatalogParts(catalog);
  const schema = mergeCatalog(staticSchema, { ...parts, types: [...parts.types, ...buildCertificateFaceTypes(staticSchema, catalog)] });
  const errors = validateSchema(schema);
  if (errors.length) throw new Error(`the catalog does not make a valid schema: ${errors.map((e) => e.message).join('; ')}`);
  return schema;
}

export class LiveCatalog {
  catalog = new Catalog([]);
  private listener: ChannelListener | null = null;
  private refreshing: Promise<void> = Promise.resolve();
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
    // listenFor also refreshes after every (re)connect, so nothing published while not listening is missed.
    this.listener = await listenFor({ url: this.options.url, channel: CATALOG_CHANNEL, logger: this.options.logger, onChange: () => void this.refresh() });
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

  async stop(): Promise<void> {
    await this.listener?.stop();
    this.listener = null;
    await this.refreshing.catch(() => undefined);
  }
}
