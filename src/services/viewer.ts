// The caller's identity: the client and department the token was resolved to in this request.
import type { Role } from '../../entities/Client.js';
import type { RequestContext } from '../server/context.js';

export interface ViewerData {
  client: { id: string; name: string } | null;
  department: { code: string; shortCode: string; name: string; nameEn: string } | null;
  roles: Role[];
}

export function describeViewer(ctx: RequestContext): ViewerData {
  const { principal } = ctx;
  if (principal.kind === 'HOLDER') return { client: null, department: null, roles: [] };
  return { client: { id: principal.clientId, name: principal.clientName }, department: principal.department, roles: principal.roles };
}
