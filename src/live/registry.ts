// The live sources this instance knows, in memory: loaded at start and reloaded on every PostgreSQL NOTIFY, so
// reading a published type costs no statement to learn it has no live source. Sources keep their breaker across reloads.
import type { Pool } from 'pg';
import type { LiveSourceOrigins } from '../config.js';
import { LiveSourceCredential } from '../../entities/LiveSource.js';
import { listenFor, type ChannelListener } from '../db/notifications.js';
import { openSecret, sealSecret } from '../keys/sealedSecret.js';
import type { Logger } from '../log.js';
import { SourceCredentials, type SourceCredentialConfig } from './credentials.js';
import { LiveSourceClient, type BreakerSettings, type LiveSourceSettings } from './source.js';

export const LIVE_SOURCES_CHANNEL = 'sharehub_live_sources';

interface LiveSourceRow {
  resource_type_code: string;
  provider_code: string;
  url: string;
  entity_type_name: string;
  key_field: string;
  timeout_ms: number;
  credential: LiveSourceCredential;
  token_endpoint: string | null;
  client_id: string | null;
  secret_jwe: string | null;
  is_fallback_to_published: boolean;
  version: number;
  registered_at: Date;
}

/** What the request path needs of the registry. */
export interface LiveSources {
  /** The live source of a resource type, if it has one. */
  sourceOf(resourceType: string): LiveSourceClient | undefined;
  all(): LiveSourceClient[];
  /** Reload here, then tell every instance (after a registration changed). */
  announce(): Promise<void>;
  /** Seals a bearer or client secret under the master key, for storing with the registration. */
  sealSecret(secret: string): Promise<string>;
}

/** No live sources (tools that run without a hub). */
export const NO_LIVE_SOURCES: LiveSources = {
  sourceOf: () => undefined,
  all: () => [],
  announce: async () => {},
  sealSecret: async () => {
    throw new Error('live sources are not available here');
  },
};

export class LiveSourceRegistry implements LiveSources {
  private sources = new Map<string, LiveSourceClient>();
  private refreshing: Promise<void> = Promise.resolve();
  private listener: ChannelListener | null = null;
  /** Registrations (type@version) already logged as not at their department's origins. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly options: {
      url: string;
      pool: Pool;
      masterKey: Uint8Array;
      breaker: BreakerSettings;
      /** Each department's own origins: a registration elsewhere (the list changed since) is not called. */
      origins: LiveSourceOrigins;
      logger: Logger;
    },
  ) {}

  async start(): Promise<void> {
    this.listener = await listenFor({ url: this.options.url, channel: LIVE_SOURCES_CHANNEL, logger: this.options.logger, onChange: () => void this.refresh() });
    await this.refresh();
  }

  sourceOf(resourceType: string): LiveSourceClient | undefined {
    return this.sources.get(resourceType);
  }

  all(): LiveSourceClient[] {
    return [...this.sources.values()];
  }

  sealSecret(secret: string): Promise<string> {
    return sealSecret(this.options.masterKey, secret);
  }

  /** Reloads the registrations; serialized, one at a time. Raw SQL on the pool: nothing of a request's statements. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      const { rows } = await this.options.pool.query<LiveSourceRow>('SELECT * FROM live_source');
      const next = new Map<string, LiveSourceClient>();
      for (const row of rows) {
        if (!this.isAtOwnOrigin(row)) {
          const key = `${row.resource_type_code}@${row.version}`;
          if (!this.refused.has(key)) {
            this.refused.add(key);
            this.options.logger.warn({ resourceType: row.resource_type_code, provider: row.provider_code }, "live source not at one of its department's origins (SHAREHUB_LIVE_SOURCE_ORIGINS); not called");
          }
          continue;
        }
        const existing = this.sources.get(row.resource_type_code);
        next.set(row.resource_type_code, existing?.settings.version === row.version ? existing : await this.clientOf(row));
      }
      for (const [code, client] of this.sources) if (next.get(code) !== client) client.close();
      this.sources = next;
    });
    return this.refreshing.catch((error: Error) => {
      this.options.logger.error({ err: { message: error.message } }, 'live source refresh failed; the previous registrations keep serving');
    });
  }

  async announce(): Promise<void> {
    await this.refresh();
    await this.options.pool.query('SELECT pg_notify($1, $2)', [LIVE_SOURCES_CHANNEL, '']);
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
    await this.refreshing.catch(() => undefined);
    for (const client of this.sources.values()) client.close();
    this.sources.clear();
  }

  private isAtOwnOrigin(row: LiveSourceRow): boolean {
    const own = this.options.origins.get(row.provider_code);
    const originOf = (url: string) => {
      try {
        return new URL(url).origin;
      } catch {
        return null;
      }
    };
    return [row.url, ...(row.token_endpoint ? [row.token_endpoint] : [])].every((url) => own?.has(originOf(url) ?? '') ?? false);
  }

  private async credentialsOf(row: LiveSourceRow): Promise<SourceCredentialConfig> {
    if (row.credential === LiveSourceCredential.NONE) return { kind: 'NONE' };
    let secret: string;
    try {
      secret = await openSecret(this.options.masterKey, row.secret_jwe ?? '');
    } catch {
      this.options.logger.error({ resourceType: row.resource_type_code }, 'the live source secret cannot be opened with this master key; its calls fail');
      return { kind: 'UNREADABLE' };
    }
    if (row.credential === LiveSourceCredential.STATIC_BEARER) return { kind: 'STATIC_BEARER', secret };
    return { kind: 'CLIENT_CREDENTIALS', tokenEndpoint: row.token_endpoint ?? '', clientId: row.client_id ?? '', clientSecret: secret };
  }

  private async clientOf(row: LiveSourceRow): Promise<LiveSourceClient> {
    const settings: LiveSourceSettings = {
      resourceType: row.resource_type_code,
      providerCode: row.provider_code,
      url: row.url,
      entityTypeName: row.entity_type_name,
      keyField: row.key_field,
      timeoutMs: row.timeout_ms,
      isFallbackToPublished: row.is_fallback_to_published,
      version: row.version,
      credential: row.credential,
      registeredAt: new Date(row.registered_at),
    };
    return new LiveSourceClient(settings, new SourceCredentials(await this.credentialsOf(row)), this.options.breaker, this.options.logger);
  }
}
