// What the console's routes cost to load: the sign-in and window routes stay within 300 kB of JavaScript (gzip), as
// the build's chunk graph says and as a real browser loads them from the hub; other roles' pages are separate chunks.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { launchBrowser, openConsole } from './support/browser.js';
import { signInAs } from './support/journeys.js';

const DIR = path.join(process.cwd(), 'dist', 'console');
const BUDGET = 300 * 1024;

/** A chunk and every chunk it imports statically, as the browser loads them. */
function closure(files: string[], seen = new Set<string>()): Set<string> {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(DIR, 'assets', file), 'utf8');
    const imported = [...code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
    closure(imported, seen);
  }
  return seen;
}

function chunk(prefix: string): string {
  const found = fs.readdirSync(path.join(DIR, 'assets')).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  if (!found) throw new Error(`no chunk ${prefix}`);
  return found;
}

const gzipped = (files: Set<string>) => [...files].reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(DIR, 'assets', f)), { level: 9 }).length, 0);

describe('the console bundle', () => {
  const entry = [...fs.readFileSync(path.join(DIR, 'index.html'), 'utf8').matchAll(/\/console\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);

  it('loads the sign-in route within 300 kB of JavaScript (gzip)', () => {
    const size = gzipped(closure(entry));
    console.info(`sign-in route: ${Math.round(size / 1024)} kB gzip`);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  it('loads the window route (verify) within 300 kB of JavaScript (gzip)', () => {
    const size = gzipped(closure([...entry, chunk('SignedIn'), chunk('VerifyPage')]));
    console.info(`window route: ${Math.round(size / 1024)} kB gzip`);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  it('keeps the holder’s pages out of the window route', () => {
    const window = closure([...entry, chunk('SignedIn'), chunk('VerifyPage')]);
    for (const page of ['MyCertificatesPage', 'MyDataAccessPage', 'ConsentPage', 'ExplorerPage']) expect(window.has(chunk(page))).toBe(false);
    expect([...window].some((f) => f.startsWith('oidc-client-ts-'))).toBe(false);
  });
});

describe('what a browser loads from the hub', () => {
  let t: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens a route in a fresh context (empty cache) and adds up the JavaScript it loads, as sent (gzip). */
  async function scriptBytes(context: BrowserContext, route: string, ready: string): Promise<{ bytes: number; files: string[] }> {
    const page = await context.newPage();
    const loads: Array<Promise<{ url: string; bytes: number }>> = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      // The bytes on the wire: the hub sends the console's scripts gzip-compressed with their length.
      loads.push(
        request.response().then(async (res) => {
          expect(await res!.headerValue('content-encoding')).toBe('gzip');
          return { url: request.url(), bytes: Number(await res!.headerValue('content-length')) };
        }),
      );
    });
    await page.goto(route);
    await page.getByRole('heading', { name: ready }).waitFor();
    await page.waitForLoadState('networkidle');
    const done = await Promise.all(loads);
    return { bytes: done.reduce((n, l) => n + l.bytes, 0), files: done.map((l) => l.url) };
  }

  it('the sign-in route and the window route each load at most 300 kB of JavaScript (gzip)', async () => {
    const first = await openConsole(browser, t.url);
    await first.page.goto('/console/signin');
    await signInAs(first.page, 'window-clerk');
    const session = await first.page.evaluate(() => sessionStorage.getItem('sharehub.session'));

    const signedOut = await browser.newContext({ baseURL: t.url, locale: 'zh-CN' });
    const signIn = await scriptBytes(signedOut, '/console/signin', '登录');
    const signedIn = await browser.newContext({ baseURL: t.url, locale: 'zh-CN' });
    await signedIn.addInitScript((s) => {
      try {
        sessionStorage.setItem('sharehub.session', s);
      } catch {
        // about:blank has no storage
      }
    }, session!);
    const window = await scriptBytes(signedIn, '/console/window/verify', '核验证照');
    // The contexts end with the browser (afterAll): the shipped Chromium runs as one process and does not take kindly
    // to its contexts being closed one after another.

    console.info(`browser: sign-in ${Math.round(signIn.bytes / 1024)} kB, window ${Math.round(window.bytes / 1024)} kB of JavaScript (gzip)`);
    expect(signIn.files.length).toBeGreaterThan(1);
    expect(signIn.bytes).toBeGreaterThan(50 * 1024);
    expect(signIn.bytes).toBeLessThanOrEqual(BUDGET);
    expect(window.bytes).toBeLessThanOrEqual(BUDGET);
    expect(window.files.some((f) => /\/VerifyPage-/.test(f))).toBe(true);
    expect(window.files.some((f) => /\/(ExplorerPage|MyCertificatesPage|oidc-client-ts)-/.test(f))).toBe(false);
  });
});
