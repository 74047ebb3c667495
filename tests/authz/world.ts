// The generated world of the authorization property: a resource type and a certificate type with fields of every type
// and sharing class, records and certificates, grants in every state, service items, and the operations read over it.
// Plain data and fast-check arbitraries only; build.ts makes a world real through the public API.
import fc from 'fast-check';

export type FieldType = 'STRING' | 'INT' | 'DECIMAL' | 'DATE' | 'DATETIME' | 'BOOLEAN' | 'ENUM';
export type Sharing = 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
export type Value = string | number | boolean | null;
export type Values = Record<string, Value>;

export interface FieldSpec {
  name: string;
  type: FieldType;
  sharing: Sharing;
  enumValues?: string[];
}

export type MaskRule = { strategy: 'REDACT' | 'HASH' | 'DATE_YEAR_ONLY' } | { strategy: 'KEEP_FIRST' | 'KEEP_LAST'; n: number };

export type ApprovalDecision = { effect: 'ALLOW' } | { effect: 'MASK'; mask: MaskRule } | { effect: 'OMIT' };
export type GrantLife = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'REINSTATED';
export type Validity = 'CURRENT' | 'EXPIRED' | 'NOT_YET_VALID';

/** One access request and what became of it: its UNCONDITIONAL grant at once, its CONDITIONAL one after approval. */
export interface GrantSpec {
  /** The service center (the reader), or civil affairs: a grant of another consumer that must never count. */
  consumer: 'SELF' | 'OTHER';
  clientId: null | 'window-clerk' | 'service-center-admin';
  /** Indices into the world's purposes. */
  purposes: number[];
  validity: Validity;
  fields: string[];
  /** Per CONDITIONAL field asked for. */
  decisions: Record<string, ApprovalDecision>;
  answer: 'APPROVE' | 'REJECT' | 'PENDING';
  /** The approval shortens the validity so that the conditional grant has already ended. */
  isApprovalShortened: boolean;
  rowScope: null | { field: string; values: string[] };
  unconditionalLife: GrantLife;
  conditionalLife: GrantLife;
}

export interface ConditionSpec {
  field: string;
  operator: 'EQUALS' | 'NOT_EQUALS' | 'IN' | 'AT_LEAST' | 'AT_MOST';
  /** Compare with the value a subject's record holds (so that both outcomes happen), or a literal. */
  valueOf: { subject: number } | { literal: string };
}

export interface MaterialSpec {
  source: 'RECORD' | 'CERTIFICATE';
  fields: string[];
  condition: ConditionSpec | null;
  isSatisfiedWhenAbsent: boolean;
}

export interface TypeSpec {
  fields: FieldSpec[];
  scopeField: string;
}

export interface WorldSpec {
  subjectSeed: number;
  record: TypeSpec;
  certificate: TypeSpec;
  /** Per subject index: its record, or null (no record). */
  records: Array<Values | null>;
  /** Per subject index: its certificate's face, or null (holds none). */
  certificates: Array<Values | null>;
  grants: GrantSpec[];
  /**
   * Grants that DENY one field (index into the grantable fields) to the service center for some purposes. No API makes
   * one (approvals ALLOW or MASK), so build.ts writes them as stored grants; rule 2 says they withhold the field.
   */
  denials: Array<{ field: number; purposes: number[] }>;
  certificateGrants: GrantSpec[];
  items: MaterialSpec[][];
}

export const SUBJECTS = 10;
/** Plain purposes; the service items' codes follow them in the world's purpose list. */
export const PLAIN_PURPOSES = 2;
export const ITEMS = 2;
export const PURPOSES = PLAIN_PURPOSES + ITEMS;
export const DISTRICTS = ['330102', '330105', '330106'];
export const HOLDER_NAME = 'holderName';
export const HOLDER_ID_NUMBER = 'holderIdNumber';

const TYPES: FieldType[] = ['STRING', 'INT', 'DECIMAL', 'DATE', 'DATETIME', 'BOOLEAN', 'ENUM'];
const ENUM_VALUES = ['ALPHA', 'BRAVO', 'CHARLIE'];

