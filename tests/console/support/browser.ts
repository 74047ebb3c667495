// A real Chromium for the console's tests (the one shipped in @sparticuz/chromium, driven by playwright-core): one
// browser per test file, pages that fail the test on any console error, axe checks and screenshots.
import fs from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots and PDFs land here (gitignored). */
export const OUTPUT_DIR = path.join(process.cwd(), 'test-output', 'console');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  return playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Errors and warnings the page logged, and uncaught exceptions. */
  problems: string[];
}

export async function openConsole(browser: Browser, hubUrl: string, viewport = DESKTOP): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport, baseURL: hubUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

/** Serious or critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The whole page, or (`fullPage` false) what the window shows, as the README's pictures do. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`), fullPage });
}
