// A provider's subgraph as a department would run it, for the demo (and tests and benches): one resource type's
// records served from memory as a federation entity, built with @apollo/subgraph, on plain node:http.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { RecordValues, ResourceTypeDefinition } from '../catalog/definition.js';
import { providerSdlFor } from '../live/providerSdl.js';

export interface SubgraphServer {
  /** The GraphQL endpoint, http://host:port/graphql. */
  url: string;
  close(): Promise<void>;
}

/** What a subgraph was asked, as it received it. */
export interface SubgraphRequestNote {
  query: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** The schema of a subgraph serving `records` (subject id → values) of a resource type as the entity `typeName`. */
export function recordsSubgraphSchema(def: Pick<ResourceTypeDefinition, 'nameEn' | 'fields'>, typeName: string, records: ReadonlyMap<string, RecordValues>, keyField = 'subjectId'): GraphQLSchema {
  return buildSubgraphSchema([
    {
      typeDefs: parse(providerSdlFor(def, typeName, keyField)),
      resolvers: {
        [typeName]: {
          __resolveReference(reference: Record<string, unknown>) {
            const id = String(reference[keyField]);
            const values = records.get(id);
            return values ? { ...values, [keyField]: id } : null;
          },
        },
      },
    },
  ]);
}

/** A subgraph as a request handler, for a server of one's own (or one serving several at different paths). */
export interface SubgraphHandler {
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  stop(): Promise<void>;
}

/** Answers GraphQL-over-HTTP (POST JSON) requests for a schema. */
export async function subgraphHandler(schema: GraphQLSchema, options: { onRequest?: (note: SubgraphRequestNote) => void } = {}): Promise<SubgraphHandler> {
  // No usage reporting here, and so no inline traces (the plugin would announce itself on stdout).
  const apollo = new ApolloServer({ schema, introspection: false, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      const given = (body ?? {}) as { query?: unknown; variables?: unknown };
      options.onRequest?.({ query: String(given.query ?? ''), variables: (given.variables ?? {}) as Record<string, unknown>, authorization: req.headers.authorization });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: new URL(req.url ?? '/', 'http://subgraph.invalid').search, body },
        context: async () => ({}),
      });
      const out: Record<string, string> = {};
      for (const [key, value] of answer.headers) out[key] = value;
      res.writeHead(answer.status ?? 200, out);
      if (answer.body.kind === 'complete') res.end(answer.body.string);
      else {
        for await (const chunk of answer.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'bad request' }] }));
    }
  };
  return { handle, stop: () => apollo.stop() };
}

/** Serves a schema over GraphQL-over-HTTP (POST JSON) on host:port (0: any free port). */
export async function serveSubgraph(schema: GraphQLSchema, options: { host?: string; port?: number; onRequest?: (note: SubgraphRequestNote) => void } = {}): Promise<SubgraphServer> {
  const handler = await subgraphHandler(schema, options);
  const server = http.createServer((req, res) => void handler.handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/graphql`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
      await closed;
      await handler.stop();
    },
  };
}
