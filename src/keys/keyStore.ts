// Signing keys of the hub and of departments: generated on first use, private parts encrypted at rest under
// the master key (JWE, dir + A256GCM), rotated on request; every key ever used stays in the published JWKS.
import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  compactDecrypt,
  CompactEncrypt,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SigningKey } from '../../entities/SigningKey.js';

export const SIGNING_ALG = 'ES256';

export interface ActiveKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
}

/** The 32-byte master key from its base64url text; anything else is refused. */
export function parseMasterKey(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== 32) throw new Error('the master key must be 32 bytes, base64url-encoded');
  return new Uint8Array(bytes);
}

/** What of a signing key's row signs (once its private part is decrypted). */
export interface SigningKeyRow {
  kid: string;
  alg: string;
  privateJwe: string;
}

export class KeyStore {
  /** owner → its active key, decrypted once. Invalidated by `forget` (rotation) on this instance. */
  private active = new Map<string, Promise<ActiveKey>>();
  /** owner → its active key once decrypted (what `active` resolved to, or what a caller's row gave). */
  private ready = new Map<string, ActiveKey>();
  /** owner → how often its key was forgotten: a key decrypted before a rotation is not kept after it. */
  private forgotten = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly masterKey: Uint8Array,
  ) {}

  private async encrypt(jwk: JWK): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(jwk))).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'jwk+json' }).encrypt(this.masterKey);
  }

  private async decrypt(jwe: string): Promise<JWK> {
    const { plaintext } = await compactDecrypt(jwe, this.masterKey);
    return JSON.parse(new TextDecoder().decode(plaintext)) as JWK;
  }

  private async create(em: EntityManager, owner: string, now: Date): Promise<SigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const row = em.create(SigningKey, {
      kid,
      owner,
      alg: SIGNING_ALG,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' },
      privateJwe: await this.encrypt({ ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG }),
      createdAt: now,
      retiredAt: null,
    });
    await em.flush();
    return row;
  }

  /** The key `owner` signs with now; made on first use. Concurrent first uses on many instances agree. */
  activeKey(owner: string): Promise<ActiveKey> {
    let key = this.active.get(owner);
    if (!key) {
      key = this.loadActive(owner);
      this.active.set(owner, key);
      key.catch(() => this.active.delete(owner));
    }
    return key;
  }

  /**
   * The active key of `owner` for a caller in a transaction, read on that transaction's connection: the key decrypted
   * before when it is still the active row's, else the row's, decrypted now and kept. A caller holding a pooled
   * connection in a transaction must never wait for a second one: under a burst every connection may be held by such
   * a caller (certificate issues after the hub's start or a rotation did, and ran the pool dry).
   */
  async activeKeyIn(em: EntityManager, owner: string): Promise<ActiveKey> {
    const row = await this.activeRowIn(em, owner);
    // An owner without a key yet gets its first one in the caller's transaction (kept once a later read finds it
    // committed).
    if (!row) return this.keyOf(await this.activeRowOrNew(em, owner));
    const ready = this.ready.get(owner);
    if (ready?.kid === row.kid) return ready;
    const round = this.roundOf(owner);
    const key = await this.keyOf(row);
    this.keep(owner, round, key);
    return key;
  }

  private async loadActive(owner: string): Promise<ActiveKey> {
    const round = this.roundOf(owner);
    const key = await this.keyOf(await this.em.fork().transactional((em) => this.activeRowOrNew(em, owner)));
    this.keep(owner, round, key);
    return key;
  }

  private async activeRowIn(em: EntityManager, owner: string): Promise<SigningKeyRow | undefined> {
    const [row] = await em.execute<Array<{ kid: string; alg: string; private_jwe: string }>>(
      'SELECT kid, alg, private_jwe FROM signing_key WHERE owner = ? AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [owner],
    );
    return row && { kid: row.kid, alg: row.alg, privateJwe: row.private_jwe };
  }

  /**
   * Under the owner's lock in `em`'s transaction: its active key's row, or its first key, made now. Concurrent first
   * uses agree.
   */
  private async activeRowOrNew(em: EntityManager, owner: string): Promise<SigningKeyRow> {
    await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`signing_key:${owner}`]);
    return (await this.activeRowIn(em, owner)) ?? this.create(em, owner, new Date());
  }

  /** How often `owner`'s key was forgotten so far. */
  private roundOf(owner: string): number {
    return this.forgotten.get(owner) ?? 0;
  }

  /** Keeps `key` as the one `owner` signs with, unless the key was forgotten (a rotation) since `round`. */
  private keep(owner: string, round: number, key: ActiveKey): void {
    if (this.roundOf(owner) !== round) return;
    this.ready.set(owner, key);
    this.active.set(owner, Promise.resolve(key));
  }

  private async keyOf(row: SigningKeyRow): Promise<ActiveKey> {
    const jwk = await this.decrypt(row.privateJwe);
    return { kid: row.kid, alg: row.alg, privateKey: (await importJWK(jwk, row.alg)) as CryptoKey };
  }

  /** Rotates `owner`'s key; `within` runs in the rotation's transaction (its audit event commits with it). */
  async rotate(owner: string, now: Date, within?: (em: EntityManager, rotation: { kid: string; retired: string[] }) => Promise<void>): Promise<{ kid: string; retired: string[] }> {
    const result = await this.em.fork().transactional(async (em) => {
      await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`signing_key:${owner}`]);
      const current = await em.find(SigningKey, { owner, retiredAt: null });
      for (const k of current) k.retiredAt = now;
      const next = await this.create(em, owner, new Date(now.getTime() + 1));
      const rotation = { kid: next.kid, retired: current.map((k) => k.kid) };
      await em.flush();
      await within?.(em, rotation);
      return rotation;
    });
    this.forget(owner);
    return result;
  }

  /** Drops the cached active key of `owner` (after a rotation anywhere). */
  forget(owner: string): void {
    this.active.delete(owner);
    this.ready.delete(owner);
    this.forgotten.set(owner, this.roundOf(owner) + 1);
  }

  /** Every public key, active and retired, for /.well-known/jwks.json. */
  async publicJwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
    const rows = await this.em.fork().find(SigningKey, {}, { orderBy: { createdAt: 'asc' } });
    return { keys: rows.map((r) => r.publicJwk) };
  }

  /** Public keys of one owner (for verifying its signatures). */
  async publicKeysOf(owner: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.em.fork().find(SigningKey, { owner }, { orderBy: { createdAt: 'asc' } });
    return rows.map((r) => r.publicJwk);
  }
}

/** A random id for things signed with these keys (jti of receipts and presentations). */
export const newJti = (): string => randomUUID();
