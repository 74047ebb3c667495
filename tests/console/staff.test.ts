// Data administrators and the auditor in a real browser against a real demo hub, the journey: the provider's
// administrator publishes a type (an error from the API lands on its field); the consumer's administrator asks for
// CONDITIONAL fields with the wizard; the provider approves one field masked (previewed) with a row scope; the
// consumer's system reads it masked and an out-of-scope subject not at all; corrections go both ways; the catalog keeps
// versions and refuses to drop a field a grant uses; live sources register (a refusal shows its mismatches); the
// provider suspends, reinstates and revokes the grant, and the next read is refused; coverage prepares a request; the
// auditor finds the reads by subject, opens one, checks the chain and exports. Phone width for inbox and search.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { householdLike, testPersons, UPSERT } from '../support/catalog.js';
import { runCli } from '../support/cli.js';
import type { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { ENTITY, startHealthySubgraph, startProviderHost, type ProviderHost, type TestSubgraph } from '../support/subgraphs.js';
import { launchBrowser, openConsole, OUTPUT_DIR, PHONE, type ConsolePage } from './support/browser.js';
import { choose, closeDropdown, go, look, signInAs } from './support/journeys.js';

// Each journey step drives several pages and runs axe on each: more than the suite's default minute on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const AMR = '11330100MBDEM00239';
const CODE = `t_staff_${process.pid}_${Date.now().toString(36)}`;
const [inside, inside2, outside] = testPersons(3, 1500);
const ADDRESS = '杭州市西湖区文三路 1 号';
/** The purpose asked for and read with: a service item of the consumer's. */
const PURPOSE = 'retirement_pension_application';

let t: TestHub;
let browser: Browser;
let host: ProviderHost;
let subgraph: TestSubgraph;
let provider: ConsolePage;
let consumer: ConsolePage;
let auditor: ConsolePage;
let reader: GraphQLClient;
const opened: ConsolePage[] = [];

const READ = `query R($id: ID!) { ${singleQueryNameOf(CODE)}(subjectId: $id) { address } }`;

beforeAll(async () => {
  host = await startProviderHost();
  subgraph = await startHealthySubgraph(new Map(), host);
  [t, browser] = await Promise.all([startTestHub({ SHAREHUB_LIVE_SOURCE_ORIGINS: JSON.stringify({ [AMR]: [host.origin] }) }), launchBrowser()]);
  [provider, consumer, auditor] = await Promise.all([openConsole(browser, t.url), openConsole(browser, t.url), openConsole(browser, t.url)]);
  opened.push(provider, consumer, auditor);
  reader = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': PURPOSE });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await subgraph?.close();
  await host?.close();
});

describe('the provider publishes a resource type', () => {
  it('fills the form; the API’s problem lands on the field it concerns; fixed, the type is published', async () => {
    const { page } = provider;
    await page.goto('/console/');
    await signInAs(page, 'amr-admin');
    await page.getByRole('heading', { name: '共享申请' }).waitFor();
    await go(provider, '数据目录');
    await page.getByRole('heading', { name: '数据目录' }).waitFor();
    await page.getByRole('row', { name: /household_registration/ }).waitFor();
    await look(provider, 'admin-catalog-desktop');

    await page.getByRole('button', { name: '发布新的资源类型' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('编码').fill(CODE);
    await form.getByLabel('中文名称').first().fill('测试居住信息');
    await form.getByLabel('英文名称').fill('Test residence');
    await form.getByLabel('说明').first().fill('A resource type published by the console test.');
    const fields: Array<[string, string, string]> = [
      ['Bad Name', '住址', 'Home address.'],
      ['districtCode', '行政区划', 'County-level region code.'],
      ['name', '姓名', 'Full name.'],
    ];
    for (let i = 0; i < fields.length; i += 1) {
      if (i > 0) await form.getByRole('button', { name: '添加字段' }).click();
      const card = form.locator('.ant-card').nth(i);
      await card.getByLabel('字段名（camelCase）').fill(fields[i]![0]);
      await card.getByLabel('中文名称').fill(fields[i]![1]);
      await card.getByLabel('说明').fill(fields[i]![2]);
    }
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.locator('.ant-card').first().getByText('must be camelCase').waitFor();
    await look(provider, 'admin-catalog-publish-error-desktop');
    await form.locator('.ant-card').first().getByLabel('字段名（camelCase）').fill('address');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.getByText(`已发布 ${CODE} 第 1 版。`).waitFor();
    await form.getByRole('button', { name: '关闭' }).last().click();
    await page.getByRole('row', { name: new RegExp(CODE) }).waitFor();

    // The provider's system publishes records: two subjects in district 330106, one elsewhere.
    const upsert = await (await t.as('amr-system')).query(UPSERT, {
      type: CODE,
      records: [
        { subjectId: inside!.idNumber, fields: { address: ADDRESS, districtCode: '330106', name: inside!.name } },
        { subjectId: inside2!.idNumber, fields: { address: '杭州市西湖区天目山路 2 号', districtCode: '330106', name: inside2!.name } },
        { subjectId: outside!.idNumber, fields: { address: '杭州市上城区解放路 3 号', districtCode: '330102', name: outside!.name } },
      ],
    });
    expect(upsert.errors).toBeUndefined();
  });
});

describe('the consumer asks, the provider decides', () => {
  it('the consumer’s administrator asks for two CONDITIONAL fields with the wizard, and sees the request in the outbox', async () => {
    const { page } = consumer;
    await page.goto('/console/');
    await signInAs(page, 'hrss-admin');
    await page.getByRole('tab', { name: '发起申请' }).click();
    await choose(consumer, '选择资源', CODE);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: /\(address\)/ }).check();
    await page.getByRole('checkbox', { name: /\(name\)/ }).check();
    await look(consumer, 'admin-request-wizard-desktop');
    await page.getByRole('button', { name: '下一步' }).click();
    await choose(consumer, '用途', PURPOSE);
    await closeDropdown(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('申请理由').fill('社保待遇资格认证需要核对居住地址。');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('status').getByText(/已提交/).waitFor();
    await page.getByRole('tab', { name: '我的申请' }).click();
    const mine = page.getByRole('article', { name: new RegExp(`^${CODE} 的申请`) }).first();
    await mine.getByText('待审批').waitFor();
    await look(consumer, 'admin-requests-outbox-desktop');
  });

  it('the provider rejects another request with a reason', async () => {
    const asked = await (await t.as('hrss-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
      input: { resourceType: CODE, fields: ['districtCode'], purposes: ['demo'], justification: '统计用', validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(asked.errors).toBeUndefined();
    const { page } = provider;
    await go(provider, '共享申请');
    const card = page.getByRole('article').filter({ hasText: '统计用' });
    await card.getByRole('button', { name: '驳回' }).click();
    await page.getByLabel('理由').fill('统计不需要个人数据。');
    await page.getByRole('dialog').getByRole('button', { name: '确认驳回' }).click();
    await expect.poll(() => page.getByRole('article').filter({ hasText: '统计用' }).count(), { timeout: 15_000 }).toBe(0);
  });

  it('the provider approves one field, masked (the preview follows the hub’s rule), for one district only', async () => {
    const { page } = provider;
    const card = page.getByRole('article', { name: new RegExp(`^${CODE} 的申请`) }).first();
    await card.getByText('答复期限').waitFor();
    await look(provider, 'admin-requests-inbox-desktop');
    await card.getByRole('button', { name: '批准' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('checkbox', { name: /\(name\)/ }).uncheck();
    await drawer.getByRole('checkbox', { name: '脱敏提供' }).check();
    await choose(provider, 'address 的脱敏方式', '保留前几位');
    await drawer.getByLabel('address 保留位数').fill('3');
    await drawer.getByLabel('address 的示例值').fill(ADDRESS);
    const preview = drawer.getByLabel('address 的脱敏结果');
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toBe(`杭州市${'*'.repeat([...ADDRESS].length - 3)}`);
    await choose(provider, '范围字段', 'districtCode');
    await drawer.getByLabel('允许的值（多个用逗号分隔）').fill('330106');
    await look(provider, 'admin-approve-desktop');
    await drawer.getByRole('button', { name: '批准（1 个字段）' }).click();
    await expect.poll(() => page.getByRole('article', { name: new RegExp(`^${CODE} 的申请`) }).count(), { timeout: 15_000 }).toBe(0);
  });

  it('the consumer’s system reads the field masked, and a subject outside the scope not at all', async () => {
    const seen = await reader.query<Record<string, { address: string } | null>>(READ, { id: inside!.idNumber });
    expect(seen.errors).toBeUndefined();
    expect(seen.data![singleQueryNameOf(CODE)]).toEqual({ address: `杭州市${'*'.repeat([...ADDRESS].length - 3)}` });
    const other = await reader.query<Record<string, unknown>>(READ, { id: outside!.idNumber });
    expect(other.data![singleQueryNameOf(CODE)]).toBeNull();
  });
});

describe('corrections', () => {
  it('the consumer reports a wrong value; the provider corrects it; the reporter sees the outcome', async () => {
    const c = consumer.page;
    await go(consumer, '数据纠错');
    await c.getByRole('tab', { name: '我的纠错' }).click();
    await choose(consumer, '资源类型', CODE);
    await c.getByLabel('证件号码').fill(inside!.idNumber);
    await choose(consumer, '字段', 'address');
    await c.getByLabel('用途', { exact: true }).fill(PURPOSE);
    await c.getByLabel('哪里不对，正确的值是什么').fill('门牌号应为 11 号。');
    await c.getByRole('button', { name: '提交', exact: true }).click();
    await c.getByRole('status').getByText('纠错已提交').waitFor();

    const p = provider.page;
    await go(provider, '数据纠错');
    const report = p.getByRole('article', { name: `${CODE} 字段 address 的纠错` }).first();
    await report.getByText('待处理').waitFor();
    await look(provider, 'admin-corrections-queue-desktop');
    await report.getByRole('button', { name: '更正' }).click();
    await p.getByLabel('address 的正确值').fill('杭州市西湖区文三路 11 号');
    await p.getByLabel('更正说明').fill('已核对门牌。');
    await p.getByRole('dialog').getByRole('button', { name: '更正' }).click();
    await report.getByText('已更正').waitFor();

    await c.reload();
    await c.getByRole('tab', { name: '我的纠错' }).click();
    await c.getByRole('article', { name: `${CODE} 字段 address 的纠错` }).first().getByText('已更正').waitFor();
    await look(consumer, 'admin-corrections-mine-desktop');
  });
});

describe('live sources', () => {
  it('a refused registration lists its mismatches; a fitting one registers and shows its health; it unregisters', async () => {
    const { page } = provider;
    await go(provider, '接口共享');
    await page.getByText('本部门还没有注册实时接口。').waitFor();
    await choose(provider, '资源类型', CODE);
    await page.getByLabel('接口地址').fill(subgraph.url);
    await page.getByLabel('实体类型').fill('Residence');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    const mismatches = page.getByRole('region', { name: '接口与目录不符之处' });
    await mismatches.getByRole('row').nth(1).waitFor();
    await look(provider, 'admin-sources-refused-desktop');

    await page.getByLabel('实体类型').fill(ENTITY);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(CODE) });
    // The health tag reads "● 正常": a mark for the eye (aria-hidden) and the word.
    await row.getByText(/^●?\s*正常$/).waitFor();
    await row.getByText('尚无调用').waitFor();
    await look(provider, 'admin-sources-desktop');
    await page.getByRole('button', { name: `注销接口：${CODE}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '注销接口' }).click();
    await page.getByText('本部门还没有注册实时接口。').waitFor();
  });
});

describe('the catalog keeps versions', () => {
  it('refuses a version that drops a field a grant uses, naming the grant; publishes one that adds a field; shows the difference', async () => {
    const { page } = provider;
    await go(provider, '数据目录');
    await page.getByRole('button', { name: `发布新版本：${CODE}` }).click();
    let form = page.getByRole('dialog');
    await form.getByRole('button', { name: '删除字段 1' }).click();
    await form.getByRole('button', { name: '发布', exact: true }).click();
    const refusal = form.getByRole('alert').filter({ hasText: '仍有授权在使用' });
    await refusal.getByText('字段 address 被授权使用').waitFor();
    expect(await refusal.getByRole('link').count()).toBe(1);
    await look(provider, 'admin-catalog-used-by-grants-desktop');
    await form.getByRole('button', { name: '关闭' }).first().click();

    await page.getByRole('button', { name: `发布新版本：${CODE}` }).click();
    form = page.getByRole('dialog');
    await form.getByRole('button', { name: '添加字段' }).click();
    const card = form.locator('.ant-card').nth(3);
    await card.getByLabel('字段名（camelCase）').fill('phone');
    await card.getByLabel('中文名称').fill('联系电话');
    await card.getByLabel('说明').fill('Phone number.');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.getByText(`已发布 ${CODE} 第 2 版。`).waitFor();
    await form.getByRole('button', { name: '关闭' }).last().click();

    await page.getByRole('button', { name: `版本记录：${CODE}` }).click();
    const versions = page.getByRole('dialog');
    await versions.getByText('第 2 版 ·').waitFor();
    await versions.getByRole('row', { name: /phone.*新增/ }).waitFor();
    await look(provider, 'admin-catalog-versions-desktop');
    await versions.getByRole('button', { name: '关闭' }).click();
  });
});

describe('grants', () => {
  it('the provider suspends and reinstates the grant, sees its versions, revokes it; the next read is refused', async () => {
    const { page } = provider;
    await go(provider, '共享授权');
    const row = page.getByRole('row', { name: new RegExp(CODE) });
    await row.getByText('有效', { exact: true }).waitFor();
    await choose(provider, '用途', PURPOSE);
    await look(provider, 'admin-grants-desktop');
    await row.getByRole('button', { name: '暂停' }).click();
    await page.getByLabel('理由').fill('核查使用情况。');
    await page.getByRole('dialog').getByRole('button', { name: '暂停' }).click();
    await row.getByText('已暂停').waitFor();
    await row.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    await row.getByText('有效', { exact: true }).waitFor();

    await row.getByRole('button', { name: /^版本：/ }).click();
    const history = page.getByRole('dialog');
    await history.getByRole('article', { name: '第 3 版' }).waitFor();
    await history.getByText('理由：核查使用情况。').first().waitFor();
    await look(provider, 'admin-grant-history-desktop');
    await history.getByRole('button', { name: '关闭' }).click();

    await row.getByRole('button', { name: new RegExp(`^撤销 ${CODE} 授权`) }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('撤销不可恢复').waitFor();
    await confirm.getByLabel('理由').fill('项目结束。');
    await confirm.getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销').waitFor();
    await choose(provider, '状态', '已撤销');
    await row.getByText('已撤销').waitFor();

    const refused = await reader.query(READ, { id: inside!.idNumber });
    // With no grant left for the type, the read is refused as a whole.
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data)).not.toContain('杭州市');
  });

  it('the consumer sees the revoked grant among those it holds', async () => {
    const { page } = consumer;
    await go(consumer, '共享授权');
    await page.getByText('本部门获得的').click();
    await page.getByRole('row', { name: new RegExp(CODE) }).getByText('已撤销').waitFor();
    await look(consumer, 'admin-grants-held-desktop');
  });
});

describe('coverage', () => {
  it('shows the chart and the table; from a material without a grant, one click prepares the request', async () => {
    const { page } = consumer;
    await go(consumer, '一次不用跑');
    await page.getByRole('img', { name: /各事项材料覆盖情况/ }).locator('svg').waitFor();
    await look(consumer, 'admin-coverage-desktop');
    const request = page.getByRole('button', { name: '为“户口簿”申请授权' }).first();
    await request.click();
    await page.getByRole('tab', { name: '发起申请', selected: true }).waitFor();
    const checked = page.getByRole('checkbox', { checked: true });
    await checked.first().waitFor();
    expect(await checked.count()).toBeGreaterThan(0);
    await look(consumer, 'admin-coverage-request-desktop');
  });

  it('rotates the department’s signing key from the catalog, with a confirmation', async () => {
    const { page } = consumer;
    await go(consumer, '数据目录');
    await page.getByRole('tab', { name: '证照类型' }).click();
    await page.getByRole('button', { name: '轮换签名密钥' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '轮换签名密钥' }).click();
    await page.getByRole('status').getByText(/^已启用新密钥/).waitFor();
    await look(consumer, 'admin-catalog-certificates-desktop');
  });
});

describe('the auditor', () => {
  it('finds the reads by subject ID number (by keyboard) and opens one: fields masked, grant cited, chain position', async () => {
    const { page } = auditor;
    await page.goto('/console/');
    await signInAs(page, 'auditor');
    await page.getByRole('heading', { name: '审计查询' }).waitFor();
    await page.getByLabel('接入系统').fill('hrss-system');
    await choose(auditor, '结果', '成功');
    await page.getByLabel('数据主体证件号码').focus();
    await page.keyboard.type(inside!.idNumber);
    await page.keyboard.press('Enter');
    const results = page.getByRole('region', { name: '查询结果' });
    await results.getByText(/hrss-system/).first().waitFor();
    await look(auditor, 'audit-search-desktop');
    // The newest successful read of this subject by hrss-system is the masked one; opened with the keyboard.
    await results.getByRole('button', { name: /^审计记录 #/ }).first().focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog');
    await panel.getByText('链上位置').waitFor();
    await panel.getByRole('row', { name: /^脱敏提供的字段/ }).getByText(`${CODE}.address`).waitFor();
    await panel.getByText(`${CODE}.address:`).waitFor();
    await panel.getByText(/签名检查点/).waitFor();
    await look(auditor, 'audit-event-desktop');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it('checks the last checkpoint’s signature in the browser and sees the last verification', async () => {
    await t.hub.checkpointer.checkpointHead();
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const seq = (await pool.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_checkpoint')).rows[0]!.seq;
    const run = await runCli(['audit', 'verify', '--from', seq], { SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir') });
    expect(run.out).toContain('audit chain OK');
    const { page } = auditor;
    await go(auditor, '审计链');
    await page.getByRole('button', { name: '在浏览器中验证签名' }).click();
    await page.getByRole('status').getByText(/^签名有效/).waitFor();
    await page.getByRole('status').getByText(/审计链完整/).waitFor();
    await look(auditor, 'audit-chain-desktop');
  });

  it('exports the matching events as NDJSON; the export is itself audited', async () => {
    const { page } = auditor;
    await go(auditor, '审计查询');
    await page.getByLabel('数据主体证件号码').fill(inside!.idNumber);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('region', { name: '查询结果' }).getByText(/hrss-system/).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出（NDJSON）' }).click()]);
    const file = path.join(OUTPUT_DIR, 'audit-export.ndjson');
    await download.saveAs(file);
    const lines = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { clientId: string; fieldsMasked: string[] });
    expect(lines.some((l) => l.clientId === 'hrss-system' && l.fieldsMasked.includes(`${CODE}.address`))).toBe(true);
    await page.getByRole('status').getByText(`已导出 ${lines.length} 条审计记录`).waitFor();
    await page.getByRole('button', { name: '清空条件' }).click();
    await page.getByLabel('操作', { exact: true }).fill('audit.export');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('region', { name: '查询结果' }).getByText(/audit\.export · auditor/).first().waitFor();
  });
});

describe('at phone width', () => {
  it('the provider’s inbox and the auditor’s search are usable', async () => {
    const admin = await openConsole(browser, t.url, PHONE);
    const search = await openConsole(browser, t.url, PHONE);
    opened.push(admin, search);
    await admin.page.goto('/console/');
    await signInAs(admin.page, 'amr-admin');
    await admin.page.getByText('全部', { exact: true }).click();
    await admin.page.getByRole('article', { name: new RegExp(`^${CODE} 的申请`) }).first().waitFor();
    await look(admin, 'admin-requests-inbox-phone');

    await search.page.goto('/console/');
    await signInAs(search.page, 'auditor');
    await search.page.getByLabel('数据主体证件号码').fill(inside!.idNumber);
    await search.page.getByRole('button', { name: '查询', exact: true }).click();
    await search.page.getByRole('region', { name: '查询结果' }).getByText(/hrss-system/).first().waitFor();
    await look(search, 'audit-search-phone');
    await search.page.getByRole('button', { name: /^审计记录 #/ }).first().click();
    await search.page.getByRole('dialog').getByText('链上位置').waitFor();
    await look(search, 'audit-event-phone');
  });

  it('logged no error or warning in any browser console (but the refusals the journey asked for)', () => {
    // Chromium logs every 4xx response; the provider's refused publications and registration answer 400 and 409.
    const asked = /^error: Failed to load resource: the server responded with a status of 40[09] /;
    for (const p of opened) expect(p.problems.filter((m) => !(p === provider && asked.test(m)))).toEqual([]);
  });
});
