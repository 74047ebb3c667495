// Apollo plugin: says in the response's extensions which resource types were served from their published copy
// because their live source was down (`extensions.sharehub.fallbacks`), so a consumer knows the data may be older.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context.js';

export function liveFallbacksPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.fallbacks.size === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const sharehub = (result.extensions?.sharehub as Record<string, unknown> | undefined) ?? {};
          result.extensions = { ...result.extensions, sharehub: { ...sharehub, fallbacks: [...contextValue.fallbacks].sort() } };
        },
      };
    },
  };
}
