// Which registered client a verified token names, by the claim its issuer is configured to use. Pure.
import type { JWTPayload } from 'jose';
import type { PrincipalClaim } from '../config.js';

/** The client id a token names, or why it names none. */
export type ClientIdentification = { clientId: string } | { refused: string };

const MAX_CLIENT_ID_LENGTH = 100;

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function checked(clientId: string | undefined): ClientIdentification {
  if (!clientId || clientId.length > MAX_CLIENT_ID_LENGTH) return { refused: 'no client id' };
  return { clientId };
}

/**
 * The client a token of a CLIENT issuer names.
 * - `sub` (a staff sign-in issuer): the person's `sub` is their registered client id; `client_id` and `azp` name
 *   only the application they signed in with (the console) and are not read.
 * - `client_id`: `client_id`, else `azp` (machine tokens whose `sub` is a service-account id, as some identity
 *   providers issue them); never `sub`.
 * - unset (the default): a machine token, where `client_id`, `azp` and `sub` name the same client wherever present.
 *   A token whose `sub` differs from its `client_id`/`azp` is a person's token obtained through a client, and would
 *   otherwise be read as that client: it is refused until the issuer says which claim to read.
 */
export function clientIdOf(payload: JWTPayload, claim: PrincipalClaim | undefined): ClientIdentification {
  const sub = stringClaim(payload, 'sub');
  const client = stringClaim(payload, 'client_id') ?? stringClaim(payload, 'azp');
  if (claim === 'sub') return checked(sub);
  if (claim === 'client_id') return checked(client);
  const named = new Set([stringClaim(payload, 'client_id'), stringClaim(payload, 'azp'), sub].filter((v): v is string => v !== undefined));
  if (named.size > 1) return { refused: 'token names a subject other than its client (set principalClaim for this issuer)' };
  return checked(client ?? sub);
}
