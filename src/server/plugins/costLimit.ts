// Apollo plugin: refuses an operation whose cost (with its variables) exceeds the limit, before execution.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { LimitError } from '../../errors.js';
import { operationCost } from '../limits/cost.js';

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new LimitError('QUERY_TOO_COMPLEX', `The operation costs ${cost}; the limit is ${maxCost}.`, {
              cost,
              limit: maxCost,
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
