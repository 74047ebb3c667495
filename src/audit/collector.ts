// The per-request audit collector: services note what they read or changed; the audit plugin writes it.
import type { AuditEventInput } from './event.js';

/** What one operation read: merged into the operation's audit event. */
export interface ReadNote {
  resourceType: string;
  subjectHashes: string[];
  fieldsReturned?: string[];
  fieldsMasked?: string[];
  fieldsDenied?: string[];
  details?: Record<string, unknown>;
}

export class AuditCollector {
  readonly resourceTypes = new Set<string>();
  readonly subjectHashes = new Set<string>();
  /** The subjects of each type read, so that each provider can be shown its own part of the event. */
  readonly subjectHashesByType = new Map<string, Set<string>>();
  readonly fieldsReturned = new Set<string>();
  readonly fieldsMasked = new Set<string>();
  readonly fieldsDenied = new Set<string>();
  readonly details: Record<string, unknown> = {};
  /** Separate events written with the operation's own (what a request did without changing state, e.g. a presentation); changes go through recordChange. */
  readonly changes: Array<Pick<AuditEventInput, 'action'> & Partial<AuditEventInput>> = [];
  /** The operation's name (identifiers redacted) and hash, once resolved: change events carry them too. */
  operationName: string | null = null;
  operationHash: string | null = null;
  /** Whether a change of this request put events into the outbox (linked into the chain before the response). */
  hasOutboxEvents = false;
  /** Set once the operation's events were written; a response Apollo refused before its plugins ran is not. */
  isWritten = false;

  noteRead(note: ReadNote): void {
    this.resourceTypes.add(note.resourceType);
    const ofType = this.subjectHashesByType.get(note.resourceType) ?? new Set<string>();
    this.subjectHashesByType.set(note.resourceType, ofType);
    for (const h of note.subjectHashes) {
      this.subjectHashes.add(h);
      ofType.add(h);
    }
    for (const f of note.fieldsReturned ?? []) this.fieldsReturned.add(f);
    for (const f of note.fieldsMasked ?? []) this.fieldsMasked.add(f);
    for (const f of note.fieldsDenied ?? []) this.fieldsDenied.add(f);
    if (note.details) Object.assign(this.details, note.details);
  }

  /**
   * One catalog field as it left in a response (noted where it is resolved, so only what a selection really
   * returned counts): in the clear, masked, or withheld (FIELD_FORBIDDEN). `qualified` is `type.field`, which a
   * resolver called once per record can make once.
   */
  noteField(typeCode: string, field: string, outcome: 'RETURNED' | 'MASKED' | 'DENIED', qualified = `${typeCode}.${field}`): void {
    this.resourceTypes.add(typeCode);
    (outcome === 'RETURNED' ? this.fieldsReturned : outcome === 'MASKED' ? this.fieldsMasked : this.fieldsDenied).add(qualified);
  }

  noteChange(change: Pick<AuditEventInput, 'action'> & Partial<AuditEventInput>): void {
    this.changes.push(change);
  }
}