const sharingArb: fc.Arbitrary<Sharing> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('CONDITIONAL' as const) },
  { weight: 3, arbitrary: fc.constant('UNCONDITIONAL' as const) },
  { weight: 2, arbitrary: fc.constant('NOT_SHARED' as const) },
);

function fieldOf(type: FieldType, index: number, sharing: Sharing): FieldSpec {
  const name = `f${index}${type.charAt(0)}${type.slice(1).toLowerCase()}`;
  return type === 'ENUM' ? { name, type, sharing, enumValues: ENUM_VALUES } : { name, type, sharing };
}

/** Every field type at least once, a few more at random, and the scope field; every sharing class by chance. */
const typeArb = (scopeField: string): fc.Arbitrary<TypeSpec> =>
  fc
    .record({
      base: fc.array(sharingArb, { minLength: TYPES.length, maxLength: TYPES.length }),
      extra: fc.array(fc.tuple(fc.constantFrom(...TYPES), sharingArb), { maxLength: 3 }),
      scopeSharing: sharingArb,
    })
    .map(({ base, extra, scopeSharing }) => ({
      scopeField,
      fields: [
        { name: scopeField, type: 'STRING' as const, sharing: scopeSharing },
        ...TYPES.map((t, i) => fieldOf(t, i, base[i]!)),
        ...extra.map(([t, s], i) => fieldOf(t, TYPES.length + i, s)),
      ],
    }));

// Characters from one and two UTF-16 units (𠀀 is outside the BMP), so that masks must count code points.
const CHARS = [...'ab9Z 杭州西湖区文三路号𠀀😀-'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function valueArb(field: FieldSpec): fc.Arbitrary<Value> {
  const present: fc.Arbitrary<Value> = (() => {
    switch (field.type) {
      case 'STRING':
        return fc.array(fc.constantFrom(...CHARS), { maxLength: 9 }).map((cs) => cs.join(''));
      case 'INT':
        return fc.integer({ min: -1000, max: 200_000 });
      case 'DECIMAL':
        return fc.tuple(fc.integer({ min: -99_999, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${pad(f)}`);
      case 'DATE':
        return fc.tuple(fc.integer({ min: 1950, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
      case 'DATETIME':
        return fc
          .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([y, m, d, h, mi]) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:00.000Z`);
      case 'BOOLEAN':
        return fc.boolean();
      case 'ENUM':
        return fc.constantFrom(...(field.enumValues ?? ENUM_VALUES));
    }
  })();
  return fc.oneof({ weight: 9, arbitrary: present }, { weight: 1, arbitrary: fc.constant(null) });
}

function valuesArb(type: TypeSpec): fc.Arbitrary<Values> {
  const entries = type.fields.map((f) => (f.name === type.scopeField ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...DISTRICTS) }, { weight: 1, arbitrary: fc.constant(null) }) : valueArb(f)));
  return fc.tuple(...entries).map((vs) => Object.fromEntries(type.fields.map((f, i) => [f.name, vs[i]!])));
}

/** The strategies that fit a field's type (what approveAccessRequest accepts). */
export function masksFor(type: FieldType): fc.Arbitrary<MaskRule> | null {
  switch (type) {
    case 'STRING':
    case 'DECIMAL':
      return fc.oneof(
        fc.constant({ strategy: 'REDACT' as const }),
        fc.constant({ strategy: 'HASH' as const }),
        fc.record({ strategy: fc.constantFrom('KEEP_FIRST' as const, 'KEEP_LAST' as const), n: fc.integer({ min: 1, max: 6 }) }),
      );
    case 'DATE':
    case 'DATETIME':
      return fc.constant({ strategy: 'DATE_YEAR_ONLY' as const });
    default:
      return null;
  }
}

function decisionArb(field: FieldSpec): fc.Arbitrary<ApprovalDecision> {
  const mask = masksFor(field.type);
  const options: Array<fc.WeightedArbitrary<ApprovalDecision>> = [
    { weight: 3, arbitrary: fc.constant({ effect: 'ALLOW' as const }) },
    { weight: 1, arbitrary: fc.constant({ effect: 'OMIT' as const }) },
  ];
  if (mask) options.push({ weight: 4, arbitrary: mask.map((m) => ({ effect: 'MASK' as const, mask: m })) });
  return fc.oneof(...options);
}

