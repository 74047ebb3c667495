// Test data for the catalog: a fresh resource type per test file (unique code), and valid subjects.
import { generatePersons } from '../../src/demo/subjects.js';
import type { GraphQLClient } from './client.js';

let counter = 0;

/** A unique snake_case code, so test files never share catalog entries. */
export function uniqueCode(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** Valid resident ID numbers that no demo record uses (a seed of their own). */
export function testPersons(count: number, seed: number) {
  return generatePersons(count, 10_000 + seed);
}

export const PUBLISH = `mutation Publish($input: PublishResourceTypeInput!) {
  publishResourceType(input: $input) { resourceType { code graphqlType version fields { name sharing } } }
}`;

/** A household-like resource type with fields in all three sharing classes. */
export function householdLike(code: string) {
  return {
    code,
    nameZh: '测试户籍',
    nameEn: 'Test household registration',
    subjectKind: 'PERSON',
    description: 'A resource type made by a test.',
    fields: [
      { name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Full name.' },
      { name: 'gender', nameZh: '性别', type: 'ENUM', enumValues: ['MALE', 'FEMALE'], sharing: 'UNCONDITIONAL', required: true, description: 'Gender.' },
      { name: 'districtCode', nameZh: '行政区划', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'County-level region code.' },
      { name: 'address', nameZh: '住址', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Household address.' },
      { name: 'birthDate', nameZh: '出生日期', type: 'DATE', sharing: 'CONDITIONAL', required: false, description: 'Date of birth.' },
      { name: 'householdSize', nameZh: '户人数', type: 'INT', sharing: 'CONDITIONAL', required: false, description: 'People in the household.' },
      { name: 'religion', nameZh: '宗教信仰', type: 'STRING', sharing: 'NOT_SHARED', required: false, description: 'Declared religion.' },
    ],
  };
}

export async function publish(admin: GraphQLClient, input: unknown) {
  const res = await admin.query(PUBLISH, { input });
  if (res.errors) throw new Error(`publish failed: ${JSON.stringify(res.errors)}`);
  return res.data!.publishResourceType.resourceType as { code: string; graphqlType: string; version: number };
}

export const UPSERT = `mutation Upsert($type: String!, $records: [RecordInput!]!) {
  upsertRecords(resourceType: $type, records: $records) { written { subjectId version } unchanged }
}`;
