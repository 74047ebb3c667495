// The departments' Bitstring Status Lists in PostgreSQL: a random free place per certificate and purpose at issuance,
// the bits set in the transaction of each status change (revocation: REVOKED or CANCELLED; suspension: SUSPENDED),
// places for certificates that predate the lists (backfill at start), and the lists as signed, cacheable documents.
import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '../../entities/Certificate.js';
import { StatusPurpose } from '../../entities/StatusList.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import { emptyBitstring, encodeBitstring, STATUS_LIST_LENGTH, withBit } from '../vc/bitstring.js';
import { signCredential, statusListCredentialOf, type StatusEntry } from '../vc/credential.js';
import type { CredentialUrls, StatusListAddress } from '../vc/urls.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';

/** Always in this order, in every transaction that touches both, so that two of them never wait on each other. */
export const PURPOSES = [StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION] as const;

/** Whether a certificate of `status` has its bit set in the list of `purpose`. */
export function isBitSetFor(purpose: StatusPurpose, status: CertificateStatus): boolean {
  return purpose === StatusPurpose.REVOCATION ? status === CertificateStatus.REVOKED || status === CertificateStatus.CANCELLED : status === CertificateStatus.SUSPENDED;
}

/** The bit of list index `i` as PostgreSQL's get_bit/set_bit number it (see postgresBitOf). */
const PG_BIT = '((e.list_index / 8) * 8 + 7 - e.list_index % 8)';

interface ListRow {
  id: string;
  number: number;
  length: number;
  allocated: number;
}

/** The issuer's open list for `purpose` (locked for this transaction), a new one when there is none or it is full. */
async function openList(em: EntityManager, issuerCode: string, purpose: StatusPurpose, now: Date): Promise<ListRow> {
  await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`status_list:${issuerCode}:${purpose}`]);
  const [last] = await em.execute<ListRow[]>('SELECT id, number, length, allocated FROM status_list WHERE issuer_code = ? AND purpose = ? ORDER BY number DESC LIMIT 1', [issuerCode, purpose]);
  if (last && last.allocated < last.length) return last;
  const [created] = await em.execute<ListRow[]>(
    'INSERT INTO status_list (issuer_code, purpose, number, length, bits, allocated, version, changed_at) VALUES (?, ?, ?, ?, ?, 0, 1, ?) RETURNING id, number, length, allocated',
    [issuerCode, purpose, (last?.number ?? 0) + 1, STATUS_LIST_LENGTH, Buffer.from(emptyBitstring(STATUS_LIST_LENGTH)), now],
  );
  return created!;
}

/** A random free place in `list` for the certificate (random tries, then a random one of those left). */
async function takePlace(em: EntityManager, list: ListRow, purpose: StatusPurpose, identifier: string): Promise<void> {
  const insert = 'INSERT INTO status_list_entry (list_id, list_index, identifier, purpose) VALUES (?, ?, ?, ?) ON CONFLICT (list_id, list_index) DO NOTHING RETURNING list_index';
  for (let i = 0; i < 16; i += 1) {
    if ((await em.execute<unknown[]>(insert, [list.id, randomInt(list.length), identifier, purpose])).length) return;
  }
  await em.execute(
    `INSERT INTO status_list_entry (list_id, list_index, identifier, purpose)
     SELECT ?, i, ?, ? FROM generate_series(0, ? - 1) i WHERE NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.list_id = ? AND e.list_index = i) ORDER BY random() LIMIT 1`,
    [list.id, identifier, purpose, list.length, list.id],
  );
}

/** Places for a new certificate in its issuer's lists, in the issuing transaction of `em`. */
export async function allocateStatusEntries(em: EntityManager, issuerCode: string, identifier: string, now: Date): Promise<void> {
  for (const purpose of PURPOSES) {
    const list = await openList(em, issuerCode, purpose, now);
    await takePlace(em, list, purpose, identifier);
    await em.execute('UPDATE status_list SET allocated = allocated + 1 WHERE id = ?', [list.id]);
  }
}

