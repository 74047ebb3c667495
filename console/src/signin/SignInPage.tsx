// Sign-in: in demo mode, one button per demo client and holder; the message when a session ended.
import { Alert, Button, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { Panel } from '../common/layout/Panel';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../common/layout/LanguageSwitch';
import { useSession } from '../common/session/SessionContext';
import { loadConsoleSettings, type OidcSettings } from './consoleSettings';
import { fetchDemoIdentities, fetchDemoToken, type DemoClient, type DemoIdentities } from './demoIdentities';

/** Groups of demo clients, in the order a newcomer looks for them. */
const GROUPS: Array<{ key: string; role: string }> = [
  { key: 'signin.groupWindow', role: 'WINDOW_CLERK' },
  { key: 'signin.groupAdmins', role: 'DATA_ADMIN' },
  { key: 'signin.groupAuditors', role: 'AUDITOR' },
  { key: 'signin.groupSystems', role: 'SYSTEM' },
];

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { signIn, endedBecause } = useSession();
  const navigate = useNavigate();
  const [identities, setIdentities] = useState<DemoIdentities | null | undefined>(undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [oidc, setOidc] = useState<OidcSettings | null>(null);

  useEffect(() => {
    loadConsoleSettings().then((s) => setOidc(s.oidc), () => setOidc(null));
  }, []);

  async function signInWithProvider(settings: OidcSettings) {
    setBusy('oidc');
    setFailed(null);
    try {
      const { startOidcSignIn } = await import('./oidc');
      await startOidcSignIn(settings);
    } catch (e) {
      setFailed((e as Error).message);
      setBusy(null);
    }
  }

  useEffect(() => {
    fetchDemoIdentities().then(setIdentities, (e: Error) => {
      setFailed(e.message);
      setIdentities(null);
    });
  }, []);

  async function choose(who: { clientId: string } | { holderId: string }, label: string, kind: 'CLIENT' | 'HOLDER', roles: string[], id: string, then = '/') {
    setBusy(id);
    setFailed(null);
    try {
      const token = await fetchDemoToken(who);
      signIn({ accessToken: token.accessToken, expiresAt: token.expiresAt, kind, id, label, roles });
      navigate(then, { replace: true });
    } catch (e) {
      setFailed((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const clientButton = (c: DemoClient) => (
    <Button key={c.id} block loading={busy === c.id} onClick={() => void choose({ clientId: c.id }, c.name, 'CLIENT', c.roles, c.id)} style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
      <span>
        <strong>{c.id}</strong> · {c.name} · {i18n.language === 'en' ? c.departmentNameEn : c.departmentName}
      </span>
    </Button>
  );

  // Developers try the API as a department system: the first demo system, one click from here.
  const developerSystem = identities?.clients.find((c) => c.roles.includes('SYSTEM'));

  return (
    <main className="page" style={{ maxWidth: 960 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '16px 0' }}>
          {t('signin.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Space>
      {endedBecause && <Alert type="warning" showIcon role="alert" title={t(`signin.ended.${endedBecause}`)} style={{ marginBottom: 16 }} />}
      {failed && <Alert type="error" showIcon role="alert" title={t('signin.failed', { reason: failed })} style={{ marginBottom: 16 }} />}
      {oidc && (
        <Panel title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('signin.oidcTitle')}</Typography.Title>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph>{t('signin.oidcIntro')}</Typography.Paragraph>
          <Button type="primary" loading={busy === 'oidc'} onClick={() => void signInWithProvider(oidc)}>
            {t('signin.oidcButton')}
          </Button>
        </Panel>
      )}
      {identities === undefined && <Spin />}
      {identities === null && !failed && !oidc && <Empty description={t('signin.noDemo')} />}
      {identities && (
        <>
          <Typography.Paragraph>{t('signin.demoIntro')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {GROUPS.map((g) => {
              const clients = identities.clients.filter((c) => c.roles.includes(g.role));
              if (!clients.length) return null;
              return (
                <Col xs={24} md={12} key={g.role}>
                  <Panel title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t(g.key)}</Typography.Title>}>
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {clients.map(clientButton)}
                    </Space>
                  </Panel>
                </Col>
              );
            })}
            <Col xs={24} md={12}>
              <Panel title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('signin.groupHolders')}</Typography.Title>}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {identities.holders.map((h) => (
                    <Button key={h.id} block loading={busy === h.id} onClick={() => void choose({ holderId: h.id }, h.name, 'HOLDER', ['HOLDER'], h.id)} style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
                      <span>
                        <strong>{h.name}</strong> · {h.id} <Tag>{t(`signin.holderKind.${h.kind}`)}</Tag>
                      </span>
                    </Button>
                  ))}
                </Space>
              </Panel>
            </Col>
            {developerSystem && (
              <Col xs={24} md={12}>
                <Panel title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('signin.groupDevelopers')}</Typography.Title>}>
                  <Typography.Paragraph>{t('signin.explorerIntro', { client: developerSystem.id })}</Typography.Paragraph>
                  <Button loading={busy === developerSystem.id} onClick={() => void choose({ clientId: developerSystem.id }, developerSystem.name, 'CLIENT', developerSystem.roles, developerSystem.id, '/explorer')}>
                    {t('signin.explorerButton')}
                  </Button>
                </Panel>
              </Col>
            )}
          </Row>
        </>
      )}
    </main>
  );
}
