// The client directory: registered clients with their department and roles, as the token verifier needs them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from '../../entities/Client.js';
import type { ClientDirectory } from '../auth/tokens.js';

export function clientDirectory(em: EntityManager): ClientDirectory {
  return async (clientId) => {
    const client = await em.fork().findOne(Client, { id: clientId, isEnabled: true }, { populate: ['department'] });
    if (!client) return null;
    const { department } = client;
    return {
      kind: 'CLIENT',
      clientId: client.id,
      clientName: client.name,
      department: { code: department.code, shortCode: department.shortCode, name: department.name, nameEn: department.nameEn },
      roles: [...client.roles],
    };
  };
}
