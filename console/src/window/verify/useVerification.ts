// Runs verifications against the hub with the faces of the current catalog: one, or up to 100 at once.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { CertificateTypesQuery } from '../../common/catalog/certificateTypes';
import { withheldPaths } from '../../common/errors/apiErrors';
import { verifyManyDocument, verifyOneDocument, type Verification } from './verificationDocument';

export interface VerificationState<T> {
  result: T | null;
  error: unknown;
  withheld: Set<string>;
  loading: boolean;
}

export function useCertificateTypes() {
  const { data, error, loading } = useQuery(CertificateTypesQuery, { fetchPolicy: 'cache-first' });
  return { types: data?.certificateTypes ?? [], error, loading };
}

export function useVerifyOne() {
  const client = useApolloClient();
  const { types } = useCertificateTypes();
  const [state, setState] = useState<VerificationState<Verification>>({ result: null, error: null, withheld: new Set(), loading: false });
  const run = useCallback(
    async (variables: { identifier?: string; qrToken?: string }) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const res = await client.query({ query: verifyOneDocument(types), variables });
        setState({ result: res.data?.verifyCertificate ?? null, error: res.error ?? null, withheld: withheldPaths(res.error), loading: false });
      } catch (error) {
        setState({ result: null, error, withheld: new Set(), loading: false });
      }
    },
    [client, types],
  );
  const reset = useCallback(() => setState({ result: null, error: null, withheld: new Set(), loading: false }), []);
  return { ...state, types, run, reset };
}

export function useVerifyMany() {
  const client = useApolloClient();
  const { types } = useCertificateTypes();
  const [state, setState] = useState<VerificationState<Verification[]>>({ result: null, error: null, withheld: new Set(), loading: false });
  const run = useCallback(
    async (identifiers: string[]) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const res = await client.query({ query: verifyManyDocument(types), variables: { identifiers } });
        setState({ result: res.data?.verifyCertificates ?? null, error: res.error ?? null, withheld: withheldPaths(res.error), loading: false });
      } catch (error) {
        setState({ result: null, error, withheld: new Set(), loading: false });
      }
    },
    [client, types],
  );
  return { ...state, types, run };
}
