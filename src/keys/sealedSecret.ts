// Secrets the hub must send elsewhere (a live source's bearer or client secret), sealed at rest under the master key (JWE, dir + A256GCM).
import { compactDecrypt, CompactEncrypt } from 'jose';

/** Content type in the JWE header, so a sealed secret is never mistaken for a sealed signing key. */
const SECRET_CTY = 'sharehub-secret';

export async function sealSecret(masterKey: Uint8Array, secret: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(secret)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: SECRET_CTY }).encrypt(masterKey);
}

export async function openSecret(masterKey: Uint8Array, jwe: string): Promise<string> {
  const { plaintext, protectedHeader } = await compactDecrypt(jwe, masterKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
  if (protectedHeader.cty !== SECRET_CTY) throw new Error('not a sealed secret');
  return new TextDecoder().decode(plaintext);
}
