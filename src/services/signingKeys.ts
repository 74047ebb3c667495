// Rotating a department's certificate signing key: new certificates are signed with the new key; the old one stays
// published, so certificates signed with it still verify. By the department's data administrator, or the CLI.
import { Role } from '../../entities/Client.js';
import { ForbiddenError } from '../errors.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { RequestContext } from '../server/context.js';

export interface KeyRotation {
  departmentCode: string;
  kid: string;
  retiredKids: string[];
}

export async function rotateDepartmentKey(keys: KeyStore, departmentCode: string, now: Date): Promise<KeyRotation> {
  const { kid, retired } = await keys.rotate(departmentCode, now);
  return { departmentCode, kid, retiredKids: retired };
}

/** `rotateSigningKey`: the caller's own department's key. */
export async function rotateSigningKey(ctx: RequestContext): Promise<KeyRotation> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError("Only a department's data administrator rotates its signing key.");
  const rotation = await rotateDepartmentKey(ctx.hub.keys, p.department.code, ctx.now);
  ctx.audit.noteChange({ action: 'keys.rotate', details: { owner: rotation.departmentCode, kid: rotation.kid, retired: rotation.retiredKids } });
  return rotation;
}
