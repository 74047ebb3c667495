// The Apollo Client of the console: the signed-in token and the purpose headers on every request, 401 ends the session.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { purposeHeaders } from '../purpose/purposeStore';

export interface ClientOptions {
  token(): string | null;
  /** The hub refused the token (expired or revoked): back to sign-in. */
  onUnauthenticated(): void;
}

export function createApolloClient(options: ClientOptions): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const token = options.token();
    return { headers: { ...(prev.headers as Record<string, string> | undefined), ...purposeHeaders(), ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const unauthenticated = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401) options.onUnauthenticated();
  });
  return new ApolloClient({
    link: ApolloLink.from([unauthenticated, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    // Every read at the window is an audited act: ask the hub each time, and show partial answers with their errors.
    defaultOptions: {
      query: { fetchPolicy: 'no-cache', errorPolicy: 'all' },
      watchQuery: { fetchPolicy: 'network-only', errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}
