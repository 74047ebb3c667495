// Serves the built web console at /console/: hashed assets cached for good, every other path the SPA's index.html.
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CONSOLE_PATH = '/console/';

/**
 * No inline script, nothing from another origin. Styles may be inline: Ant Design writes its CSS-in-JS into <style>
 * elements at run time. Images may be data: URLs (the hub's own QR codes).
 */
export function consoleContentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectOrigins.map((o) => ` ${o}`).join('')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The build output's console folder: <project root>/dist/console, found from this module wherever it runs from. */
export function defaultConsoleDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.join(dir, 'dist', 'console');
}

export interface ConsoleFiles {
  /** Answers a GET or HEAD under /console/. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.txt']);
const gzipAsync = promisify(gzip);

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** What the console reads at start from /console/config.json: public values only, never a secret. */
export interface ConsoleSettings {
  /** OpenID Connect sign-in (authorization code + PKCE); null when the hub has none configured. */
  oidc: { issuer: string; clientId: string; scope: string; resource: string | null } | null;
}

export const CONSOLE_CONFIG_FILE = 'config.json';

export function consoleFiles(dir: string, csp: string, settings: ConsoleSettings = { oidc: null }): ConsoleFiles {
  const root = path.resolve(dir);
  const settingsJson = JSON.stringify(settings);
  const common = { 'content-security-policy': csp, 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };
  /** Compressed once per file and kept: the build's files do not change while the hub runs (a new build, a new start). */
  const gzipped = new Map<string, Promise<Buffer>>();

  async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): Promise<void> {
    const headers = { ...common, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl, vary: 'accept-encoding' };
    if (COMPRESSIBLE.has(path.extname(file)) && acceptsGzip(req)) {
      let body = gzipped.get(file);
      if (!body) {
        body = fs.readFile(file).then((raw) => gzipAsync(raw, { level: 9 }));
        gzipped.set(file, body);
        body.catch(() => gzipped.delete(file));
      }
      const bytes = await body;
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': bytes.length });
      return void res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    const stat = await fs.stat(file);
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  }

  async function isFile(file: string): Promise<boolean> {
    try {
      return (await fs.stat(file)).isFile();
    } catch {
      return false;
    }
  }

  return {
    async serve(req, res, pathname) {
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Use GET.');
      }
      if (pathname === CONSOLE_PATH + CONSOLE_CONFIG_FILE) {
        res.writeHead(200, { ...common, 'content-type': TYPES['.json']!, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(settingsJson) });
        return void res.end(req.method === 'HEAD' ? undefined : settingsJson);
      }
      const index = path.join(root, 'index.html');
      if (!(await isFile(index))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        return void res.end('The web console is not built: run `npm run build`.');
      }
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(CONSOLE_PATH.length));
      } catch {
        relative = '';
      }
      const file = path.resolve(root, relative);
      const isInside = file.startsWith(root + path.sep);
      if (isInside && relative.startsWith('assets/')) {
        // Vite names every asset by its content hash: a changed file gets a new name, so this one never changes.
        if (await isFile(file)) return sendFile(req, res, file, 'public, max-age=31536000, immutable');
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        return void res.end('Not found.');
      }
      if (isInside && path.extname(file) && (await isFile(file))) return sendFile(req, res, file, 'no-cache');
      // Every route of the single-page app is answered by its index.html, revalidated each time.
      return sendFile(req, res, index, 'no-cache');
    },
  };
}

/** Whether a request asks for a page (a browser navigating), not data. */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return (req.method === 'GET' || req.method === 'HEAD') && /\btext\/html\b/i.test(accept);
}
