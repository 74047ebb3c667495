// A bench server in its own process (forked by processes.ts): the hub or one bare baseline, so that neither shares a
// thread with the load generator or with the other side. Told what to serve in its first IPC message, answers its URL.
import 'reflect-metadata';
import { loadDevIssuer } from '../src/auth/devIssuer.js';
import { startCertificateBaseline } from './certificateBaseline.js';
import { startRecordBaseline } from './recordBaseline.js';
import type { RecordFixture } from './recordFixture.js';
import { startViewerBaseline } from './viewerBaseline.js';
import type { BenchDatabase } from './setup.js';

/** What a bench asks a server process to serve. */
export type ServerSpec =
  | { kind: 'hub'; env: Record<string, string> }
  | { kind: 'recordBaseline'; poolMax: number; fixture: RecordFixture }
  | { kind: 'certificateBaseline'; poolMax: number; faceFields: string[] }
  | { kind: 'viewerBaseline'; poolMax: number }
  | { kind: 'liveSubgraph' };

/** The first message a server process gets: where the bench database is, and what to serve. */
export interface ServerStart {
  database: { url: string; dataDir: string };
  spec: ServerSpec;
}

/** Messages after the start: reload the hub's catalog now (rather than race the change notification), or stop. */
export type ServerCommand = { command: 'refreshCatalog'; id: number } | { command: 'close' };

export type ServerReply = { ready: { url: string; extra?: unknown } } | { failed: string } | { done: number; error?: string };

interface Served {
  url: string;
  extra?: unknown;
  refreshCatalog?(): Promise<void>;
  close(): Promise<void>;
}

async function serve({ database, spec }: ServerStart): Promise<Served> {
  // The database is the parent's: this process never closes it.
  const db: BenchDatabase = { ...database, issuer: await loadDevIssuer(database.dataDir), close: async () => undefined };
  switch (spec.kind) {
    case 'hub': {
      const { startHubInThisProcess } = await import('./setup.js');
      const hub = await startHubInThisProcess(db, spec.env);
      return { url: hub.url, refreshCatalog: () => hub.hub.liveCatalog.refresh(), close: () => hub.close() };
    }
    case 'recordBaseline':
      return startRecordBaseline(db, spec.poolMax, spec.fixture);
    case 'certificateBaseline':
      return startCertificateBaseline(db, spec.poolMax, spec.faceFields);
    case 'viewerBaseline': {
      const devIssuer = db.issuer.issuers.find((i) => i.kind === 'CLIENT');
      if (!devIssuer) throw new Error('viewer baseline: the development issuer has no client issuer entry');
      return startViewerBaseline(db.url, devIssuer, spec.poolMax);
    }
    case 'liveSubgraph': {
      const { startLiveSubgraph } = await import('./liveSubgraph.js');
      const subgraph = await startLiveSubgraph();
      return { url: subgraph.url, extra: { subjectIds: subgraph.subjectIds }, close: () => subgraph.close() };
    }
  }
}

function reply(message: ServerReply): void {
  process.send?.(message);
}

if (process.send) {
  process.once('message', (start: ServerStart) => {
    serve(start).then(
      (served) => {
        process.on('message', (command: ServerCommand) => {
          if (command.command === 'close') {
            void served.close().finally(() => process.exit(0));
            return;
          }
          (served.refreshCatalog?.() ?? Promise.resolve()).then(
            () => reply({ done: command.id }),
            (error: unknown) => reply({ done: command.id, error: String(error) }),
          );
        });
        reply({ ready: { url: served.url, ...(served.extra === undefined ? {} : { extra: served.extra }) } });
      },
      (error: unknown) => {
        reply({ failed: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  });
  // The parent gone, nothing is left to serve.
  process.on('disconnect', () => process.exit(0));
}
