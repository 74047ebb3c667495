// Provider subgraphs for the live-source tests, on 127.0.0.1 port 0: a real one (@apollo/subgraph) and a scripted
// node:http one that answers `_service` and then `_entities` healthily, slowly, with errors, or by dropping the connection.
// Each records what it was asked. A provider host serves several at one origin (a department's own), each at its path.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FieldDefinition, RecordValues } from '../../src/catalog/definition.js';
import { recordsSubgraphSchema, serveSubgraph, subgraphHandler, type SubgraphRequestNote } from '../../src/demo/liveSubgraph.js';
import { providerSdlFor } from '../../src/live/providerSdl.js';
import { householdLike } from './catalog.js';

export const ENTITY = 'Household';

export interface TestSubgraph {
  url: string;
  /** Every request, in order (the registration's `_service` call included). */
  asked: SubgraphRequestNote[];
  /** The `_entities` requests only. */
  entitiesCalls(): SubgraphRequestNote[];
  close(): Promise<void>;
}

/** `invalid`: the first entity's name is a number (a value that does not fit the catalog); the others are fine. */
export type SubgraphMode = 'ok' | 'slow' | 'errors' | 'destroy' | 'invalid';

export interface ScriptedSubgraph extends TestSubgraph {
  /** How `_entities` is answered from now on. */
  mode: SubgraphMode;
}

const definition = { nameEn: 'Test household registration', fields: householdLike('household').fields as FieldDefinition[] };

export function representationsOf(note: SubgraphRequestNote): Array<Record<string, unknown>> {
  return (note.variables.representations ?? []) as Array<Record<string, unknown>>;
}

const isEntities = (n: SubgraphRequestNote) => n.query.includes('_entities');

type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** One department's service host: one origin (the one the operator lists for it), many endpoints at their own paths. */
export interface ProviderHost {
  origin: string;
  /** Serves `handler` at a new path `/<n>/graphql` (or `/<n>/<name>`): its URL, and how to take it down. */
  mount(handler: RequestHandler, name?: string): { url: string; unmount(): void };
  close(): Promise<void>;
}

export async function startProviderHost(): Promise<ProviderHost> {
  const routes = new Map<string, RequestHandler>();
  const server = http.createServer((req, res) => {
    const handler = routes.get(new URL(req.url ?? '/', 'http://host.invalid').pathname);
    if (handler) return void handler(req, res);
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'not found' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let mounted = 0;
  return {
    origin,
    mount(handler, name = 'graphql') {
      const path = `/${(mounted += 1)}/${name}`;
      routes.set(path, handler);
      return { url: `${origin}${path}`, unmount: () => void routes.delete(path) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The real thing: @apollo/subgraph serving `records` as the entity Household (on `host`, or on its own port). */
export async function startHealthySubgraph(records: ReadonlyMap<string, RecordValues>, host?: ProviderHost): Promise<TestSubgraph> {
  const asked: SubgraphRequestNote[] = [];
  const schema = recordsSubgraphSchema(definition, ENTITY, records);
  const onRequest = (note: SubgraphRequestNote) => void asked.push(note);
  if (!host) {
    const server = await serveSubgraph(schema, { onRequest });
    return { url: server.url, asked, entitiesCalls: () => asked.filter(isEntities), close: () => server.close() };
  }
  const handler = await subgraphHandler(schema, { onRequest });
  const { url, unmount } = host.mount((req, res) => handler.handle(req, res));
  return {
    url,
    asked,
    entitiesCalls: () => asked.filter(isEntities),
    async close() {
      unmount();
      await handler.stop();
    },
  };
}

/** A node:http subgraph speaking just enough of the protocol; `sdl` defaults to one that fits householdLike. */
export async function startScriptedSubgraph(options: { mode: SubgraphMode; records?: ReadonlyMap<string, RecordValues>; sdl?: string; delayMs?: number; host?: ProviderHost }): Promise<ScriptedSubgraph> {
  const asked: SubgraphRequestNote[] = [];
  const sdl = options.sdl ?? providerSdlFor(definition, ENTITY);
  const timers = new Set<NodeJS.Timeout>();
  const send = (res: http.ServerResponse, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle: RequestHandler = async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
    const note: SubgraphRequestNote = { query: body.query, variables: body.variables ?? {}, authorization: req.headers.authorization };
    asked.push(note);
    if (!isEntities(note)) return send(res, { data: { _service: { sdl } } });
    const entities = representationsOf(note).map((r) => {
      const values = options.records?.get(String(r.subjectId));
      return values ? { __typename: ENTITY, subjectId: r.subjectId, ...values } : null;
    });
    switch (scripted.mode) {
      case 'ok':
        return send(res, { data: { _entities: entities } });
      case 'invalid':
        return send(res, { data: { _entities: entities.map((e, i) => (i === 0 && e ? { ...e, name: 12345 } : e)) } });
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, { data: { _entities: entities } });
        }, options.delayMs ?? 2_000);
        timers.add(timer);
        return;
      }
      case 'errors':
        // Internal detail a provider might leak; the hub must never pass it on.
        return send(res, { data: null, errors: [{ message: 'ORA-00942: table HR.SI_PERSON does not exist on 10.12.0.7', path: ['_entities'] }] });
      case 'destroy':
        req.socket.destroy();
        return;
    }
  };
  const served = options.host ? { ...options.host.mount(handle), server: null } : { ...(await listenAlone(handle)), unmount: () => undefined };
  const scripted: ScriptedSubgraph = {
    url: served.url,
    mode: options.mode,
    asked,
    entitiesCalls: () => asked.filter(isEntities),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      served.unmount();
      if (served.server) {
        served.server.closeAllConnections();
        await new Promise<void>((resolve) => served.server.close(() => resolve()));
      }
    },
  };
  return scripted;
}

async function listenAlone(handle: RequestHandler): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}
