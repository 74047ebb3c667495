// The audit event's canonical JSON written field by field is exactly canonicalize's form of the whole event: the chain's
// links (and `sharehub audit verify`) depend on every byte of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEvent, canonicalEventSlowly } from '../../src/audit/chain.js';
import type { AuditEventInput } from '../../src/audit/event.js';
import { AuditOutcome, PrincipalKind } from '../../entities/AuditEvent.js';

/** Any text, lone surrogates and characters JSON escapes included. */
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"\\\n\u2028', '\ud800', 'a\udfffb', '户籍.姓名'));
const nullableText = fc.option(text, { nil: null });
const texts = fc.array(text, { maxLength: 5 });
const details = fc.option(fc.dictionary(text, fc.jsonValue()), { nil: null });

const event: fc.Arbitrary<AuditEventInput> = fc.record({
  occurredAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
  requestId: text,
  principalKind: fc.constantFrom(...Object.values(PrincipalKind)),
  clientId: nullableText,
  departmentCode: nullableText,
  holderHash: nullableText,
  purpose: nullableText,
  caseNumber: nullableText,
  action: text,
  operationName: nullableText,
  operationHash: nullableText,
  outcome: fc.constantFrom(...Object.values(AuditOutcome)),
  errorCodes: texts,
  resourceTypes: texts,
  subjectHashes: texts,
  fieldsReturned: texts,
  fieldsMasked: texts,
  fieldsDenied: texts,
  details,
});

/** canonicalize's answer: its string, or the error it throws (a lone surrogate). */
function outcome(f: () => string): { text: string } | { error: string } {
  try {
    return { text: f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('canonicalEvent', () => {
  it('is canonicalize\'s form of the whole event, byte for byte, or its refusal', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(outcome(() => canonicalEvent(e))).toEqual(outcome(() => canonicalEventSlowly(e)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('a field missing from the event is left out as canonicalize leaves it out', () => {
    fc.assert(
      fc.property(event, fc.constantFrom('caseNumber', 'details', 'holderHash', 'errorCodes'), (e, key) => {
        const without = { ...e, [key]: undefined } as unknown as AuditEventInput;
        expect(outcome(() => canonicalEvent(without))).toEqual(outcome(() => canonicalEventSlowly(without)));
      }),
      { numRuns: 500 },
    );
  });
});
