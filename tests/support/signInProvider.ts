// A real OpenID Provider for people (oidc-provider): a login form, a consent page, the authorization code flow with
// PKCE for the console (a public client), JWT access tokens for the hub, and RP-initiated logout.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

export interface SignInAccount {
  /** The account id, which is the `sub` of its tokens (for staff: their registered client id at the hub). */
  id: string;
  password: string;
  name: string;
}

export interface TestSignInProvider {
  issuer: string;
  jwksUri: string;
  /** The resource (RFC 8707) the hub is known by: the `aud` of access tokens. */
  audience: string;
  /** The console's client id. */
  clientId: string;
  /** Registers the console (a public client) for a hub at this URL: redirect and post-logout URIs. */
  registerConsole(hubUrl: string): void;
  /** How many times an end-session (logout) was confirmed. */
  readonly logouts: number;
  close(): Promise<void>;
}

class MemoryAdapter {
  private static store = new Map<string, { payload: Record<string, unknown>; uid?: string }>();
  constructor(private readonly name: string) {}
  private key(id: string) {
    return `${this.name}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>) {
    MemoryAdapter.store.set(this.key(id), { payload, uid: payload.uid as string | undefined });
  }
  async find(id: string) {
    return MemoryAdapter.store.get(this.key(id))?.payload as never;
  }
  async findByUserCode() {
    return undefined;
  }
  async findByUid(uid: string) {
    for (const [key, entry] of MemoryAdapter.store) if (key.startsWith(`${this.name}:`) && entry.uid === uid) return entry.payload as never;
    return undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of MemoryAdapter.store) if (entry.payload.grantId === grantId) MemoryAdapter.store.delete(key);
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The provider listens at once (its issuer is known); the console client is registered once the hub's URL is. */
export async function startSignInProvider(accounts: SignInAccount[]): Promise<TestSignInProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const audience = 'urn:sharehub:api';
  const clientId = 'sharehub-console';
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const jwks = { keys: [{ ...jwk, alg: 'ES256', use: 'sig', kid: await calculateJwkThumbprint(jwk) }] };
  let provider: Provider | null = null;
  let logouts = 0;

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, p: Provider, path: string): Promise<void> {
    const details = (await p.interactionDetails(req, res)) as unknown as {
      uid: string;
      prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> } };
      params: { client_id: string; scope?: string };
      session?: { accountId: string };
      grantId?: string;
    };
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET') {
      if (details.prompt.name === 'login') {
        return html(
          200,
          page(
            'Sign in',
            `<form method="post" action="/interaction/${details.uid}/login">
              <p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" required></p>
              <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
              <p><button type="submit">Sign in</button></p></form>`,
          ),
        );
      }
      return html(
        200,
        page(
          'Allow access',
          `<p>${escape(details.params.client_id)} asks for: ${escape(details.params.scope ?? '')}</p>
          <form method="post" action="/interaction/${details.uid}/confirm"><button type="submit">Allow</button></form>`,
        ),
      );
    }
    if (path.endsWith('/login')) {
      const form = await formOf(req);
      const account = accounts.find((a) => a.id === form.get('username') && a.password === form.get('password'));
      if (!account) return html(401, page('Sign in failed', '<p>Unknown user name or wrong password.</p>'));
      await p.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
      return;
    }
    const { Grant } = p as unknown as { Grant: new (init: { accountId: string; clientId: string }) => GrantLike; find?: never };
    interface GrantLike {
      addOIDCScope(scope: string): void;
      addOIDCClaims(claims: string[]): void;
      addResourceScope(indicator: string, scope: string): void;
      save(): Promise<string>;
    }
    const grant = new Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    await p.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  let callback: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  server.on('request', (req, res) => {
    if (!provider || !callback) return void res.writeHead(503).end();
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path.startsWith('/interaction/')) {
      interaction(req, res, provider, path).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`interaction failed: ${error.message}`);
      });
      return;
    }
    // Count confirmed logouts: the end-session confirmation is a POST that carries logout=yes.
    if (path === '/session/end/confirm' && req.method === 'POST') res.on('finish', () => void (logouts += res.statusCode < 400 ? 1 : 0));
    callback(req, res);
  });

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    audience,
    clientId,
    get logouts() {
      return logouts;
    },
    registerConsole(hubUrl) {
      provider = new Provider(issuer, {
        adapter: MemoryAdapter,
        clients: [
          {
            client_id: clientId,
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            redirect_uris: [`${hubUrl}/console/signin/callback`],
            post_logout_redirect_uris: [`${hubUrl}/console/signin`],
            id_token_signed_response_alg: 'ES256',
          },
        ],
        jwks,
        async findAccount(_ctx: unknown, id: string) {
          const account = accounts.find((a) => a.id === id);
          return account ? { accountId: id, claims: async () => ({ sub: id, name: account.name }) } : undefined;
        },
        claims: { openid: ['sub'], profile: ['name'] },
        interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            // A plain page (the default one fetches a web font from the internet).
            async logoutSource(ctx: { body: string }, form: string) {
              ctx.body = page('Sign out', `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
            },
            async postLogoutSuccessSource(ctx: { body: string }) {
              ctx.body = page('Signed out', '<p>You are signed out.</p>');
            },
          },
          resourceIndicators: {
            enabled: true,
            defaultResource: (_ctx: unknown, _client: unknown, oneOf?: string) => oneOf ?? audience,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx: unknown, resource: string) => {
              if (resource !== audience) throw new errors.InvalidTarget();
              return { scope: 'sharehub', audience, accessTokenTTL: 300, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
            },
          },
        },
        ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
      } as never);
      callback = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
