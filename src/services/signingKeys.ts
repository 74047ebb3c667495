// Rotating a department's certificate signing key: new certificates are signed with the new key; the old one stays
// published, so certificates signed with it still verify. By the department's data administrator, or the CLI.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities/Client.js';
import { recordChange } from '../audit/changes.js';
import { ForbiddenError } from '../errors.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { RequestContext } from '../server/context.js';

export interface KeyRotation {
  departmentCode: string;
  kid: string;
  retiredKids: string[];
}

/** Rotates the key; `record` writes the rotation's audit event in the rotation's transaction. */
export async function rotateDepartmentKey(keys: KeyStore, departmentCode: string, now: Date, record: (em: EntityManager, rotation: KeyRotation) => Promise<void>): Promise<KeyRotation> {
  let rotation: KeyRotation | null = null;
  await keys.rotate(departmentCode, now, async (em, { kid, retired }) => {
    rotation = { departmentCode, kid, retiredKids: retired };
    await record(em, rotation);
  });
  return rotation!;
}

/** `rotateSigningKey`: the caller's own department's key. */
export async function rotateSigningKey(ctx: RequestContext): Promise<KeyRotation> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError("Only a department's data administrator rotates its signing key.");
  return rotateDepartmentKey(ctx.hub.keys, p.department.code, ctx.now, (em, rotation) =>
    recordChange(ctx, em, { action: 'keys.rotate', details: { owner: rotation.departmentCode, kid: rotation.kid, retired: rotation.retiredKids } }),
  );
}
