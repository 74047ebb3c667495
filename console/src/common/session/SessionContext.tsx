// Who is signed in, for every page: sign-in, sign-out, and the return to sign-in when the token expires.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadConsoleSettings } from '../../signin/consoleSettings';
import { clearSessionStorage, isExpired, loadSession, saveSession, type Session } from './session';

export type SignOutReason = 'expired' | 'unauthenticated' | null;

interface SessionState {
  session: Session | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: SignOutReason;
  signIn(session: Session): void;
  signOut(reason?: SignOutReason): void;
}

async function endProviderSession(idToken: string | null): Promise<void> {
  const { endOidcSession } = await import('../../signin/oidc');
  const settings = await loadConsoleSettings().catch(() => null);
  if (settings?.oidc) await endOidcSession(settings.oidc, idToken).catch(() => false);
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, onSignOut }: { children: ReactNode; onSignOut: () => void }) {
  const [session, setSession] = useState<Session | null>(() => {
    const stored = loadSession();
    return stored && !isExpired(stored) ? stored : null;
  });
  const [endedBecause, setEndedBecause] = useState<SignOutReason>(() => {
    const stored = loadSession();
    return stored && isExpired(stored) ? 'expired' : null;
  });

  const signOut = useCallback(
    (reason: SignOutReason = null) => {
      const ending = loadSession();
      clearSessionStorage();
      setSession(null);
      setEndedBecause(reason);
      onSignOut();
      // A person who signs out of the console is signed out at the OpenID Provider too (where it offers that).
      if (reason === null && ending?.oidc) void endProviderSession(ending.oidc.idToken);
    },
    [onSignOut],
  );

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setEndedBecause(null);
    setSession(next);
  }, []);

  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => signOut('expired'), Math.max(0, Math.min(left, 2_147_000_000)));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(() => ({ session, endedBecause, signIn, signOut }), [session, endedBecause, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
