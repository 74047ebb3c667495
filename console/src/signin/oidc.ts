// OpenID Connect sign-in (authorization code + PKCE) with oidc-client-ts, loaded only when a person uses it.
// Everything it keeps (state, verifier, user) lives in sessionStorage, never localStorage.
import type { UserManager } from 'oidc-client-ts';
import type { OidcSettings } from './consoleSettings';

export const CALLBACK_PATH = '/console/signin/callback';
const SIGNED_OUT_PATH = '/console/signin';

async function userManager(settings: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  const resource = settings.resource ? { resource: settings.resource } : undefined;
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: settings.scope,
    userStore: store,
    stateStore: store,
    // The console asks again when the token ends (the sign-in page says why) rather than renewing in a hidden frame,
    // which the console's frame-ancestors policy and third-party cookie rules would break anyway.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    extraQueryParams: resource,
    extraTokenParams: resource,
  });
}

/** Off to the provider's sign-in page; the browser comes back to the callback route. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  await (await userManager(settings)).signinRedirect();
}

export interface OidcTokens {
  accessToken: string;
  /** ISO time. */
  expiresAt: string;
  idToken: string | null;
  /** `sub` and `name` of the ID token. */
  subject: string;
  name: string | null;
}

/** On the callback route: the code exchanged (with the PKCE verifier) for tokens. */
export async function completeOidcSignIn(settings: OidcSettings): Promise<OidcTokens> {
  const manager = await userManager(settings);
  const user = await manager.signinRedirectCallback();
  // The session keeps what it needs; the library's own copy is not kept beside it.
  await manager.removeUser();
  return {
    accessToken: user.access_token,
    expiresAt: new Date((user.expires_at ?? Math.floor(Date.now() / 1000)) * 1000).toISOString(),
    idToken: user.id_token ?? null,
    subject: user.profile.sub,
    name: typeof user.profile.name === 'string' ? user.profile.name : null,
  };
}

/** Ends the session at the provider too, where it offers an end-session endpoint; the browser comes back to sign-in. */
export async function endOidcSession(settings: OidcSettings, idToken: string | null): Promise<boolean> {
  const manager = await userManager(settings);
  const metadata = await manager.metadataService.getMetadata().catch(() => null);
  if (!metadata?.end_session_endpoint) return false;
  await manager.signoutRedirect(idToken ? { id_token_hint: idToken } : undefined);
  return true;
}
