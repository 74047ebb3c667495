// Configuration is validated in one place; a bad value names its variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withLiveSourceOrigin } from '../../src/config.js';

const issuers = JSON.stringify([{ issuer: 'https://idp.example', jwksUri: 'https://idp.example/jwks', audience: 'sharehub' }]);
const production = { SHAREHUB_ISSUERS: issuers, SHAREHUB_SUBJECT_HASH_KEY: 'k'.repeat(40), SHAREHUB_MASTER_KEY: Buffer.alloc(32, 7).toString('base64url') };

function problemOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('demo mode needs nothing else and turns introspection on', () => {
    const config = loadConfig({ SHAREHUB_DEMO: '1' });
    expect(config.demo).toBe(true);
    expect(config.introspection).toBe(true);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('production mode refuses to start without a trusted issuer', () => {
    expect(problemOf({}).variable).toBe('SHAREHUB_ISSUERS');
  });

  it('production mode refuses to start without the subject hash key', () => {
    expect(problemOf({ SHAREHUB_ISSUERS: issuers }).variable).toBe('SHAREHUB_SUBJECT_HASH_KEY');
  });

  it('production mode refuses to start without the master key, and a short one names it', () => {
    expect(problemOf({ SHAREHUB_ISSUERS: issuers, SHAREHUB_SUBJECT_HASH_KEY: 'k'.repeat(40) }).variable).toBe('SHAREHUB_MASTER_KEY');
    expect(problemOf({ ...production, SHAREHUB_MASTER_KEY: 'c2hvcnQ' }).variable).toBe('SHAREHUB_MASTER_KEY');
  });

  it('production mode has introspection off unless asked', () => {
    expect(loadConfig(production).introspection).toBe(false);
    expect(loadConfig({ ...production, SHAREHUB_INTROSPECTION: '1' }).introspection).toBe(true);
  });

  it('a bad port names PORT', () => {
    expect(problemOf({ SHAREHUB_DEMO: '1', PORT: 'eighty' }).variable).toBe('PORT');
    expect(problemOf({ SHAREHUB_DEMO: '1', PORT: '70000' }).variable).toBe('PORT');
  });

  it('a DATABASE_URL that is not postgres names DATABASE_URL', () => {
    expect(problemOf({ SHAREHUB_DEMO: '1', DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
  });

  it('issuers must be JSON with exactly one key source and asymmetric algorithms only', () => {
    expect(problemOf({ ...production, SHAREHUB_ISSUERS: 'not json' }).variable).toBe('SHAREHUB_ISSUERS');
    const both = JSON.stringify([{ issuer: 'a', jwksUri: 'https://a/jwks', jwks: { keys: [{}] }, audience: 'x' }]);
    expect(problemOf({ ...production, SHAREHUB_ISSUERS: both }).variable).toBe('SHAREHUB_ISSUERS');
    const hs = JSON.stringify([{ issuer: 'a', jwksUri: 'https://a/jwks', audience: 'x', algorithms: ['HS256'] }]);
    expect(problemOf({ ...production, SHAREHUB_ISSUERS: hs }).variable).toBe('SHAREHUB_ISSUERS');
  });

  it('live-source origins: per department, none unless listed (in demo mode too); a bad one is named', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).liveSourceOrigins).toEqual(new Map());
    expect(loadConfig(production).liveSourceOrigins).toEqual(new Map());
    const listed = JSON.stringify({ '11330100MBDEM004XU': ['https://hrss.example.gov', 'http://10.1.2.3:8080/'], '11330100MBDEM0015E': [] });
    expect(loadConfig({ ...production, SHAREHUB_LIVE_SOURCE_ORIGINS: listed }).liveSourceOrigins).toEqual(
      new Map([
        ['11330100MBDEM004XU', new Set(['https://hrss.example.gov', 'http://10.1.2.3:8080'])],
        ['11330100MBDEM0015E', new Set()],
      ]),
    );
    const bad = [
      'https://hrss.example.gov',
      '["https://hrss.example.gov"]',
      JSON.stringify({ hrss: ['https://hrss.example.gov'] }),
      JSON.stringify({ '11330100MBDEM004XU': 'https://hrss.example.gov' }),
      ...['hrss.example.gov', 'ftp://x.example', 'https://x.example/graphql', 'https://user:pw@x.example'].map((o) => JSON.stringify({ '11330100MBDEM004XU': [o] })),
    ];
    for (const value of bad) expect(problemOf({ ...production, SHAREHUB_LIVE_SOURCE_ORIGINS: value }).variable).toBe('SHAREHUB_LIVE_SOURCE_ORIGINS');
  });

  it('withLiveSourceOrigin adds one origin for one department and leaves the others alone', () => {
    const origins = loadConfig({ ...production, SHAREHUB_LIVE_SOURCE_ORIGINS: JSON.stringify({ '11330100MBDEM0015E': ['https://psb.example.gov'] }) }).liveSourceOrigins;
    const demo = withLiveSourceOrigin(origins, '11330100MBDEM004XU', 'http://127.0.0.1:4001/graphql');
    expect(demo).toEqual(new Map([['11330100MBDEM0015E', new Set(['https://psb.example.gov'])], ['11330100MBDEM004XU', new Set(['http://127.0.0.1:4001'])]]));
    expect(origins.has('11330100MBDEM004XU')).toBe(false);
  });

  it('the bench-only audit switch is refused outside demo mode', () => {
    expect(problemOf({ ...production, SHAREHUB_AUDIT_DISABLED_FOR_BENCH: '1' }).variable).toBe('SHAREHUB_AUDIT_DISABLED_FOR_BENCH');
  });

  it('an issuer names its principal claim; a HOLDER issuer only by sub', () => {
    const with_ = (extra: Record<string, unknown>) => JSON.stringify([{ issuer: 'https://idp.example', jwksUri: 'https://idp.example/jwks', audience: 'sharehub', ...extra }]);
    expect(loadConfig({ ...production, SHAREHUB_ISSUERS: with_({ principalClaim: 'sub' }) }).issuers[0]?.principalClaim).toBe('sub');
    expect(loadConfig({ ...production }).issuers[0]?.principalClaim).toBeUndefined();
    expect(problemOf({ ...production, SHAREHUB_ISSUERS: with_({ kind: 'HOLDER', principalClaim: 'client_id' }) }).message).toMatch(/principalClaim.*sub only/);
    expect(problemOf({ ...production, SHAREHUB_ISSUERS: with_({ principalClaim: 'azp' }) }).variable).toBe('SHAREHUB_ISSUERS');
  });

  it('the console’s OpenID Connect sign-in needs issuer and client id together, and openid among the scopes', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).consoleSignIn).toBeNull();
    const oidc = { SHAREHUB_CONSOLE_OIDC_ISSUER: 'https://sso.example.gov', SHAREHUB_CONSOLE_OIDC_CLIENT_ID: 'sharehub-console' };
    expect(loadConfig({ ...production, ...oidc }).consoleSignIn).toEqual({ issuer: 'https://sso.example.gov', clientId: 'sharehub-console', scope: 'openid', resource: null });
    expect(problemOf({ ...production, SHAREHUB_CONSOLE_OIDC_ISSUER: 'https://sso.example.gov' }).variable).toBe('SHAREHUB_CONSOLE_OIDC_CLIENT_ID');
    expect(problemOf({ ...production, SHAREHUB_CONSOLE_OIDC_CLIENT_ID: 'x' }).variable).toBe('SHAREHUB_CONSOLE_OIDC_ISSUER');
    expect(problemOf({ ...production, ...oidc, SHAREHUB_CONSOLE_OIDC_SCOPE: 'profile email' }).variable).toBe('SHAREHUB_CONSOLE_OIDC_SCOPE');
    expect(problemOf({ ...production, ...oidc, SHAREHUB_CONSOLE_OIDC_ISSUER: 'ftp://sso.example.gov' }).variable).toBe('SHAREHUB_CONSOLE_OIDC_ISSUER');
  });
});
