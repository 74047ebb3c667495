// How the hub authenticates to a live source: nothing, a static bearer secret, or an OAuth 2.0 client-credentials
// token (RFC 6749 §4.4) fetched from the configured token endpoint and cached until shortly before it expires.
import { SourceFailure } from './errors.js';

export type SourceCredentialConfig =
  | { kind: 'NONE' }
  | { kind: 'STATIC_BEARER'; secret: string }
  | { kind: 'CLIENT_CREDENTIALS'; tokenEndpoint: string; clientId: string; clientSecret: string }
  /** The sealed secret cannot be opened (another master key): every call fails instead of going out unauthenticated. */
  | { kind: 'UNREADABLE' };

/** Used when the token endpoint does not say how long its token lives. */
const DEFAULT_TOKEN_SECONDS = 60;
/** A token is renewed this long before it expires (or at 90% of a shorter life). */
const RENEW_MARGIN_MS = 30_000;

interface CachedToken {
  value: string;
  /** Epoch ms after which it is not used any more. */
  renewAt: number;
}

/** `application/x-www-form-urlencoded` encoding of a client id or secret, as RFC 6749 §2.3.1 wants inside Basic. */
function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

export class SourceCredentials {
  private token: CachedToken | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly config: SourceCredentialConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The bearer to send, or null for a source without credentials. */
  async bearer(signal: AbortSignal): Promise<string | null> {
    switch (this.config.kind) {
      case 'NONE':
        return null;
      case 'STATIC_BEARER':
        return this.config.secret;
      case 'UNREADABLE':
        throw new SourceFailure('TOKEN_UNAVAILABLE');
      case 'CLIENT_CREDENTIALS':
        if (this.token && this.now() < this.token.renewAt) return this.token.value;
        // Concurrent requests share one token request.
        this.pending ??= this.requestToken(this.config, signal).finally(() => {
          this.pending = null;
        });
        return this.pending;
    }
  }

  /** The source refused the token: the next call fetches a new one. */
  forget(): void {
    this.token = null;
  }

  private async requestToken(config: Extract<SourceCredentialConfig, { kind: 'CLIENT_CREDENTIALS' }>, signal: AbortSignal): Promise<string> {
    const started = this.now();
    let body: unknown;
    try {
      const res = await fetch(config.tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: `Basic ${Buffer.from(`${formEncode(config.clientId)}:${formEncode(config.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        signal,
        redirect: 'error',
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new SourceFailure('TOKEN_UNAVAILABLE');
      }
      body = await res.json();
    } catch (error) {
      if (signal.aborted) throw new SourceFailure('TIMEOUT');
      throw new SourceFailure('TOKEN_UNAVAILABLE');
    }
    const { access_token: value, token_type: type, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    if (typeof value !== 'string' || value === '' || (typeof type === 'string' && type.toLowerCase() !== 'bearer')) throw new SourceFailure('TOKEN_UNAVAILABLE');
    const lifeMs = (typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_SECONDS) * 1000;
    this.token = { value, renewAt: started + lifeMs - Math.min(RENEW_MARGIN_MS, lifeMs / 10) };
    return value;
  }
}
