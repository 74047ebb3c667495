// Runs verifications against the hub with the faces of the types asked about: one, or up to 100 at once.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { CertificateTypesQuery } from '../../common/catalog/certificateTypes';
import { withheldPaths } from '../../common/errors/apiErrors';
import { identifierInToken, typesOf, verifyManyDocument, verifyOneDocument, type FaceLayout, type Verification } from './verificationDocument';

export interface VerificationState<T> {
  result: T | null;
  error: unknown;
  withheld: Set<string>;
  layout: FaceLayout;
  loading: boolean;
}

const EMPTY = { result: null, error: null, withheld: new Set<string>(), layout: new Map(), loading: false };

export function useCertificateTypes() {
  const { data, error, loading } = useQuery(CertificateTypesQuery, { fetchPolicy: 'cache-first' });
  return { types: data?.certificateTypes ?? [], error, loading };
}

export function useVerifyOne() {
  const client = useApolloClient();
  const { types } = useCertificateTypes();
  const [state, setState] = useState<VerificationState<Verification>>(EMPTY);
  const run = useCallback(
    async (variables: { identifier?: string; qrToken?: string }) => {
      setState((s) => ({ ...s, loading: true }));
      const asked = variables.identifier ?? (variables.qrToken ? identifierInToken(variables.qrToken) : null);
      try {
        const { document, layout } = await verifyOneDocument(asked ? typesOf([asked], types) : []);
        const res = await client.query({ query: document, variables });
        setState({ result: res.data?.verifyCertificate ?? null, error: res.error ?? null, withheld: withheldPaths(res.error), layout, loading: false });
      } catch (error) {
        setState({ ...EMPTY, error });
      }
    },
    [client, types],
  );
  return { ...state, types, run };
}

export function useVerifyMany() {
  const client = useApolloClient();
  const { types } = useCertificateTypes();
  const [state, setState] = useState<VerificationState<Verification[]>>(EMPTY);
  const run = useCallback(
    async (identifiers: string[]) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const { document, layout } = await verifyManyDocument(typesOf(identifiers, types));
        const res = await client.query({ query: document, variables: { identifiers } });
        setState({ result: res.data?.verifyCertificates ?? null, error: res.error ?? null, withheld: withheldPaths(res.error), layout, loading: false });
      } catch (error) {
        setState({ ...EMPTY, error });
      }
    },
    [client, types],
  );
  return { ...state, types, run };
}
