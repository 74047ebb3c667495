// Steps the console's journeys share, done as a person does them: by role and visible name.
import type { Page } from 'playwright-core';

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
