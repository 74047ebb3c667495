// The catalog's plain data: a resource type and its typed fields, each with a sharing class.

export const FIELD_TYPES = ['STRING', 'INT', 'DECIMAL', 'BOOLEAN', 'DATE', 'DATETIME', 'ENUM'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const SHARING_CLASSES = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const;
/** 无条件共享 / 有条件共享 / 不予共享 */
export type SharingClass = (typeof SHARING_CLASSES)[number];

export type SubjectKindName = 'PERSON' | 'ORGANIZATION';

export interface FieldDefinition {
  /** camelCase; becomes the GraphQL field name. */
  name: string;
  /** Chinese label, e.g. 姓名. */
  nameZh: string;
  type: FieldType;
  /** For ENUM: the allowed values, UPPER_SNAKE. */
  enumValues?: string[];
  sharing: SharingClass;
  required: boolean;
  description: string;
}

export interface ResourceTypeDefinition {
  /** snake_case, e.g. household_registration; becomes the GraphQL type HouseholdRegistration. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** Unified social credit code of the providing department. */
  providerCode: string;
  subjectKind: SubjectKindName;
  description: string;
  fields: FieldDefinition[];
}

export const MASK_STRATEGIES = ['REDACT', 'KEEP_FIRST', 'KEEP_LAST', 'DATE_YEAR_ONLY', 'HASH'] as const;
export type MaskStrategy = (typeof MASK_STRATEGIES)[number];

export interface MaskRule {
  strategy: MaskStrategy;
  /** For KEEP_FIRST / KEEP_LAST: how many characters stay visible. */
  n?: number;
}

/** A record's values: field name → value in its JSON form (DATE 'YYYY-MM-DD', DATETIME ISO 8601, DECIMAL as a string). */
export type RecordValues = Record<string, string | number | boolean | null>;
