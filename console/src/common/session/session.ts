// The signed-in session: the token and who it is, kept in sessionStorage only (never localStorage), gone with the tab.
export interface Session {
  accessToken: string;
  /** ISO time the token expires. */
  expiresAt: string;
  kind: 'CLIENT' | 'HOLDER';
  /** Client id, or the holder's ID number. */
  id: string;
  /** Name to show. */
  label: string;
  roles: string[];
  /** Signed in through the OpenID Provider: its ID token, to end the session there too at sign-out. */
  oidc?: { idToken: string | null };
}

const KEY = 'sharehub.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Sign-out: the token, the purpose and everything else this console kept for the tab. */
export function clearSessionStorage(): void {
  sessionStorage.clear();
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}
