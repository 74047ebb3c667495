// The console's providers and routes: language, session, Apollo, and one route per task, other roles' pages split off.
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { createApolloClient } from './common/apollo/client';
import { ConsoleLayout } from './common/layout/ConsoleLayout';
import { resetPurpose } from './common/purpose/purposeStore';
import { SessionProvider, useSession } from './common/session/SessionContext';
import { SignInPage } from './signin/SignInPage';
import { VerifyPage } from './window/verify/VerifyPage';

/** Ant Design's colours darkened where its defaults fall short of WCAG AA contrast (4.5:1) for text. */
const ACCESSIBLE_COLOURS = {
  colorPrimary: '#0958d9',
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
};

const ApplyPage = lazy(() => import('./window/apply/ApplyPage'));
const ReceiptPrintPage = lazy(() => import('./window/apply/ReceiptPrintPage'));
const VerifyReceiptPage = lazy(() => import('./window/receipt/VerifyReceiptPage'));
const MyCertificatesPage = lazy(() => import('./citizen/certificates/MyCertificatesPage'));
const MyDataAccessPage = lazy(() => import('./citizen/access/MyDataAccessPage'));
const ConsentPage = lazy(() => import('./citizen/consents/ConsentPage'));
const HomePage = lazy(() => import('./home/HomePage'));

function Routed() {
  const { session, signOut } = useSession();
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  const tokenRef = useRef(session?.accessToken ?? null);
  tokenRef.current = session?.accessToken ?? null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(
    // A new client (and so an empty cache) for every sign-in.
    () => createApolloClient({ token: () => tokenRef.current, onUnauthenticated: () => signOutRef.current('unauthenticated') }),
    [session?.accessToken],
  );
  if (!session) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/signin" replace />} />
      </Routes>
    );
  }
  const home = session.kind === 'HOLDER' ? '/citizen/certificates' : session.roles.includes('WINDOW_CLERK') ? '/window/verify' : '/home';
  return (
    <ApolloProvider client={client}>
      <ConsoleLayout>
        <Suspense fallback={<Spin />}>
          <Routes>
            {session.kind === 'CLIENT' && (
              <>
                <Route path="/home" element={<HomePage />} />
                <Route path="/window/verify" element={<VerifyPage />} />
                <Route path="/window/apply" element={<ApplyPage />} />
                <Route path="/window/receipt/print" element={<ReceiptPrintPage />} />
                <Route path="/window/receipt/verify" element={<VerifyReceiptPage />} />
              </>
            )}
            {session.kind === 'HOLDER' && (
              <>
                <Route path="/citizen/certificates" element={<MyCertificatesPage />} />
                <Route path="/citizen/access" element={<MyDataAccessPage />} />
                <Route path="/citizen/consents" element={<ConsentPage />} />
              </>
            )}
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </Suspense>
      </ConsoleLayout>
    </ApolloProvider>
  );
}

function WithSession() {
  const navigate = useNavigate();
  const onSignOut = useMemo(
    () => () => {
      resetPurpose();
      navigate('/signin', { replace: true });
    },
    [navigate],
  );
  return (
    <SessionProvider onSignOut={onSignOut}>
      <Routed />
    </SessionProvider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    // No space forced between two Chinese characters of a button: its name stays the word (核验), as read aloud.
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={{ token: ACCESSIBLE_COLOURS }}>
      <AntApp>
        <BrowserRouter basename="/console">
          <WithSession />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