/**
 * Sets the certificate's bits to what `status` says, in the status change's transaction of `em`: a list's version
 * (and so its ETag) moves only when a bit changes.
 */
export async function applyStatusBits(em: EntityManager, identifier: string, status: CertificateStatus, now: Date): Promise<void> {
  for (const purpose of PURPOSES) {
    const bit = isBitSetFor(purpose, status) ? 1 : 0;
    await em.execute(
      `UPDATE status_list l SET bits = set_bit(l.bits, ${PG_BIT}, ?), version = l.version + 1, changed_at = ?
       FROM status_list_entry e WHERE e.identifier = ? AND e.purpose = ? AND e.list_id = l.id AND get_bit(l.bits, ${PG_BIT}) <> ?`,
      [bit, now, identifier, purpose, bit],
    );
  }
}

/** The certificates' places, by identifier (both purposes, in PURPOSES order). */
export async function statusEntriesOf(em: EntityManager, identifiers: readonly string[], urls: CredentialUrls): Promise<Map<string, StatusEntry[]>> {
  const rows = await em.execute<Array<{ identifier: string; purpose: StatusPurpose; list_index: number; issuer_code: string; number: number }>>(
    `SELECT e.identifier, e.purpose, e.list_index, l.issuer_code, l.number FROM status_list_entry e JOIN status_list l ON l.id = e.list_id WHERE e.identifier = ANY(${TEXT_ARRAY}) ORDER BY e.purpose`,
    [textArray(identifiers)],
  );
  const out = new Map<string, StatusEntry[]>();
  for (const r of rows) {
    const list = out.get(r.identifier) ?? [];
    list.push({ purpose: r.purpose, index: r.list_index, listUrl: urls.statusList({ issuerCode: r.issuer_code, purpose: r.purpose, number: r.number }) });
    out.set(r.identifier, list);
  }
  for (const list of out.values()) list.sort((a, b) => PURPOSES.indexOf(a.purpose as (typeof PURPOSES)[number]) - PURPOSES.indexOf(b.purpose as (typeof PURPOSES)[number]));
  return out;
}

/** `count` distinct random members of the free places 0..length-1 not in `used`. */
function randomFreePlaces(length: number, used: ReadonlySet<number>, count: number): number[] {
  const free = length - used.size;
  if (count > free) throw new RangeError(`${count} places asked of a list with ${free} free`);
  if (count * 2 <= free) {
    const picked = new Set<number>();
    while (picked.size < count) {
      const i = randomInt(length);
      if (!used.has(i)) picked.add(i);
    }
    return [...picked];
  }
  const pool: number[] = [];
  for (let i = 0; i < length; i += 1) if (!used.has(i)) pool.push(i);
  for (let i = 0; i < count; i += 1) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/**
 * Gives every certificate without its places (issued before the lists existed, or bulk-seeded) a random free place in
 * its issuer's lists, with the bits its status asks for. Idempotent; one transaction per issuer and purpose.
 */
export async function backfillStatusEntries(em: EntityManager, now: Date, logger: Logger): Promise<number> {
  // The usual case at start, cheaply: every certificate has its two places (places are never removed).
  const [counts] = await em.execute<Array<{ certificates: string; entries: string }>>(
    'SELECT (SELECT count(*) FROM certificate) AS certificates, (SELECT count(*) FROM status_list_entry) AS entries',
  );
  if (counts && Number(counts.entries) >= Number(counts.certificates) * PURPOSES.length) return 0;
  const issuers = await em.execute<Array<{ issuer_code: string }>>(
    `SELECT DISTINCT c.issuer_code FROM certificate c WHERE EXISTS (SELECT 1 FROM unnest(${TEXT_ARRAY}) p WHERE NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.identifier = c.identifier AND e.purpose = p))`,
    [textArray(PURPOSES)],
  );
  let total = 0;
  for (const { issuer_code: issuerCode } of issuers) {
    for (const purpose of PURPOSES) {
      total += await em.fork().transactional(async (tx) => {
        await tx.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`status_list:${issuerCode}:${purpose}`]);
        const missing = await tx.execute<Array<{ identifier: string; status: CertificateStatus }>>(
          `SELECT identifier, status FROM certificate c WHERE issuer_code = ? AND NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.identifier = c.identifier AND e.purpose = ?) ORDER BY random() FOR UPDATE`,
          [issuerCode, purpose],
        );
        let done = 0;
        while (done < missing.length) {
          const list = await openList(tx, issuerCode, purpose, now);
          const [stored] = await tx.execute<Array<{ bits: Buffer }>>('SELECT bits FROM status_list WHERE id = ?', [list.id]);
          const used = new Set((await tx.execute<Array<{ list_index: number }>>('SELECT list_index FROM status_list_entry WHERE list_id = ?', [list.id])).map((r) => r.list_index));
          const batch = missing.slice(done, done + (list.length - used.size));
          const places = randomFreePlaces(list.length, used, batch.length);
          let bits: Uint8Array = new Uint8Array(stored!.bits);
          batch.forEach((c, i) => {
            if (isBitSetFor(purpose, c.status)) bits = withBit(bits, places[i]!, true);
          });
          await tx.execute(
            `INSERT INTO status_list_entry (list_id, list_index, identifier, purpose)
             SELECT ?, i::int, c, ? FROM unnest(${TEXT_ARRAY}, ${TEXT_ARRAY}) AS x(i, c)`,
            [list.id, purpose, textArray(places.map(String)), textArray(batch.map((c) => c.identifier))],
          );
          await tx.execute('UPDATE status_list SET bits = ?, allocated = allocated + ?, version = version + 1, changed_at = ? WHERE id = ?', [Buffer.from(bits), batch.length, now, list.id]);
          done += batch.length;
        }
        return missing.length;
      });
    }
  }
  if (total) logger.info({ entries: total }, 'status list places given to certificates that had none');
  return total;
}

