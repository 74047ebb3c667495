// Registered trusted documents as the HTTP edge reads them: one indexed lookup per (client, document), remembered in
// memory (a document never changes under its hash) until a removal is announced on every instance (NOTIFY).
import type { Pool } from 'pg';
import { listenFor, type ChannelListener } from '../db/notifications.js';
import type { Logger } from '../log.js';

export const DOCUMENTS_CHANNEL = 'sharehub_trusted_documents';
const MAX_CACHED = 10_000;

export class TrustedDocumentStore {
  private readonly cache = new Map<string, string>();
  /** Bumped by every removal, so that a lookup that started before it never caches what it read. */
  private generation = 0;
  private listener: ChannelListener | null = null;

  constructor(private readonly options: { url: string; pool: Pool; logger: Logger }) {}

  async start(): Promise<void> {
    this.listener = await listenFor({ url: this.options.url, channel: DOCUMENTS_CHANNEL, logger: this.options.logger, onChange: () => this.forgetAll() });
  }

  /** Named invalidation: a document was removed somewhere. */
  forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }

  /** The text of a document `clientId` registered; null when it registered none under that id. */
  async lookup(clientId: string, documentId: string): Promise<string | null> {
    const key = `${clientId}\n${documentId}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const { rows } = await this.options.pool.query<{ body: string }>('SELECT body FROM trusted_document WHERE client_id = $1 AND document_id = $2', [clientId, documentId]);
    const body = rows[0]?.body ?? null;
    if (body !== null && generation === this.generation) {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, body);
    }
    return body;
  }
}
