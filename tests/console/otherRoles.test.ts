// Roles whose pages come with part 2 of the console: signed in, they see who they are and what comes; a holder cannot
// open the window's routes (the console sends them to their own pages).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { launchBrowser, openConsole, screenshot, seriousViolations } from './support/browser.js';
import { signInAs } from './support/journeys.js';

let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('other roles', () => {
  it('an auditor signs in and sees who they are, by the API’s own answer', async () => {
    const { page, problems } = await openConsole(browser, t.url);
    await page.goto('/console/');
    await signInAs(page, 'auditor');
    await page.getByRole('heading', { name: '欢迎' }).waitFor();
    await page.getByText('审计员', { exact: true }).first().waitFor();
    await screenshot(page, 'home-auditor-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/console/citizen/certificates');
    await page.getByRole('heading', { name: '欢迎' }).waitFor();
    expect(problems).toEqual([]);
  });
});
