// Everything after sign-in: the Apollo Client with the session's token, the frame, and one route per task of the role.
import { ApolloProvider } from '@apollo/client/react';
import { Spin } from 'antd';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { createApolloClient } from './common/apollo/client';
import { ConsoleLayout } from './common/layout/ConsoleLayout';
import { useSession } from './common/session/SessionContext';

const VerifyPage = lazy(() => import('./window/verify/VerifyPage'));
const ApplyPage = lazy(() => import('./window/apply/ApplyPage'));
const ReceiptPrintPage = lazy(() => import('./window/apply/ReceiptPrintPage'));
const VerifyReceiptPage = lazy(() => import('./window/receipt/VerifyReceiptPage'));
const MyCertificatesPage = lazy(() => import('./citizen/certificates/MyCertificatesPage'));
const MyDataAccessPage = lazy(() => import('./citizen/access/MyDataAccessPage'));
const ConsentPage = lazy(() => import('./citizen/consents/ConsentPage'));
const HomePage = lazy(() => import('./home/HomePage'));
const ExplorerPage = lazy(() => import('./explorer/ExplorerPage'));

export default function SignedIn() {
  const { session, signOut } = useSession();
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  const tokenRef = useRef(session?.accessToken ?? null);
  tokenRef.current = session?.accessToken ?? null;
  const client = useMemo(
    // A new client (and so an empty cache) for every sign-in.
    () => createApolloClient({ token: () => tokenRef.current, onUnauthenticated: () => signOutRef.current('unauthenticated') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session?.accessToken],
  );
  if (!session) return null;
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
                <Route path="/explorer" element={<ExplorerPage />} />
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
