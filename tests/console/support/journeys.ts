// Steps the console's journeys share, done as a person does them: by role and visible name.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, seriousViolations, type ConsolePage } from './browser.js';

/** On the sign-in page: the demo identity whose button names this client id or holder name. */
export async function signInAs(page: Page, who: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(who) }).first().click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** The purpose bar: a legal basis (and a case number), applied. */
export async function chooseLegalBasis(page: Page, basis: string, caseNumber?: string): Promise<void> {
  await page.getByLabel('法定依据').fill(basis);
  if (caseNumber) await page.getByLabel('案件号（可选）').fill(caseNumber);
  await page.getByRole('button', { name: '应用用途' }).click();
}

/** Every page as shown now: a screenshot, and no serious or critical accessibility finding. */
export async function look(p: ConsolePage, name: string): Promise<void> {
  await screenshot(p.page, name);
  expect(await seriousViolations(p.page), name).toEqual([]);
}

/** Goes to a page by the header menu, as a person finds it. */
export async function go(p: ConsolePage, name: string): Promise<void> {
  await p.page.getByRole('menuitem', { name, exact: true }).click();
}

/**
 * Chooses the option of an antd Select (found by its label, within `where`: a page or a part of one) that shows `text`:
 * opens it, types (to filter), clicks.
 */
export async function choose(where: ConsolePage | Page | Locator, label: string, text: string): Promise<void> {
  const scope = 'context' in where && 'problems' in where ? where.page : where;
  const page = 'keyboard' in scope ? scope : scope.page();
  await scope.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * Closes the open dropdown of an antd Select (a multiple choice stays open after each pick) and waits until it is gone.
 * Escape only while one is open: the Select takes it then, where otherwise a drawer around it would, and close.
 */
export async function closeDropdown(page: Page): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  if ((await open.count()) === 0) return;
  await page.keyboard.press('Escape');
  await expect.poll(() => open.count()).toBe(0);
}

/** What the form says is wrong with a field: the error that antd ties to it (aria-invalid, aria-describedby). */
export async function problemOf(field: Locator): Promise<string> {
  try {
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
  } catch (error) {
    // Say what the page shows instead: another field's problem, the refusal in words, or no form at all.
    const shown = await field.page().locator('.ant-alert:visible, .ant-form-item-explain-error:visible, [role="dialog"]:visible .ant-drawer-title').allTextContents();
    throw new Error(`the field was not marked invalid; the page shows ${JSON.stringify(shown)}`, { cause: error });
  }
  const help = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('_help'));
  if (!help) return '';
  return (await field.page().locator(`[id="${help}"]`).textContent()) ?? '';
}
