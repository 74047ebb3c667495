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
const CatalogPage = lazy(() => import('./admin/catalog/CatalogPage'));
const ServiceItemsPage = lazy(() => import('./admin/serviceItems/ServiceItemsPage'));
const AccessRequestsPage = lazy(() => import('./admin/requests/AccessRequestsPage'));
const GrantsPage = lazy(() => import('./admin/grants/GrantsPage'));
const LiveSourcesPage = lazy(() => import('./admin/sources/LiveSourcesPage'));
const CoveragePage = lazy(() => import('./admin/coverage/CoveragePage'));
const CorrectionsPage = lazy(() => import('./admin/corrections/CorrectionsPage'));
const AuditSearchPage = lazy(() => import('./audit/search/AuditSearchPage'));
const AuditChainPage = lazy(() => import('./audit/chain/AuditChainPage'));
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
  const home =
    session.kind === 'HOLDER'
      ? '/citizen/certificates'
      : session.roles.includes('WINDOW_CLERK')
        ? '/window/verify'
        : session.roles.includes('DATA_ADMIN')
          ? '/admin/requests'
          : session.roles.includes('AUDITOR')
            ? '/audit/search'
            : '/home';
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
            {session.kind === 'CLIENT' && session.roles.includes('DATA_ADMIN') && (
              <>
                <Route path="/admin/catalog" element={<CatalogPage />} />
                <Route path="/admin/service-items" element={<ServiceItemsPage />} />
                <Route path="/admin/requests" element={<AccessRequestsPage />} />
                <Route path="/admin/grants" element={<GrantsPage />} />
                <Route path="/admin/sources" element={<LiveSourcesPage />} />
                <Route path="/admin/coverage" element={<CoveragePage />} />
                <Route path="/admin/corrections" element={<CorrectionsPage />} />
                <Route path="/admin/audit" element={<AuditSearchPage />} />
              </>
            )}
            {session.kind === 'CLIENT' && session.roles.includes('AUDITOR') && (
              <>
                <Route path="/audit/search" element={<AuditSearchPage />} />
                <Route path="/audit/chain" element={<AuditChainPage />} />
                <Route path="/audit/coverage" element={<CoveragePage />} />
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
