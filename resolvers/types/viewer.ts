// GraphQL types for the caller's own identity (`viewer`).
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../entities/Client.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a client may do at the hub.',
  valuesConfig: {
    SYSTEM: { description: 'A department system: reads shared data for a stated purpose, publishes its own.' },
    DATA_ADMIN: { description: "Manages its department's catalog entries, access requests and grants." },
    WINDOW_CLERK: { description: 'A service window: verifies certificates and prepares applications.' },
    AUDITOR: { description: 'Searches and verifies the audit log.' },
  },
});

@ObjectType('Department', { description: 'A department taking part in the hub.' })
export class DepartmentView {
  @Field(() => ID, { description: 'Unified social credit code (GB 32100) of the department.' })
  code!: string;

  @Field({ description: 'Short stable handle, for example `psb`.' })
  shortCode!: string;

  @Field({ description: 'Name in Chinese.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;
}

@ObjectType('Client', { description: 'A registered system or account of a department that calls the hub.' })
export class ClientView {
  @Field(() => ID, { description: "The client id that tokens carry (by the issuer's principalClaim: `client_id`, `azp` or `sub`)." })
  id!: string;

  @Field({ description: 'Human-readable name.' })
  name!: string;
}

@ObjectType({ description: 'Who is calling, as established by the bearer token.' })
export class Viewer {
  @Field(() => ClientView, { nullable: true, description: 'The calling client; null for a holder (citizen or business).' })
  client!: ClientView | null;

  @Field(() => DepartmentView, { nullable: true, description: "The client's department; null for a holder." })
  department!: DepartmentView | null;

  @Field(() => [Role], { description: 'Roles of the calling client.' })
  roles!: Role[];
}
