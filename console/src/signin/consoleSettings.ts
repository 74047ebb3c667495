// What the hub tells the console at start (/console/config.json): the OpenID Connect sign-in, if any. Public values only.
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  resource: string | null;
}

export interface ConsoleSettings {
  oidc: OidcSettings | null;
}

let loaded: Promise<ConsoleSettings> | null = null;

export function loadConsoleSettings(): Promise<ConsoleSettings> {
  loaded ??= fetch('/console/config.json', { headers: { accept: 'application/json' } }).then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as ConsoleSettings;
  });
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}
