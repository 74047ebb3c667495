// The audit chain's standing, and the check of its last checkpoint in the browser: the JWS against the hub's published
// keys (/.well-known/jwks.json), and its content against the checkpoint as the API states it.
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { graphql } from '../../staff-gql';

export const AuditChainQueryDoc = graphql(`
  query AuditChain {
    auditChain {
      headSeq
      lastCheckpoint {
        seq
        headHash
        createdAt
        kid
        jws
      }
      lastVerification {
        verifiedAt
        isIntact
        events
        checkpoints
        fromSeq
        lastCheckpointSeq
        firstBrokenSeq
        problem
      }
    }
  }
`);

export const CHECKPOINT_TYP = 'sharehub-audit-checkpoint+jws';

export type CheckpointCheck = { isValid: true; kid: string } | { isValid: false; reason: 'SIGNATURE' | 'CONTENT' | 'TYPE' | 'KEYS_UNAVAILABLE' };

export async function checkCheckpoint(checkpoint: { seq: string; headHash: string; jws: string }, jwksUrl = '/.well-known/jwks.json'): Promise<CheckpointCheck> {
  let jwks: JSONWebKeySet;
  try {
    const res = await fetch(jwksUrl, { headers: { accept: 'application/json' } });
    if (!res.ok) return { isValid: false, reason: 'KEYS_UNAVAILABLE' };
    jwks = (await res.json()) as JSONWebKeySet;
  } catch {
    return { isValid: false, reason: 'KEYS_UNAVAILABLE' };
  }
  try {
    const { payload, protectedHeader } = await compactVerify(checkpoint.jws, createLocalJWKSet(jwks), { algorithms: ['ES256', 'EdDSA'] });
    if (protectedHeader.typ !== CHECKPOINT_TYP) return { isValid: false, reason: 'TYPE' };
    const claims = JSON.parse(new TextDecoder().decode(payload)) as { seq?: string; headHash?: string };
    if (claims.seq !== checkpoint.seq || claims.headHash !== checkpoint.headHash) return { isValid: false, reason: 'CONTENT' };
    return { isValid: true, kid: protectedHeader.kid ?? '' };
  } catch {
    return { isValid: false, reason: 'SIGNATURE' };
  }
}