const lifeArb: fc.Arbitrary<GrantLife> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('ACTIVE' as const) },
  { weight: 1, arbitrary: fc.constant('SUSPENDED' as const) },
  { weight: 1, arbitrary: fc.constant('REVOKED' as const) },
  { weight: 1, arbitrary: fc.constant('REINSTATED' as const) },
);

/** Fields a grant can name: holder fields for a certificate type come first; NOT_SHARED ones cannot be requested. */
export function grantableFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((f) => f.sharing !== 'NOT_SHARED');
}

function grantArb(fields: readonly FieldSpec[], scope: { field: string; values: fc.Arbitrary<string[]> }): fc.Arbitrary<GrantSpec> {
  const grantable = grantableFields(fields);
  return fc
    .record({
      consumer: fc.oneof({ weight: 9, arbitrary: fc.constant('SELF' as const) }, { weight: 1, arbitrary: fc.constant('OTHER' as const) }),
      clientId: fc.oneof(
        { weight: 7, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.constant('window-clerk' as const) },
        { weight: 1, arbitrary: fc.constant('service-center-admin' as const) },
      ),
      purposes: fc.uniqueArray(fc.integer({ min: 0, max: PURPOSES - 1 }), { minLength: 1, maxLength: PURPOSES }),
      validity: fc.oneof(
        { weight: 8, arbitrary: fc.constant('CURRENT' as const) },
        { weight: 1, arbitrary: fc.constant('EXPIRED' as const) },
        { weight: 1, arbitrary: fc.constant('NOT_YET_VALID' as const) },
      ),
      picked: fc.array(fc.boolean(), { minLength: grantable.length, maxLength: grantable.length }),
      // A request for CONDITIONAL fields only makes no unscoped UNCONDITIONAL grant beside a scoped one.
      isConditionalOnly: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 2, arbitrary: fc.constant(true) }),
      decisions: fc.tuple(...grantable.map(decisionArb)),
      answer: fc.oneof({ weight: 8, arbitrary: fc.constant('APPROVE' as const) }, { weight: 1, arbitrary: fc.constant('REJECT' as const) }, { weight: 1, arbitrary: fc.constant('PENDING' as const) }),
      isApprovalShortened: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      rowScope: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: scope.values.map((values) => ({ field: scope.field, values })) }),
      unconditionalLife: lifeArb,
      conditionalLife: lifeArb,
    })
    .map((g) => {
      const conditional = grantable.filter((f) => f.sharing === 'CONDITIONAL');
      let chosen = grantable.filter((f, i) => g.picked[i] && (!g.isConditionalOnly || f.sharing === 'CONDITIONAL'));
      if (chosen.length === 0) chosen = [conditional[0] ?? grantable[0]!];
      const decisions = Object.fromEntries(grantable.map((f, i) => [f.name, g.decisions[i]!] as const).filter(([name]) => conditional.some((c) => c.name === name)));
      return {
        consumer: g.consumer,
        clientId: g.clientId,
        purposes: g.purposes,
        validity: g.validity,
        fields: chosen.map((f) => f.name),
        decisions,
        answer: g.answer,
        isApprovalShortened: g.isApprovalShortened && g.validity === 'CURRENT',
        rowScope: g.rowScope,
        unconditionalLife: g.unconditionalLife,
        conditionalLife: g.conditionalLife,
      };
    });
}

