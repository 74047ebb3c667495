// The holder and the window together in a real browser against a real demo hub: the holder presents a certificate, the
// clerk reads its QR code from an uploaded picture, the holder sees that read; an application waits for the holder's
// consent; its receipt is printed and verified; expiry and sign-out end the session.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { launchBrowser, openConsole, OUTPUT_DIR, PHONE, screenshot, seriousViolations, type ConsolePage } from './support/browser.js';
import { TANG_XIANG } from './support/demoData.js';
import { chooseLegalBasis, signInAs } from './support/journeys.js';

let t: TestHub;
let browser: Browser;
let holder: ConsolePage;
let clerk: ConsolePage;
const QR_CASE = `QR-${Date.now()}`;
let applicationCase = '';

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  [holder, clerk] = await Promise.all([openConsole(browser, t.url), openConsole(browser, t.url)]);
  await Promise.all([holder.page.goto('/console/'), clerk.page.goto('/console/')]);
  await signInAs(holder.page, TANG_XIANG.name);
  await signInAs(clerk.page, 'window-clerk');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the holder presents, the window reads the QR code', () => {
  const qrFile = path.join(OUTPUT_DIR, 'presentation-qr.png');

  it('the holder sees their certificates and presents one as a QR code with a five-minute countdown', async () => {
    const { page } = holder;
    await page.getByRole('heading', { name: '我的证照' }).waitFor();
    await page.getByRole('button', { name: '亮证：结婚证' }).click();
    const qr = page.getByRole('img', { name: /亮证二维码/ });
    await qr.waitFor();
    await page.getByRole('timer').getByText(/剩余有效时间 [45]:\d\d/).waitFor();
    await qr.screenshot({ path: qrFile });
    await screenshot(page, 'citizen-present-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '关闭' }).first().click();
  });

  it('the clerk uploads the picture of the QR code and gets the verification', async () => {
    const { page } = clerk;
    await chooseLegalBasis(page, 'demo', QR_CASE);
    await page.getByRole('tab', { name: '扫码核验' }).click();
    await page.locator('input[type="file"]').setInputFiles(qrFile);
    const card = page.getByRole('region', { name: /^核验结果 JHZ\./ });
    await card.getByText('真实有效签名').waitFor();
    await card.getByText('亮证时间').waitFor();
    await screenshot(page, 'verify-qr-desktop');
    // This browser has no camera to offer: the clerk is told so, and uploads a picture instead.
    await page.getByRole('button', { name: '用摄像头扫码' }).click();
    await page.getByRole('alert').getByText('无法打开摄像头').waitFor();
  });

  it('the holder finds that read in "who read my data", with department, client, purpose and case', async () => {
    const { page } = holder;
    await page.getByRole('menuitem', { name: '谁查询了我的数据' }).click();
    const read = page.getByRole('article').filter({ hasText: QR_CASE }).first();
    await read.waitFor();
    await read.getByText('window-clerk').waitFor();
    await read.getByText('用途：demo').waitFor();
    await screenshot(page, 'citizen-access-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('an application that needs the applicant’s consent', () => {
  it('the clerk prepares it: the checklist says the consent is missing', async () => {
    const { page } = clerk;
    await page.getByRole('menuitem', { name: '办件' }).click();
    await page.getByLabel('办理事项', { exact: true }).click();
    await page.keyboard.type('婚后');
    await page.keyboard.press('Enter');
    await page.getByText('申请材料（2 项）').waitFor();
    const applicant = page.getByLabel('申请人证件号码');
    await applicant.fill(TANG_XIANG.id.slice(0, 17) + '0');
    await page.getByText('校验码不对').waitFor();
    await applicant.fill(TANG_XIANG.id);
    applicationCase = await page.getByLabel('案件号', { exact: true }).inputValue();
    expect(applicationCase).toMatch(/^HTAM-\d{8}-\d{6}$/);
    await page.getByRole('button', { name: '准备办件' }).click();
    await page.getByRole('status').getByText(`输入案件号 ${applicationCase}`).waitFor();
    await page.getByRole('region', { name: '材料清单' }).getByText('申请人尚未授权使用该数据。').waitFor();
    await screenshot(page, 'apply-consent-needed-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the holder gives consent with one confirmation; the clerk checks again and the material is no longer waiting', async () => {
    const { page } = holder;
    await page.getByRole('menuitem', { name: '授权确认' }).click();
    // The case the window prepared is listed, with who asked, for which item and which data; no number to type.
    const request = page.getByRole('region', { name: `案件号 ${applicationCase}` });
    await request.getByText('办理部门：').waitFor();
    await request.getByText(/办理事项：.*household_transfer_after_marriage/).waitFor();
    await request.getByText(/结婚证/).first().waitFor();
    await request.getByRole('button', { name: `授权案件 ${applicationCase}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认授权' }).click();
    await page.getByText(`已授权案件 ${applicationCase}`).waitFor();
    await expect.poll(() => page.getByRole('region', { name: `案件号 ${applicationCase}` }).count()).toBe(0);
    await screenshot(page, 'citizen-consent-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    // The clerk's page asks again by itself while it waits; the clerk may also press the button.
    const again = clerk.page.getByRole('button', { name: '重新查询' });
    if (await again.isVisible()) await again.click({ timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => clerk.page.getByText('申请人尚未授权使用该数据。').count(), { timeout: 20_000 }).toBe(0);
    await clerk.page.getByRole('region', { name: '材料清单' }).getByText('结婚证').first().waitFor();
  });

  it('the clerk prints the receipt (A4) with its QR code, and the receipt verifies', async () => {
    const { page } = clerk;
    await page.getByRole('button', { name: '打印回执' }).click();
    await page.getByRole('heading', { name: '办件回执' }).waitFor();
    await page.getByRole('img', { name: '回执二维码' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'receipt-print');
    await page.pdf({ path: path.join(OUTPUT_DIR, 'receipt.pdf'), format: 'A4' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(page)).toEqual([]);

    const receipt = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('sharehub.lastApplication')!) as { application: { receipt: string } }).application.receipt);
    await page.getByRole('menuitem', { name: '核验回执' }).click();
    await page.getByLabel('回执文本').fill(receipt);
    await page.getByRole('button', { name: '核验回执' }).click();
    await page.getByRole('region', { name: '回执核验结果' }).getByText('回执真实').waitFor();
    await page.getByText(applicationCase).first().waitFor();
    await screenshot(page, 'receipt-verify-desktop');
    await page.getByLabel('回执文本').fill(receipt.slice(0, -4) + 'AAAA');
    await page.getByRole('button', { name: '核验回执' }).click();
    await page.getByRole('region', { name: '回执核验结果' }).getByText('回执不真实').waitFor();
  });
});

describe('sessions', () => {
  it('an expired token sends the person back to sign-in with a message', async () => {
    const { page } = holder;
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('sharehub.session')!) as { expiresAt: string };
      sessionStorage.setItem('sharehub.session', JSON.stringify({ ...session, expiresAt: new Date(Date.now() - 1000).toISOString() }));
    });
    await page.reload();
    await page.getByRole('alert').getByText('登录已过期，请重新登录。').waitFor();
    expect(page.url()).toContain('/console/signin');
  });

  it('sign-out clears everything the tab kept', async () => {
    const { page } = clerk;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'sharehub.language'))).toEqual([]);
  });

  it('switches to English and back', async () => {
    const { page } = clerk;
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'signin-en-desktop');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
  });

  it('the holder’s pages work on a phone', async () => {
    const phone = await openConsole(browser, t.url, PHONE);
    await phone.page.goto('/console/');
    await screenshot(phone.page, 'signin-phone');
    await signInAs(phone.page, TANG_XIANG.name);
    await phone.page.getByRole('heading', { name: '我的证照' }).waitFor();
    await screenshot(phone.page, 'citizen-certificates-phone');
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.page.goto('/console/citizen/access');
    await phone.page.getByRole('heading', { name: '谁查询了我的数据' }).waitFor();
    await phone.page.getByRole('article').first().waitFor();
    await screenshot(phone.page, 'citizen-access-phone');
    expect(phone.problems).toEqual([]);
    // Left open: Chromium runs as one process here, and closing a context that navigated can take the page down with it;
    // the browser closes after the file.
  });

  it('logged no error or warning in the browser console', async () => {
    expect(holder.problems).toEqual([]);
    expect(clerk.problems).toEqual([]);
    await fs.access(path.join(OUTPUT_DIR, 'receipt.pdf'));
  });
});
