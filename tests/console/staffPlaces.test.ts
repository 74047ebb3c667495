// The administrator's places beyond the main journey (staff.test.ts), in a real browser against a real demo hub:
// publishing a certificate type (the API's problems land on the fields they concern; typed with the keyboard), a new
// version of it and the difference between the two, a version refused because a grant uses the face field it drops;
// publishing a service item with materials from a certificate type and from a resource type's fields; the
// administrator's own part of the audit log; the auditor's once-only coverage of any department.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uniqueCode } from '../support/catalog.js';
import { uniqueIdentifierCode } from '../support/certificates.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { launchBrowser, openConsole, screenshot, type ConsolePage } from './support/browser.js';
import { choose, closeDropdown, go, look, problemOf, signInAs } from './support/journeys.js';

// Each step drives forms and runs axe on each page: more than the suite's default minute on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const CERTIFICATE = uniqueCode('t_permit');
const MARK = uniqueIdentifierCode();
const ITEM = uniqueCode('t_item');

let t: TestHub;
let browser: Browser;
let admin: ConsolePage;
let auditor: ConsolePage;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  [admin, auditor] = await Promise.all([openConsole(browser, t.url), openConsole(browser, t.url)]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('certificate types', () => {
  it('publishes a certificate type: the API’s problems land on the identifier mark and on the face field; fixed by keyboard, it is published', async () => {
    const { page } = admin;
    await page.goto('/console/');
    await signInAs(page, 'amr-admin');
    await go(admin, '数据目录');
    await page.getByRole('tab', { name: '证照类型' }).click();
    await page.getByRole('button', { name: '版本记录：business_licence' }).waitFor();
    await page.getByRole('button', { name: '发布新的证照类型' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('编码', { exact: true }).fill(CERTIFICATE);
    // The mark of the demo business licence: taken.
    await form.getByLabel('证照标识代码').fill('YYZZ');
    await form.getByLabel('中文名称', { exact: true }).first().fill('测试经营许可证');
    await form.getByLabel('英文名称').fill('Test operating permit');
    await form.getByLabel('默认有效期（天）').fill('365');
    await form.getByLabel('说明', { exact: true }).first().fill('A certificate type published by the console test.');
    const first = form.getByRole('group', { name: '字段 1' });
    // A name every certificate has already: reserved.
    await first.getByLabel('字段名（camelCase）').fill('holderName');
    await first.getByLabel('中文名称').fill('许可事项');
    await first.getByLabel('说明').fill('What is permitted.');
    await form.getByRole('button', { name: '添加字段' }).click();
    const second = form.getByRole('group', { name: '字段 2' });
    await second.getByLabel('字段名（camelCase）').fill('capacity');
    await second.getByLabel('中文名称').fill('核定人数');
    await second.getByLabel('说明').fill('Approved capacity.');
    await form.getByRole('button', { name: '发布', exact: true }).click();

    expect(await problemOf(form.getByLabel('证照标识代码'))).toBe('YYZZ is already used by another certificate type');
    expect(await problemOf(first.getByLabel('字段名（camelCase）'))).toBe('"holderName" is reserved for every certificate');
    await look(admin, 'admin-certificate-type-publish-error-desktop');
    await screenshot(page, 'readme-admin-certificate-type-error', false);

    // Fixed with the keyboard: select the field's text, type over it, Enter submits the form.
    await form.getByLabel('证照标识代码').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(MARK);
    await first.getByLabel('字段名（camelCase）').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('title');
    await page.keyboard.press('Enter');
    await form.getByRole('status').getByText(`已发布 ${CERTIFICATE} 第 1 版。`).waitFor();
    await look(admin, 'admin-certificate-type-published-desktop');
    await form.getByRole('button', { name: '关闭' }).last().click();
    await page.getByText(`测试经营许可证 (${CERTIFICATE} · ${MARK})`).waitFor();

    const types = await (await t.as('hrss-admin')).query<{ certificateTypes: Array<{ code: string; identifierCode: string; issuerCode: string; defaultValidityDays: number; fields: Array<{ name: string; sharing: string }> }> }>(
      `{ certificateTypes { code identifierCode issuerCode defaultValidityDays fields { name sharing } } }`,
    );
    expect(types.data!.certificateTypes.find((c) => c.code === CERTIFICATE)).toEqual({
      code: CERTIFICATE,
      identifierCode: MARK,
      issuerCode: '11330100MBDEM00239',
      defaultValidityDays: 365,
      fields: [
        { name: 'title', sharing: 'CONDITIONAL' },
        { name: 'capacity', sharing: 'CONDITIONAL' },
      ],
    });
  });

  it('publishes a second version and shows what changed between the two', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: `发布新版本：${CERTIFICATE}` }).click();
    const form = page.getByRole('dialog');
    // The mark and the holder are in every certificate issued: not to be changed.
    expect(await form.getByLabel('证照标识代码').isDisabled()).toBe(true);
    await form.getByLabel('默认有效期（天）').fill('730');
    await form.getByRole('button', { name: '添加字段' }).click();
    const third = form.getByRole('group', { name: '字段 3' });
    await third.getByLabel('字段名（camelCase）').fill('address');
    await third.getByLabel('中文名称').fill('经营地址');
    await third.getByLabel('说明').fill('Where the permit applies.');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.getByRole('status').getByText(`已发布 ${CERTIFICATE} 第 2 版。`).waitFor();
    await form.getByRole('button', { name: '关闭' }).last().click();

    await page.getByRole('button', { name: `版本记录：${CERTIFICATE}` }).click();
    const versions = page.getByRole('dialog');
    await versions.getByText(/^第 2 版 · .* · amr-admin · 3 个字段$/).waitFor();
    await versions.getByText(/^第 1 版 · .* · amr-admin · 2 个字段$/).waitFor();
    await versions.getByRole('row', { name: /address.*新增/ }).waitFor();
    await versions.getByRole('row', { name: /默认有效期（天）.*修改.*365 → 730/ }).waitFor();
    await look(admin, 'admin-certificate-type-versions-desktop');
    await screenshot(page, 'readme-admin-certificate-type-versions', false);
    await page.keyboard.press('Escape');
    await versions.waitFor({ state: 'hidden' });
  });

  it('refuses a version that drops a face field a grant uses, naming the grant', async () => {
    // Another department asks for the CONDITIONAL face field capacity; the issuer's administrator approves it.
    const consumer = await t.as('hrss-admin');
    const asked = await consumer.query<{ requestAccess: { accessRequest: { id: string } } }>(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
      input: { resourceType: CERTIFICATE, fields: ['capacity'], purposes: ['demo'], justification: '核对核定人数。', validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(asked.errors).toBeUndefined();
    const approved = await (await t.as('amr-admin')).query<{ approveAccessRequest: { grant: { id: string } } }>(
      `mutation A($input: ApproveAccessRequestInput!) { approveAccessRequest(input: $input) { grant { id } } }`,
      { input: { requestId: asked.data!.requestAccess.accessRequest.id, fields: [{ field: 'capacity', effect: 'ALLOW' }] } },
    );
    expect(approved.errors).toBeUndefined();

    const { page } = admin;
    await page.getByRole('button', { name: `发布新版本：${CERTIFICATE}` }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('button', { name: '删除字段 2' }).click();
    await form.getByRole('button', { name: '发布', exact: true }).click();
    const refusal = form.getByRole('alert').filter({ hasText: '仍有授权在使用' });
    await refusal.getByText('字段 capacity 被授权使用').waitFor();
    expect(await refusal.getByRole('link').allTextContents()).toEqual([approved.data!.approveAccessRequest.grant.id]);
    await look(admin, 'admin-certificate-type-used-by-grants-desktop');
    await form.getByRole('button', { name: '关闭' }).first().click();
  });
});

describe('service items', () => {
  it('publishes a service item: the API’s problems land on the code and on a material’s key; fixed, it is listed with its materials', async () => {
    const { page } = admin;
    await go(admin, '服务事项');
    await page.getByRole('heading', { name: '政务服务事项' }).waitFor();
    await page.getByRole('row', { name: /retirement_pension_application/ }).waitFor();
    await look(admin, 'admin-service-items-desktop');

    await page.getByRole('button', { name: '发布新的服务事项' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('编码', { exact: true }).fill('Test Item');
    await form.getByLabel('中文名称').fill('测试经营许可变更');
    await form.getByLabel('英文名称').fill('Test permit change');
    const permit = form.getByRole('group', { name: '材料 1' });
    await permit.getByLabel('材料编码（snake_case）').fill('Permit');
    await permit.getByLabel('材料名称').fill('经营许可证');
    await choose(permit, '证照类型或资源类型', CERTIFICATE);
    await form.getByRole('button', { name: '添加材料' }).click();
    const household = form.getByRole('group', { name: '材料 2' });
    await household.getByLabel('材料编码（snake_case）').fill('household');
    await household.getByLabel('材料名称').fill('户口簿');
    await choose(household, '来源', '共享数据');
    await choose(household, '证照类型或资源类型', 'household_registration');
    await choose(household, '所需字段', '(name)');
    await choose(household, '所需字段', '(address)');
    await closeDropdown(page);
    await form.getByRole('button', { name: '发布', exact: true }).click();

    expect(await problemOf(form.getByLabel('编码', { exact: true }))).toBe('must be snake_case');
    expect(await problemOf(permit.getByLabel('材料编码（snake_case）'))).toBe('must be snake_case');
    await look(admin, 'admin-service-item-publish-error-desktop');

    await form.getByLabel('编码', { exact: true }).fill(ITEM);
    await permit.getByLabel('材料编码（snake_case）').fill('permit');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.getByRole('status').getByText(`已发布 ${ITEM} 第 1 版。`).waitFor();
    await form.getByRole('button', { name: '关闭' }).last().click();

    const row = page.getByRole('row', { name: new RegExp(ITEM) });
    await row.getByText('本部门').waitFor();
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('row', { name: /经营许可证 \(permit\)/ }).getByText(CERTIFICATE).waitFor();
    await page.getByRole('row', { name: /户口簿 \(household\)/ }).getByText('name、address').waitFor();
    await look(admin, 'admin-service-item-published-desktop');
    await screenshot(page, 'readme-admin-service-items', false);

    const items = await (await t.as('window-clerk')).query<{ serviceItems: Array<{ code: string; departmentCode: string; materials: Array<{ key: string; source: string; typeCode: string; fields: string[] }> }> }>(
      `{ serviceItems { code departmentCode materials { key source typeCode fields } } }`,
    );
    expect(items.data!.serviceItems.find((i) => i.code === ITEM)).toEqual({
      code: ITEM,
      departmentCode: '11330100MBDEM00239',
      materials: [
        { key: 'permit', source: 'CERTIFICATE', typeCode: CERTIFICATE, fields: [] },
        { key: 'household', source: 'RECORD', typeCode: 'household_registration', fields: ['name', 'address'] },
      ],
    });
  });

});

describe('the audit log and coverage beyond the auditor’s search', () => {
  it('the administrator searches its own part of the audit log: its publications, each in a panel; no export', async () => {
    const { page } = admin;
    await go(admin, '审计查询');
    await page.getByRole('heading', { name: '审计查询' }).waitFor();
    await page.getByText(/^数据管理员看到的是本部门系统的记录/).waitFor();
    expect(await page.getByRole('button', { name: '导出（NDJSON）' }).count()).toBe(0);
    await page.getByLabel('操作', { exact: true }).fill('certificate_type.publish');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const results = page.getByRole('region', { name: '查询结果' });
    await results.getByText(/certificate_type\.publish · PublishCertificateTypeForm · amr-admin/).first().waitFor();
    // The two versions published above; the refused third left no change behind.
    expect(await results.getByText(/certificate_type\.publish · PublishCertificateTypeForm · amr-admin/).count()).toBeGreaterThanOrEqual(2);
    await look(admin, 'admin-audit-search-desktop');
    await results.getByRole('button', { name: /^审计记录 #/ }).first().click();
    const panel = page.getByRole('dialog');
    await panel.getByText('链上位置').waitFor();
    await panel.getByText(CERTIFICATE).first().waitFor();
    await look(admin, 'admin-audit-event-desktop');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it('the auditor sees the once-only coverage of its own department and of any other', async () => {
    const { page } = auditor;
    await page.goto('/console/');
    await signInAs(page, 'auditor');
    await go(auditor, '一次不用跑');
    await page.getByRole('heading', { name: '一次不用跑' }).waitFor();
    await page.getByText(/^部门 \S+ 的覆盖情况$/).waitFor();
    await page.getByLabel('部门（统一社会信用代码）').fill('11330100MBDEM00239');
    await page.getByRole('button', { name: '查看' }).click();
    await page.getByText('部门 11330100MBDEM00239 的覆盖情况').waitFor();
    await page.getByRole('img', { name: /各事项材料覆盖情况/ }).locator('svg').waitFor();
    // The service item published above is counted, with the department's own reasons; requests are the administrator's.
    await page.getByRole('row', { name: new RegExp(ITEM) }).waitFor();
    expect(await page.getByRole('button', { name: /申请授权/ }).count()).toBe(0);
    await look(auditor, 'audit-coverage-desktop');
    await screenshot(page, 'readme-audit-coverage', false);
  });

  it('logged no error or warning in any browser console (but the refusals the test asked for)', () => {
    // Chromium logs every 4xx response; the refused publications answer 400 and 409.
    const asked = /^error: Failed to load resource: the server responded with a status of 40[09] /;
    expect(admin.problems.filter((m) => !asked.test(m))).toEqual([]);
    expect(auditor.problems).toEqual([]);
  });
});