// ---- the lists as documents ----

export interface StatusListDocument {
  /** The BitstringStatusListCredential as vc+jwt. */
  jws: string;
  etag: string;
  validUntil: Date;
}

/** A signed list is re-signed when its bits change, or after this long (its validUntil is a day). */
const RESIGN_AFTER_MS = 3600_000;
const MAX_CACHED = 1_000;

/**
 * Serves the status lists, signed with the issuer's active key. A signed document is kept per list and reused while
 * the list's version is the same and it is under an hour old, so that verifiers' ETags hold.
 */
export class StatusListPublisher {
  private signed = new Map<string, StatusListDocument & { listId: string; version: number; signedAt: number }>();

  constructor(
    private readonly em: EntityManager,
    private readonly keys: KeyStore,
    private readonly urls: CredentialUrls,
  ) {}

  /** The list's document, or null when there is no such list. */
  async document(a: StatusListAddress, now: Date): Promise<StatusListDocument | null> {
    const em = this.em.fork();
    const [row] = await em.execute<Array<{ id: string; version: number }>>('SELECT id, version FROM status_list WHERE issuer_code = ? AND purpose = ? AND number = ?', [a.issuerCode, a.purpose, a.number]);
    if (!row) return null;
    const url = this.urls.statusList(a);
    const cached = this.signed.get(url);
    if (cached && cached.listId === row.id && cached.version === row.version && now.getTime() - cached.signedAt < RESIGN_AFTER_MS) return cached;
    const [list] = await em.execute<Array<{ id: string; version: number; bits: Buffer }>>('SELECT id, version, bits FROM status_list WHERE id = ?', [row.id]);
    const credential = statusListCredentialOf(url, this.urls.issuer(a.issuerCode), a.purpose, encodeBitstring(new Uint8Array(list!.bits)), now);
    const jws = await signCredential(credential, await this.keys.activeKey(a.issuerCode));
    const doc = { jws, etag: `"${list!.id}.${list!.version}.${now.getTime().toString(36)}"`, validUntil: new Date(credential.validUntil), listId: list!.id, version: list!.version, signedAt: now.getTime() };
    if (this.signed.size >= MAX_CACHED) this.signed.clear();
    this.signed.set(url, doc);
    return doc;
  }
}
