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

export class KeyStore {
  /** owner → its active key, decrypted once. Invalidated by `forget` (rotation) on this instance. */
  private active = new Map<string, Promise<ActiveKey>>();

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

  private async loadActive(owner: string): Promise<ActiveKey> {
    const row = await this.em.fork().transactional(async (em) => {
      await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`signing_key:${owner}`]);
      const current = await em.findOne(SigningKey, { owner, retiredAt: null }, { orderBy: { createdAt: 'desc' } });
      return current ?? this.create(em, owner, new Date());
    });
    const jwk = await this.decrypt(row.privateJwe);
    return { kid: row.kid, alg: row.alg, privateKey: (await importJWK(jwk, row.alg)) as CryptoKey };
  }

  /** Makes a new active key for `owner`; the old one is retired but stays published. */
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
