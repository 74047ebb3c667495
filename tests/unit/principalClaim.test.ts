// Which client a verified token names, per its issuer's principalClaim: a person's token is never read as a client
// it did not name, and machine tokens are read as before.
import { describe, expect, it } from 'vitest';
import { clientIdOf } from '../../src/auth/principalClaim.js';

/** A client-credentials token as oidc-provider and the development issuer issue it: sub = client_id. */
const machine = { sub: 'psb-system', client_id: 'psb-system' };
/** A person's token from the console's authorization-code flow: sub = the person, client_id = the console. */
const person = { sub: 'window-clerk', client_id: 'sharehub-console', azp: 'sharehub-console' };

describe('the client a token names', () => {
  it('unset (default): a machine token is read by client_id, then azp, then sub, as before', () => {
    expect(clientIdOf(machine, undefined)).toEqual({ clientId: 'psb-system' });
    expect(clientIdOf({ sub: 'psb-system', azp: 'psb-system' }, undefined)).toEqual({ clientId: 'psb-system' });
    expect(clientIdOf({ sub: 'psb-system' }, undefined)).toEqual({ clientId: 'psb-system' });
  });

  it('unset (default): a person’s token obtained through a client is refused, not read as that client', () => {
    expect(clientIdOf(person, undefined)).toEqual({ refused: expect.stringContaining('principalClaim') });
    expect(clientIdOf({ sub: 'someone', azp: 'psb-system' }, undefined)).toHaveProperty('refused');
    expect(clientIdOf({ sub: 'psb-system', client_id: 'psb-system', azp: 'auditor' }, undefined)).toHaveProperty('refused');
  });

  it('sub: the person is the principal, whatever client they signed in with', () => {
    expect(clientIdOf(person, 'sub')).toEqual({ clientId: 'window-clerk' });
    expect(clientIdOf({ sub: 'auditor', client_id: 'window-clerk' }, 'sub')).toEqual({ clientId: 'auditor' });
    expect(clientIdOf({ client_id: 'window-clerk' }, 'sub')).toEqual({ refused: 'no client id' });
  });

  it('client_id: the client named by client_id, else azp, never sub', () => {
    expect(clientIdOf({ sub: '6f1c-service-account', client_id: 'psb-system' }, 'client_id')).toEqual({ clientId: 'psb-system' });
    expect(clientIdOf({ sub: '6f1c-service-account', azp: 'psb-system' }, 'client_id')).toEqual({ clientId: 'psb-system' });
    expect(clientIdOf({ sub: 'psb-system' }, 'client_id')).toEqual({ refused: 'no client id' });
  });

  it('empty, non-string and over-long ids name no client', () => {
    expect(clientIdOf({ sub: '' }, undefined)).toEqual({ refused: 'no client id' });
    expect(clientIdOf({ sub: 42 as unknown as string }, 'sub')).toEqual({ refused: 'no client id' });
    expect(clientIdOf({ sub: 'x'.repeat(101) }, 'sub')).toEqual({ refused: 'no client id' });
  });
});