function conditionArb(type: TypeSpec, likely: readonly string[], masked: readonly string[]): fc.Arbitrary<ConditionSpec> {
  // Any field, NOT_SHARED ones included: a condition on a field the window cannot read must not decide anything.
  const all = type.fields.map((f) => f.name);
  // Fields given only masked are favoured: a condition on one must not decide anything (NO_GRANT).
  const names: Array<fc.WeightedArbitrary<string>> = [
    { weight: 3, arbitrary: fc.constantFrom(...likely) },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
  ];
  if (masked.length) names.push({ weight: 2, arbitrary: fc.constantFrom(...masked) });
  return fc.oneof(...names).chain((name) => {
    const field = type.fields.find((f) => f.name === name)!;
    const numeric = field.type === 'INT' || field.type === 'DECIMAL';
    const operators: ConditionSpec['operator'][] = numeric ? ['EQUALS', 'NOT_EQUALS', 'IN', 'AT_LEAST', 'AT_MOST'] : ['EQUALS', 'NOT_EQUALS', 'IN'];
    return fc.record({
      field: fc.constant(field.name),
      operator: fc.constantFrom(...operators),
      valueOf: fc.oneof({ weight: 4, arbitrary: fc.record({ subject: fc.integer({ min: 0, max: SUBJECTS - 1 }) }) }, { weight: 1, arbitrary: fc.record({ literal: fc.constantFrom('0', 'ALPHA', 'true', '330102') }) }),
    });
  });
}

/** Materials mostly name fields that some grant for the item's purpose asked for, so that they get past NO_GRANT. */
function recordMaterialArb(type: TypeSpec, { likely, masked }: LikelyFields): fc.Arbitrary<MaterialSpec> {
  const all = type.fields.map((f) => f.name);
  return fc.record({
    source: fc.constant('RECORD' as const),
    fields: fc.oneof({ weight: 4, arbitrary: fc.subarray([...likely], { minLength: 1, maxLength: Math.min(3, likely.length) }) }, { weight: 1, arbitrary: fc.subarray(all, { minLength: 1, maxLength: 3 }) }),
    condition: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: conditionArb(type, likely, masked) }),
    isSatisfiedWhenAbsent: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });
}

const certificateMaterial: MaterialSpec = { source: 'CERTIFICATE', fields: [], condition: null, isSatisfiedWhenAbsent: false };

