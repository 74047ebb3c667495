// Demo mode only: the console's sign-in endpoints, listing the demo clients and holders and signing a token for one.
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Client } from '../../entities/Client.js';
import type { DevIssuer } from '../auth/devIssuer.js';
import { isValidCreditCode, isValidResidentId, normalizeSubjectId } from '../certs/identifiers.js';
import { generateOrganizations, generatePersons } from '../demo/subjects.js';

export const DEMO_IDENTITIES_PATH = '/demo/identities';
export const DEMO_TOKEN_PATH = '/demo/token';
/** Long enough for a session at the window; the console returns to sign-in when it ends. */
const TOKEN_TTL_SECONDS = 3600;

export interface DemoHolder {
  id: string;
  name: string;
  kind: 'PERSON' | 'ORGANIZATION';
}

export interface DemoIdentities {
  clients: Array<{ id: string; name: string; departmentCode: string; departmentName: string; departmentNameEn: string; roles: string[] }>;
  holders: DemoHolder[];
}

/** The first demo persons (唐翔 holds several certificates) and the first organization, as the seed makes them. */
function demoHolders(): DemoHolder[] {
  return [
    ...generatePersons(3).map((p) => ({ id: p.idNumber, name: p.name, kind: 'PERSON' as const })),
    ...generateOrganizations(1).map((o) => ({ id: o.creditCode, name: o.name, kind: 'ORGANIZATION' as const })),
  ];
}

const TokenRequest = z.union([z.strictObject({ clientId: z.string().min(1).max(100) }), z.strictObject({ holderId: z.string().min(1).max(40) })]);

export class DemoSignInRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DemoSignIn {
  identities(): Promise<DemoIdentities>;
  /** A token for a registered client or a valid holder id; the body as the edge parsed it. */
  token(body: unknown): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; expiresAt: string }>;
}

export function demoSignIn(issuer: DevIssuer, em: EntityManager, clock: () => Date): DemoSignIn {
  const holders = demoHolders();
  return {
    async identities() {
      const clients = await em.fork().find(Client, { isEnabled: true }, { populate: ['department'], orderBy: { id: 'asc' } });
      return {
        clients: clients.map((c) => ({
          id: c.id,
          name: c.name,
          departmentCode: c.department.code,
          departmentName: c.department.name,
          departmentNameEn: c.department.nameEn,
          roles: [...c.roles],
        })),
        holders,
      };
    },
    async token(body) {
      const parsed = TokenRequest.safeParse(body);
      if (!parsed.success) throw new DemoSignInRefusal(400, 'Send {"clientId": "<demo client id>"} or {"holderId": "<resident ID number or credit code>"}.');
      const expiresAt = new Date(clock().getTime() + TOKEN_TTL_SECONDS * 1000).toISOString();
      if ('holderId' in parsed.data) {
        const id = normalizeSubjectId(parsed.data.holderId);
        if (!isValidResidentId(id) && !isValidCreditCode(id)) throw new DemoSignInRefusal(400, 'holderId is not a valid resident ID number or unified social credit code.');
        return { accessToken: await issuer.signHolderToken(id, TOKEN_TTL_SECONDS), tokenType: 'Bearer', expiresIn: TOKEN_TTL_SECONDS, expiresAt };
      }
      const client = await em.fork().findOne(Client, { id: parsed.data.clientId, isEnabled: true });
      if (!client) throw new DemoSignInRefusal(400, `No enabled client "${parsed.data.clientId}" is registered.`);
      return { accessToken: await issuer.signClientToken(client.id, TOKEN_TTL_SECONDS), tokenType: 'Bearer', expiresIn: TOKEN_TTL_SECONDS, expiresAt };
    },
  };
}
