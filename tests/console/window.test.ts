// The service window in a real browser against a real demo hub: sign in as the window clerk, choose a purpose, verify a
// VALID, a REVOKED and a tampered certificate (by keyboard too), a revoked one's Verifiable Credential and text that is
// no credential, many at once; no console errors, no serious axe finding.
// Also the roles whose pages come later: they sign in and see who they are.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { launchBrowser, openConsole, PHONE, screenshot, seriousViolations, type ConsolePage } from './support/browser.js';
import { credentialOf, revokedCertificate, tamperedCertificate, VALID_MARRIAGE } from './support/demoData.js';
import { chooseLegalBasis, signInAs } from './support/journeys.js';

let t: TestHub;
let browser: Browser;
let clerk: ConsolePage;
let revoked: string;
let tampered: string;
let revokedCredential: string;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  [revoked, tampered] = await Promise.all([revokedCertificate(), tamperedCertificate(t)]);
  revokedCredential = await credentialOf(t, revoked);
  clerk = await openConsole(browser, t.url);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the window clerk', () => {
  it('opens the hub in a browser, is sent to the sign-in page, and signs in as window-clerk', async () => {
    const { page } = clerk;
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/console/signin');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, 'signin-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await signInAs(page, 'window-clerk');
    await page.getByRole('heading', { name: '核验证照' }).waitFor();
    expect(await page.getByText('每次查询都须说明用途').count()).toBe(1);
  });

  it('chooses a purpose once; it stays visible', async () => {
    const { page } = clerk;
    await chooseLegalBasis(page, 'demo', 'CASE-CONSOLE-1');
    await page.getByRole('region', { name: '用途与案件号' }).getByText('demo', { exact: true }).waitFor();
    expect(await page.getByText('每次查询都须说明用途').count()).toBe(0);
  });

  it('is told as they type that a check character is wrong, then verifies a VALID certificate', async () => {
    const { page } = clerk;
    const input = page.getByLabel('证照标识', { exact: true });
    await input.fill(VALID_MARRIAGE.slice(0, -1) + 'Y');
    await page.getByText('校验位不对').waitFor();
    expect(await page.getByRole('button', { name: '核验' }).isDisabled()).toBe(true);
    await input.fill(VALID_MARRIAGE);
    await page.getByRole('button', { name: '核验' }).click();
    const card = page.getByRole('region', { name: `核验结果 ${VALID_MARRIAGE}` });
    await card.waitFor();
    await card.getByText('真实有效签名').waitFor();
    await card.getByText('有效', { exact: true }).waitFor();
    await card.getByText('民政局').first().waitFor();
    await screenshot(page, 'verify-valid-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('verifies a REVOKED certificate with the keyboard alone', async () => {
    const { page } = clerk;
    await page.getByLabel('证照标识', { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(revoked);
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: `核验结果 ${revoked}` });
    await card.getByText('已吊销', { exact: true }).waitFor();
    await card.getByText('真实有效签名').waitFor();
    await screenshot(page, 'verify-revoked-desktop');
  });

  it('verifies a certificate whose stored data was altered: not authentic', async () => {
    const { page } = clerk;
    await page.getByLabel('证照标识', { exact: true }).fill(tampered);
    await page.getByRole('button', { name: '核验' }).click();
    const card = page.getByRole('region', { name: `核验结果 ${tampered}` });
    await card.getByText('不真实').waitFor();
    await screenshot(page, 'verify-tampered-desktop');
  });

  it('refuses text that is no credential in words, and reads a revoked certificate’s credential as REVOKED by its status list', async () => {
    const { page } = clerk;
    await page.getByRole('tab', { name: '可验证凭证' }).click();
    const box = page.getByLabel('可验证凭证文本（vc+jwt）');
    await box.fill('not a credential');
    await page.getByRole('button', { name: '核验凭证' }).click();
    await page.getByRole('alert').getByText('凭证无效：这不是可验证凭证').waitFor();
    await box.fill(revokedCredential);
    await page.getByRole('button', { name: '核验凭证' }).click();
    const card = page.getByRole('region', { name: `核验结果 ${revoked}` });
    await card.getByText('已吊销', { exact: true }).waitFor();
    await card.getByText('已吊销（吊销状态列表中已标记）').waitFor();
    await card.getByText('未暂停（已核对暂停状态列表）').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'verify-credential-revoked-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('verifies many at once as a table, and names a mistyped line', async () => {
    const { page } = clerk;
    await page.getByRole('tab', { name: '批量核验' }).click();
    const box = page.getByLabel('证照标识（每行一个');
    await box.fill(`${VALID_MARRIAGE}\n${revoked}\nJHZ.11330100MBDEM00314.0000000001.01.Y`);
    await page.getByText('第 3 个：校验位不对').waitFor();
    await box.fill(`${VALID_MARRIAGE}\n${revoked}\n${tampered}`);
    await page.getByRole('button', { name: '批量核验' }).click();
    const table = page.getByRole('table');
    await table.getByText(revoked).waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await table.getByText('不真实').waitFor();
    await screenshot(page, 'verify-many-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('works on a phone', async () => {
    const phone = await openConsole(browser, t.url, PHONE);
    await phone.page.goto('/console/');
    await signInAs(phone.page, 'window-clerk');
    await chooseLegalBasis(phone.page, 'demo');
    await phone.page.getByLabel('证照标识', { exact: true }).fill(VALID_MARRIAGE);
    await phone.page.getByRole('button', { name: '核验' }).click();
    await phone.page.getByRole('region', { name: `核验结果 ${VALID_MARRIAGE}` }).getByText('真实有效签名').waitFor();
    await screenshot(phone.page, 'verify-valid-phone');
    expect(await seriousViolations(phone.page)).toEqual([]);
    expect(phone.problems).toEqual([]);
    // Left open: Chromium runs as one process here, and closing a context can take the browser's pages down with it;
    // the browser closes after the file.
  });

  it('logged no error or warning in the browser console', () => {
    expect(clerk.problems).toEqual([]);
  });
});

describe('roles without pages of their own', () => {
  it('a department system signs in and sees who it is, by the API’s own answer; the holder’s routes lead home', async () => {
    const { page, problems } = await openConsole(browser, t.url);
    await page.goto('/console/');
    await signInAs(page, 'psb-system');
    await page.getByRole('heading', { name: '欢迎' }).waitFor();
    await page.getByText('部门系统', { exact: true }).first().waitFor();
    await screenshot(page, 'home-system-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/console/citizen/certificates');
    await page.getByRole('heading', { name: '欢迎' }).waitFor();
    expect(problems).toEqual([]);
  });
});
