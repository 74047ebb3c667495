// The console's providers and routes: language, session; the sign-in page here, everything after it split off.
import { ConfigProvider, Spin } from 'antd';
// The ES module builds of the locales (antd/locale/* is the CommonJS one, which brings CommonJS copies with it).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { resetPurpose } from './common/purpose/purposeStore';
import { SessionProvider, useSession } from './common/session/SessionContext';
import { SignInPage } from './signin/SignInPage';

/** Ant Design's colours darkened where its defaults fall short of WCAG AA contrast (4.5:1) for text. */
const ACCESSIBLE_COLOURS = {
  colorPrimary: '#0958d9',
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLink: '#0958d9',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
};

const SignedIn = lazy(() => import('./SignedIn'));
const SignInCallbackPage = lazy(() => import('./signin/SignInCallbackPage'));

function Routed() {
  const { session } = useSession();
  if (!session) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route
          path="/signin/callback"
          element={
            <Suspense fallback={<Spin />}>
              <SignInCallbackPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/signin" replace />} />
      </Routes>
    );
  }
  return (
    <Suspense fallback={<Spin />}>
      <SignedIn />
    </Suspense>
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
        <BrowserRouter basename="/console">
          <WithSession />
        </BrowserRouter>
    </ConfigProvider>
  );
}
