// Who is signed in, for every page: sign-in, sign-out, and the return to sign-in when the token expires.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearSessionStorage, isExpired, loadSession, saveSession, type Session } from './session';

export type SignOutReason = 'expired' | 'unauthenticated' | null;

interface SessionState {
  session: Session | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: SignOutReason;
  signIn(session: Session): void;
  signOut(reason?: SignOutReason): void;
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
      clearSessionStorage();
      setSession(null);
      setEndedBecause(reason);
      onSignOut();
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
