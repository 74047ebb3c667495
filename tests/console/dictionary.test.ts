// The console's two dictionaries: the same keys, no empty sentence, and a sentence in each for every error code the
// hub can answer (src/errors.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../console/src/common/errors/apiErrors.js';
import { en } from '../../console/src/common/i18n/en.js';
import { zhCN } from '../../console/src/common/i18n/zh-CN.js';
import { adminEn } from '../../console/src/admin/i18n/en.js';
import { adminZhCN } from '../../console/src/admin/i18n/zh-CN.js';
import { auditEn } from '../../console/src/audit/i18n/en.js';
import { auditZhCN } from '../../console/src/audit/i18n/zh-CN.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe('the console dictionaries', () => {
  const zh = leaves(zhCN as Tree);
  const english = leaves(en as Tree);

  it('of the administrators’ and auditors’ pages (loaded with them) have the same keys and no empty sentence', () => {
    for (const [zhTree, enTree] of [
      [adminZhCN, adminEn],
      [auditZhCN, auditEn],
    ] as const) {
      const zhLeaves = leaves(zhTree as Tree);
      const enLeaves = leaves(enTree as Tree);
      expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
      for (const [key, text] of [...zhLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
    }
  });

  it('have the same keys and no empty sentence', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('say every error code of the hub in both languages', async () => {
    const source = await fs.readFile(path.join(process.cwd(), 'src', 'errors.ts'), 'utf8');
    const union = /export type ErrorCode =([^;]+);/.exec(source)![1]!;
    const hubCodes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(hubCodes.length).toBeGreaterThan(10);
    for (const code of hubCodes) expect(ERROR_CODES, code).toContain(code);
    for (const code of ERROR_CODES) {
      expect(zh.get(`errors.${code}`), `zh-CN errors.${code}`).toBeTruthy();
      expect(english.get(`errors.${code}`), `en errors.${code}`).toBeTruthy();
    }
  });

  it('name every reason a material can be needed for, and every verification status', async () => {
    const schema = await fs.readFile(path.join(process.cwd(), 'schema', 'schema.graphql'), 'utf8');
    const values = (name: string) => [.../enum \w+ \{([^}]+)\}/.exec(schema.slice(schema.indexOf(`enum ${name} {`)))![1]!.matchAll(/^\s+([A-Z_]+)$/gm)].map((m) => m[1]!);
    for (const r of values('NeededReason')) expect(zh.has(`reason.${r}`) && english.has(`reason.${r}`), r).toBe(true);
    for (const s of values('VerificationStatus')) expect(zh.has(`status.${s}`) && english.has(`status.${s}`), s).toBe(true);
  });
});