const itemArb = (type: TypeSpec, likely: LikelyFields): fc.Arbitrary<MaterialSpec[]> =>
  fc.tuple(fc.array(recordMaterialArb(type, likely), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([records, withCertificate]) => (withCertificate ? [...records, certificateMaterial] : records));

interface LikelyFields {
  /** Fields the window is likely given for the purpose (all fields when none). */
  likely: string[];
  /** Fields only ever given masked for the purpose. */
  masked: string[];
}

/** Fields the window's live grants for this purpose give (as far as the spec tells), and those given only masked. */
function likelyFields(type: TypeSpec, grants: readonly GrantSpec[], purpose: number): LikelyFields {
  const isLive = (life: GrantLife) => life === 'ACTIVE' || life === 'REINSTATED';
  const effects = new Map<string, Set<string>>();
  for (const g of grants) {
    if (g.consumer !== 'SELF' || g.clientId === 'service-center-admin' || g.validity !== 'CURRENT' || !g.purposes.includes(purpose)) continue;
    for (const name of g.fields) {
      const field = type.fields.find((f) => f.name === name)!;
      const effect = field.sharing === 'UNCONDITIONAL' ? (isLive(g.unconditionalLife) ? 'ALLOW' : null) : g.answer === 'APPROVE' && !g.isApprovalShortened && isLive(g.conditionalLife) ? g.decisions[name]?.effect : null;
      if (effect && effect !== 'OMIT') effects.set(name, (effects.get(name) ?? new Set()).add(effect));
    }
  }
  const all = type.fields.map((f) => f.name);
  const likely = all.filter((f) => effects.has(f));
  return { likely: likely.length ? likely : all, masked: all.filter((f) => effects.get(f)?.has('MASK') && !effects.get(f)?.has('ALLOW')) };
}

/** The holder fields every certificate type has, then the face. */
export function certificatePlanFields(face: TypeSpec): FieldSpec[] {
  return [{ name: HOLDER_NAME, type: 'STRING', sharing: 'CONDITIONAL' }, { name: HOLDER_ID_NUMBER, type: 'STRING', sharing: 'CONDITIONAL' }, ...face.fields];
}

const districtsArb = fc.subarray(DISTRICTS, { minLength: 1, maxLength: 2 });

/**
 * Purposes read under row-scoped grants only (the second plain purpose and the second service item): for them every
 * grant is a scoped one for CONDITIONAL fields, so that records out of scope are met (beside them an unscoped grant
 * would make every record visible). The other purposes mix scoped and unscoped grants.
 */
export const SCOPED_PURPOSES = [1, PLAIN_PURPOSES + 1];

function withoutScopedPurposes(g: GrantSpec): GrantSpec {
  const purposes = g.purposes.filter((p) => !SCOPED_PURPOSES.includes(p));
  return { ...g, purposes: purposes.length ? purposes : [0] };
}

function scopedGrantArb(type: TypeSpec): fc.Arbitrary<GrantSpec> {
  const conditional = type.fields.filter((f) => f.sharing === 'CONDITIONAL').map((f) => f.name);
  return fc
    .tuple(grantArb(type.fields, { field: type.scopeField, values: districtsArb }), districtsArb, fc.subarray(SCOPED_PURPOSES, { minLength: 1 }))
    .map(([g, values, purposes]) => {
      const fields = g.fields.filter((f) => conditional.includes(f));
      return { ...g, fields: fields.length ? fields : conditional.slice(0, 1), purposes, rowScope: { field: type.scopeField, values }, answer: 'APPROVE' as const, isApprovalShortened: false };
    });
}

export const worldArb: fc.Arbitrary<WorldSpec> = fc.tuple(typeArb('districtCode'), typeArb('district'), fc.integer({ min: 1, max: 900_000 })).chain(([record, certificate, subjectSeed]) => {
  const holderFields = certificatePlanFields(certificate);
  return fc.record({
    subjectSeed: fc.constant(subjectSeed),
    record: fc.constant(record),
    certificate: fc.constant(certificate),
    records: fc.array(fc.oneof({ weight: 7, arbitrary: valuesArb(record) }, { weight: 3, arbitrary: fc.constant(null) }), { minLength: SUBJECTS, maxLength: SUBJECTS }),
    certificates: fc.array(fc.oneof({ weight: 6, arbitrary: valuesArb(certificate) }, { weight: 4, arbitrary: fc.constant(null) }), { minLength: SUBJECTS, maxLength: SUBJECTS }),
    grants: fc
      .tuple(
        fc.array(grantArb(record.fields, { field: record.scopeField, values: districtsArb }), { minLength: 3, maxLength: 8 }),
        fc.array(scopedGrantArb(record), { minLength: 1, maxLength: 3 }),
        // In every world, grants that must not count: ended, not yet valid, paused or revoked, for another department.
        fc.tuple(
          ...[{ validity: 'EXPIRED' as const }, { validity: 'NOT_YET_VALID' as const }, { consumer: 'OTHER' as const }, { unconditionalLife: 'SUSPENDED' as const, conditionalLife: 'REVOKED' as const }].map((change) =>
            grantArb(record.fields, { field: record.scopeField, values: districtsArb }).map((g) => ({ ...g, ...change, isApprovalShortened: false })),
          ),
        ),
      )
      .map(([grants, scoped, ignored]) => [...[...grants, ...ignored].map(withoutScopedPurposes), ...scoped.filter((g) => g.fields.length > 0)]),
    denials: fc.array(fc.record({ field: fc.nat({ max: 20 }), purposes: fc.uniqueArray(fc.integer({ min: 0, max: PURPOSES - 1 }), { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 1 }),
    // A certificate grant is scoped by the face's district, or (a holder field) by the holders' id numbers: indices here.
    certificateGrants: fc.array(
      grantArb(holderFields, { field: certificate.scopeField, values: districtsArb }).chain((g) =>
        g.rowScope === null
          ? fc.constant(g)
          : fc.oneof(fc.constant(g), fc.uniqueArray(fc.integer({ min: 0, max: SUBJECTS - 1 }), { minLength: 1, maxLength: 4 }).map((ix) => ({ ...g, rowScope: { field: HOLDER_ID_NUMBER, values: ix.map(String) } }))),
      ),
      { minLength: 3, maxLength: 7 },
    ),
  }).chain((w) =>
    fc.tuple(...Array.from({ length: ITEMS }, (_, i) => itemArb(record, likelyFields(record, w.grants, PLAIN_PURPOSES + i)))).map((items) => ({ ...w, items })),
  );
});

// ---- operations ----

export type Reader = 'window-clerk' | 'service-center-admin' | 'civil-affairs-admin' | 'PROVIDER';

export interface Selection {
  /** Field names, possibly repeated (each under its own alias). */
  fields: string[];
  style: 'PLAIN' | 'ALIASES' | 'FRAGMENT' | 'INLINE';
}

export type Operation =
  | { kind: 'RECORD'; reader: Reader; purpose: number; roots: Array<{ subject: number; selection: Selection }> }
  | { kind: 'RECORDS'; reader: Reader; purpose: number; subjects: number[]; selection: Selection }
  /** `verifyCertificate(identifier:)`, `verifyCertificates`, or `verifyCertificate(credential:)` with the holder's Verifiable Credential. */
  | { kind: 'VERIFY'; reader: Reader; purpose: number; certificates: Array<{ subject: number } | { missing: number }>; isBatch: boolean; isByCredential: boolean; selection: Selection; holder: Array<'name' | 'idNumber'> }
  | { kind: 'PREPARE'; item: number; applicant: number }
  /** `certificate { … signedDocument }`: for the issuer and the holder only. */
  | { kind: 'CERTIFICATE'; reader: 'HOLDER' | 'OTHER_HOLDER' | 'window-clerk'; subject: number; selection: Selection; isSignedDocumentSelected: boolean; isCredentialSelected: boolean };

const readerArb: fc.Arbitrary<Reader> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('window-clerk' as const) },
  { weight: 3, arbitrary: fc.constant('service-center-admin' as const) },
  { weight: 1, arbitrary: fc.constant('civil-affairs-admin' as const) },
  { weight: 1, arbitrary: fc.constant('PROVIDER' as const) },
);

function selectionArb(fields: readonly string[]): fc.Arbitrary<Selection> {
  return fc.record({
    fields: fc.array(fc.constantFrom(...fields), { minLength: 1, maxLength: Math.min(8, fields.length + 2) }),
    style: fc.constantFrom('PLAIN' as const, 'ALIASES' as const, 'FRAGMENT' as const, 'INLINE' as const),
  });
}

/** Subjects: the world's ten (with a record or not, in or out of scope) and, past them, ones that were never published. */
const subjectArb = fc.integer({ min: 0, max: SUBJECTS + 1 });
const purposeArb = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: PURPOSES - 1 }) }, { weight: 1, arbitrary: fc.constant(PURPOSES) });

