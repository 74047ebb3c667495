// Signing in to the console in a real browser: through a real OpenID Provider (oidc-provider: login form, consent,
// redirect back, code + PKCE), then with a token the hub accepts; sign-out ends the provider's session too. And the
// developers' GraphQL explorer, one click from the sign-in page in demo mode.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { startSignInProvider, type TestSignInProvider } from '../support/signInProvider.js';
import { launchBrowser, openConsole, screenshot, seriousViolations, type ConsolePage } from './support/browser.js';
import { VALID_MARRIAGE } from './support/demoData.js';
import { chooseLegalBasis } from './support/journeys.js';

let idp: TestSignInProvider;
let t: TestHub;
let browser: Browser;

/** The window clerk's staff account at the provider: its `sub` is the clerk's registered client id at the hub. */
const CLERK = { id: 'window-clerk', password: 'clerk-password-0123', name: '张窗口' };

beforeAll(async () => {
  [idp, browser] = await Promise.all([startSignInProvider([CLERK]), launchBrowser()]);
  t = await startTestHub({
    SHAREHUB_ISSUERS: JSON.stringify([{ issuer: idp.issuer, jwksUri: idp.jwksUri, audience: idp.audience, algorithms: ['ES256'], kind: 'CLIENT', principalClaim: 'sub' }]),
    SHAREHUB_CONSOLE_OIDC_ISSUER: idp.issuer,
    SHAREHUB_CONSOLE_OIDC_CLIENT_ID: idp.clientId,
    SHAREHUB_CONSOLE_OIDC_SCOPE: 'openid profile sharehub',
    SHAREHUB_CONSOLE_OIDC_RESOURCE: idp.audience,
  });
  idp.registerConsole(t.url);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await idp?.close();
});

async function viewerWith(token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { client { id } roles } }' }),
  });
  return { status: res.status, body: (await res.json()) as { data?: { viewer: { client: { id: string } | null; roles: string[] } } } };
}

describe('single sign-on (OpenID Connect, authorization code + PKCE)', () => {
  let person: ConsolePage;
  let accessToken: string;

  it('the hub tells the console its provider: public values only, and lets the console reach that origin', async () => {
    const res = await fetch(`${t.url}/console/config.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ oidc: { issuer: idp.issuer, clientId: 'sharehub-console', scope: 'openid profile sharehub', resource: idp.audience } });
    const page = await fetch(`${t.url}/console/signin`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${idp.issuer}`);
  });

  it('a clerk signs in through the provider’s login form and consent, comes back signed in, and verifies a certificate', async () => {
    person = await openConsole(browser, t.url);
    const { page, problems } = person;
    await page.goto('/console/signin');
    await page.getByRole('button', { name: '统一身份认证登录' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await page.getByLabel('Username').fill(CLERK.id);
    await page.getByLabel('Password').fill(CLERK.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Allow access' }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.getByText('当前身份：政务服务中心综合窗口').waitFor();
    await page.getByRole('heading', { name: '核验证照' }).waitFor();
    await chooseLegalBasis(page, 'demo');
    await page.getByLabel('证照标识', { exact: true }).fill(VALID_MARRIAGE);
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByRole('region', { name: `核验结果 ${VALID_MARRIAGE}` }).getByText('真实有效签名').waitFor();
    await screenshot(page, 'signin-oidc-verified');
    expect(problems).toEqual([]);
  });

  it('keeps the token in sessionStorage, never in localStorage, and the hub reads it as that person', async () => {
    const { page } = person;
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('sharehub.session'), local: JSON.stringify({ ...localStorage }) }));
    accessToken = (JSON.parse(stored.session!) as { accessToken: string }).accessToken;
    expect(stored.local).not.toContain(accessToken);
    expect(stored.local).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: idp.issuer, sub: 'window-clerk', client_id: 'sharehub-console', aud: idp.audience });
    const { status, body } = await viewerWith(accessToken);
    expect(status).toBe(200);
    expect(body.data?.viewer).toEqual({ client: { id: 'window-clerk' }, roles: ['WINDOW_CLERK'] });
  });

  it('the same token with another person’s sub (or another client_id) is not accepted as them', async () => {
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'auditor' })).toString('base64url')}.${s}`;
    expect((await viewerWith(forged)).status).toBe(401);
    const otherClient = `${h}.${Buffer.from(JSON.stringify({ ...claims, client_id: 'auditor' })).toString('base64url')}.${s}`;
    expect((await viewerWith(otherClient)).status).toBe(401);
  });

  it('sign-out clears the tab’s storage and ends the session at the provider, then returns to sign-in', async () => {
    const { page, problems } = person;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/signin');
    expect(idp.logouts).toBe(1);
    const left = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(left).not.toContain(accessToken);
    expect(left).not.toContain('sharehub.session');
    // Signing in again asks for the password again: the provider's session ended.
    await page.getByRole('button', { name: '统一身份认证登录' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    // The context stays open until the browser closes: the shipped Chromium runs as one process and ends with its last context.
  });
});

describe('the GraphQL explorer', () => {
  it('opens in one click from the demo sign-in page, runs a query with the signed-in token and the purpose headers, and shows the answer', async () => {
    const { page, problems } = await openConsole(browser, t.url);
    await page.goto('/console/signin');
    await page.getByRole('button', { name: '打开 GraphQL 浏览器' }).click();
    await page.getByRole('heading', { name: 'GraphQL 浏览器' }).waitFor();
    await chooseLegalBasis(page, 'demo', 'CASE-EXPLORER-1');
    await page.getByText('x-sharehub-purpose: demo; x-sharehub-case: CASE-EXPLORER-1').waitFor();
    // The editor starts with a query of who is signed in; run it (the run button, or Ctrl+Enter in the editor).
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('query Viewer') === true);
    await page.getByRole('button', { name: /Execute query/ }).click();
    const response = await answered;
    expect(response.request().headers()).toMatchObject({ 'x-sharehub-purpose': 'demo', 'x-sharehub-case': 'CASE-EXPLORER-1', authorization: expect.stringMatching(/^Bearer /) });
    await page.locator('.graphiql-response').getByText('"roles"').waitFor();
    const answer = await page.locator('.graphiql-response').innerText();
    expect(answer).toContain('"SYSTEM"');
    await screenshot(page, 'explorer-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
