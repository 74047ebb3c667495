// Back from the OpenID Provider: the code exchanged for tokens, the hub asked who that is, and the session begun.
import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../common/session/SessionContext';
import type { Session } from '../common/session/session';
import { loadConsoleSettings } from './consoleSettings';
import { completeOidcSignIn, type OidcTokens } from './oidc';

interface ViewerAnswer {
  data?: { viewer: { client: { id: string; name: string } | null; roles: string[] } };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The hub's own view of the token: the same `viewer` query any system can send. */
async function sessionOf(tokens: OidcTokens): Promise<Session> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
    body: JSON.stringify({ query: '{ viewer { client { id name } roles } }' }),
  });
  const body = (await res.json().catch(() => ({}))) as ViewerAnswer;
  const viewer = body.data?.viewer;
  if (!res.ok || !viewer) throw new Error(body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`);
  const common = { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, oidc: { idToken: tokens.idToken } };
  return viewer.client
    ? { ...common, kind: 'CLIENT', id: viewer.client.id, label: viewer.client.name, roles: viewer.roles }
    : { ...common, kind: 'HOLDER', id: tokens.subject, label: tokens.name ?? tokens.subject, roles: ['HOLDER'] };
}

export default function SignInCallbackPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // The code is good for one exchange: StrictMode's second effect run must not spend it again.
    if (started.current) return;
    started.current = true;
    (async () => {
      const settings = await loadConsoleSettings();
      if (!settings.oidc) throw new Error('OIDC_NOT_CONFIGURED');
      const session = await sessionOf(await completeOidcSignIn(settings.oidc));
      signIn(session);
      navigate('/', { replace: true });
    })().catch((e: Error) => setFailed(e.message));
  }, [navigate, signIn]);

  return (
    <main className="page" style={{ maxWidth: 640 }}>
      {failed ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('signin.oidcFailed', { reason: failed })}
          action={<Button onClick={() => navigate('/signin', { replace: true })}>{t('signin.backToSignIn')}</Button>}
        />
      ) : (
        <Spin tip={t('signin.oidcCompleting')}>
          <div style={{ minHeight: 120 }} />
        </Spin>
      )}
    </main>
  );
}
