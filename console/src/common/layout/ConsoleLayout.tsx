// The frame of every signed-in page: the header with the tasks of the signed-in role, the language switch and sign-out.
import { Button, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PurposeBar } from '../purpose/PurposeBar';
import { useSession } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const location = useLocation();
  if (!session) return null;
  const items =
    session.kind === 'HOLDER'
      ? [
          { key: '/citizen/certificates', label: t('nav.myCertificates') },
          { key: '/citizen/access', label: t('nav.myDataAccess') },
          { key: '/citizen/consents', label: t('nav.consents') },
        ]
      : session.roles.includes('DATA_ADMIN')
        ? (
            [
              ['catalog', 'catalog'],
              ['service-items', 'serviceItems'],
              ['requests', 'requests'],
              ['grants', 'grants'],
              ['sources', 'sources'],
              ['coverage', 'coverage'],
              ['corrections', 'corrections'],
              ['audit', 'audit'],
            ] as const
          ).map(([path, label]) => ({ key: `/admin/${path}`, label: t(`adminNav.${label}`) }))
        : session.roles.includes('AUDITOR')
          ? (['search', 'chain', 'coverage'] as const).map((k) => ({ key: `/audit/${k}`, label: t(`auditNav.${k}`) }))
          : [
              { key: '/window/verify', label: t('nav.verify') },
              { key: '/window/apply', label: t('nav.apply') },
              { key: '/window/receipt/verify', label: t('nav.verifyReceipt') },
              { key: '/explorer', label: t('nav.explorer') },
            ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, flexWrap: 'wrap', height: 'auto', lineHeight: '48px' }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 0 }}>
          <NavMenu items={items} selected={location.pathname} />
        </nav>
        <Space wrap>
          <Typography.Text style={{ color: '#fff' }}>{t('session.signedInAs', { who: session.label })}</Typography.Text>
          <LanguageSwitch dark />
          <Button onClick={() => signOut()}>{t('session.signOut')}</Button>
        </Space>
      </Layout.Header>
      {session.kind === 'CLIENT' && !session.roles.includes('DATA_ADMIN') && !session.roles.includes('AUDITOR') && (
        <div className="purpose-bar-region" style={{ background: '#fffbe6', borderBottom: '1px solid #ffe58f' }}>
          <div className="page" style={{ paddingBlock: 8 }}>
            <PurposeBar />
          </div>
        </div>
      )}
      <Layout.Content>
        <main className="page">{children}</main>
      </Layout.Content>
    </Layout>
  );
}