export function operationArb(world: WorldSpec): fc.Arbitrary<Operation> {
  const recordFields = world.record.fields.map((f) => f.name);
  const faceFields = world.certificate.fields.map((f) => f.name);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('RECORD' as const),
        reader: readerArb,
        purpose: purposeArb,
        roots: fc.array(fc.record({ subject: subjectArb, selection: selectionArb(recordFields) }), { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('RECORDS' as const), reader: readerArb, purpose: purposeArb, subjects: fc.array(subjectArb, { minLength: 1, maxLength: 6 }), selection: selectionArb(recordFields) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('VERIFY' as const),
        reader: readerArb,
        purpose: purposeArb,
        certificates: fc.array(fc.oneof({ weight: 5, arbitrary: fc.record({ subject: fc.integer({ min: 0, max: SUBJECTS - 1 }) }) }, { weight: 1, arbitrary: fc.record({ missing: fc.integer({ min: 1, max: 1000 }) }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        isBatch: fc.boolean(),
        isByCredential: fc.boolean(),
        selection: selectionArb(faceFields),
        holder: fc.subarray(['name' as const, 'idNumber' as const]),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('CERTIFICATE' as const),
        reader: fc.constantFrom('HOLDER' as const, 'OTHER_HOLDER' as const, 'window-clerk' as const),
        subject: fc.integer({ min: 0, max: SUBJECTS - 1 }),
        selection: selectionArb(faceFields),
        isSignedDocumentSelected: fc.boolean(),
        isCredentialSelected: fc.boolean(),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('PREPARE' as const), item: fc.integer({ min: 0, max: ITEMS - 1 }), applicant: subjectArb }) },
  );
}
