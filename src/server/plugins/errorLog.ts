// Apollo plugin: logs errors that are not the caller's fault, with the request id, before they are hidden.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseFailureOf } from '../../db/failures.js';
import { HubError } from '../../errors.js';
import { scrubIdentifiers } from '../../log.js';
import type { RequestContext } from '../context.js';

export function errorLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof HubError || (original instanceof GraphQLError && original.extensions?.code)) continue;
            const failure = databaseFailureOf(original);
            if (failure) {
              // Answered with its own code (formatError): an operational condition, not a defect.
              contextValue.logger.warn({ code: failure, path: error.path }, 'database too slow or too busy');
              continue;
            }
            const e = original instanceof Error ? original : new Error(String(original));
            contextValue.logger.error(
              { err: { type: e.name, message: scrubIdentifiers(e.message), stack: scrubIdentifiers(e.stack ?? '') }, path: error.path },
              'internal error',
            );
          }
        },
      };
    },
  };
}
