// The one place environment variables are read and validated; everything else receives a Config.
import path from 'node:path';
import { z } from 'zod';
import { isValidCreditCode } from './certs/identifiers.js';

/** A trusted token issuer: tokens from it are verified against its keys and audience. */
export interface IssuerConfig {
  /** The exact `iss` claim. */
  issuer: string;
  /** Where its public keys are published (JWKS URL) ... */
  jwksUri?: string;
  /** ... or the keys themselves. */
  jwks?: { keys: Record<string, unknown>[] };
  /** The `aud` this hub expects in tokens from this issuer. */
  audience: string;
  /** Asymmetric algorithms accepted from this issuer. */
  algorithms: string[];
  /** What its tokens identify: machine clients, or holders (citizens and businesses). */
  kind: 'CLIENT' | 'HOLDER';
  /**
   * The claim that names the principal (see src/auth/principalClaim.ts). CLIENT issuers: unset means a machine
   * token whose `client_id`, `azp` and `sub` agree where present (a token naming a person refused); `client_id`
   * reads `client_id`, else `azp` (machine tokens whose `sub` is a service account id); `sub` reads only `sub`
   * (a staff sign-in issuer: `sub` is the registered client id of the person). HOLDER issuers: `sub` only.
   */
  principalClaim?: PrincipalClaim;
}

export type PrincipalClaim = 'client_id' | 'sub';

export interface Config {
  host: string;
  port: number;
  /**
   * The URL verifiers reach the hub at (SHAREHUB_PUBLIC_URL), without a trailing slash: credentials name their issuer,
   * status lists and contexts under it. Unset: the address the hub listens on.
   */
  publicUrl?: string;
  /** External PostgreSQL; when absent the embedded one is started under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  demo: boolean;
  issuers: IssuerConfig[];
  introspection: boolean;
  /** Secret for keyed subject hashes in the audit log; from the data directory in demo mode. */
  subjectHashKey: string | undefined;
  /** 32 bytes, base64url: encrypts private keys at rest and keys the audit chain; from the data directory in demo mode. */
  masterKey: string | undefined;
  logLevel: string;
  /** Unset: readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'json' | 'pretty' | undefined;
  limits: {
    maxBodyBytes: number;
    maxTokens: number;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
  };
  /** How long the hub waits on its PostgreSQL while serving a request, before it answers with a code instead. */
  database: {
    /** Longest a statement of a request may run (or wait for a lock): STATEMENT_TIMEOUT. */
    statementTimeoutMs: number;
    /** Longest a request waits for a free pooled connection: DATABASE_BUSY. */
    poolWaitTimeoutMs: number;
  };
  /** Bounds under load: refuse at once rather than queue. */
  overload: {
    /** Most GraphQL requests in flight at once; beyond it 503 OVERLOADED. */
    maxInFlight: number;
    /** Each client's token bucket unless the client registry overrides it: refill per second, and size. */
    rateLimit: { perSecond: number; burst: number };
  };
  audit: {
    /** Most events written in one group commit. */
    maxBatch: number;
    /** A signed checkpoint every this many events ... */
    checkpointEvery: number;
    /** ... or every this many seconds when the head moved. */
    checkpointSeconds: number;
    /** Bench-only switch: skip audit writes entirely. Refused outside demo mode. */
    disabled: boolean;
    /** Full months kept in the database besides the current one; older months are archived. Null: keep everything. */
    retentionMonths: number | null;
    /** Where archived months are written (gzip NDJSON, one file per month). */
    archiveDir: string;
  };
  shutdownTimeoutMs: number;
  /** Trusted documents for clients without a mode of their own: OFF, ALLOW or REQUIRE. */
  trustedDocuments: 'OFF' | 'ALLOW' | 'REQUIRE';
  /** Prometheus metrics on a port of their own; null: off. */
  metrics: { host: string; port: number } | null;
  /** OpenTelemetry traces sent over OTLP/HTTP (JSON); null: off, and no exporter is started. */
  tracing: TracingConfig | null;
  /**
   * Per department (by code), the origins (scheme://host:port) at which its live sources and their token endpoints
   * may be registered: a department registers only at its own origins, and the hub calls nothing else. A department
   * not listed registers none. (Demo mode adds the demo HRSS subgraph's origin for HRSS at start.)
   */
  liveSourceOrigins: LiveSourceOrigins;
  /** How the circuit breaker of every live source trips and recovers (per hub instance). */
  /**
   * The console's sign-in through OpenID Connect (authorization code + PKCE), served to the console at
   * /console/config.json: only public values. Null: no such sign-in (demo sign-in only, in demo mode).
   */
  consoleSignIn: ConsoleSignInConfig | null;
  liveBreaker: {
    /** Failing share of calls, in percent, at which a breaker opens ... */
    errorThresholdPercentage: number;
    /** ... once the window holds at least this many calls. */
    volumeThreshold: number;
    rollingWindowMs: number;
    /** How long an open breaker waits before one trial call (HALF_OPEN). */
    resetMs: number;
  };
}

export interface ConsoleSignInConfig {
  /** The OpenID Provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: string;
  /** The console's client id at that provider: a public client (no secret), redirect URI <hub>/console/signin/callback. */
  clientId: string;
  /** Scopes asked for, space-separated; `openid` among them. */
  scope: string;
  /** RFC 8707 resource indicator sent with the request, for providers that issue access tokens per resource. */
  resource: string | null;
}

/** Department code → the origins its live sources may be registered at. */
export type LiveSourceOrigins = ReadonlyMap<string, ReadonlySet<string>>;

export interface TracingConfig {
  /** The collector's OTLP/HTTP base URL, as given (OTEL_EXPORTER_OTLP_ENDPOINT). */
  endpoint: string;
  /** Where spans are posted: the base URL with `/v1/traces` appended, as the OTLP specification says. */
  tracesUrl: string;
  /** The `service.name` resource attribute. */
  serviceName: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export const SECURE_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const issuerSchema = z
  .object({
    issuer: z.string().min(1),
    jwksUri: z.url().optional(),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
    audience: z.string().min(1),
    algorithms: z.array(z.enum(SECURE_ALGORITHMS)).min(1).default(['ES256', 'EdDSA', 'RS256']),
    kind: z.enum(['CLIENT', 'HOLDER']).default('CLIENT'),
    principalClaim: z.enum(['client_id', 'sub']).optional(),
  })
  .refine((i) => (i.jwksUri ? !i.jwks : !!i.jwks), 'give exactly one of jwksUri or jwks')
  .refine((i) => i.kind !== 'HOLDER' || i.principalClaim === undefined || i.principalClaim === 'sub', {
    message: 'a HOLDER issuer names the holder by sub only (principalClaim "sub" or unset)',
    path: ['principalClaim'],
  });

const port = z.coerce.number().int().min(0).max(65535);
const positive = z.coerce.number().int().positive();

const LIVE_SOURCE_ORIGINS_FORMAT = 'a JSON object of department code → origins, e.g. {"11330100MBDEM004XU": ["https://hrss.example.gov:8443"]}';

function originOf(item: unknown): string | null {
  if (typeof item !== 'string') return null;
  let url: URL;
  try {
    url = new URL(item);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return url.origin;
}

/** `{"<department code>": ["<origin>", …], …}`: each department's own origins for live sources. */
function parseLiveSourceOrigins(raw: string, ctx: z.RefinementCtx): LiveSourceOrigins {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    ctx.addIssue({ code: 'custom', message: `is not ${LIVE_SOURCE_ORIGINS_FORMAT}` });
    return z.NEVER;
  }
  const origins = new Map<string, ReadonlySet<string>>();
  for (const [department, list] of Object.entries(json)) {
    if (!isValidCreditCode(department)) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(department)} is not a department code (a unified social credit code)` });
      return z.NEVER;
    }
    if (!Array.isArray(list)) {
      ctx.addIssue({ code: 'custom', message: `the origins of ${department} must be an array of origins like https://hrss.example.gov:8443` });
      return z.NEVER;
    }
    const own = new Set<string>();
    for (const item of list) {
      const origin = originOf(item);
      if (!origin) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(item)} (for ${department}) is not an origin like https://hrss.example.gov:8443` });
        return z.NEVER;
      }
      own.add(origin);
    }
    origins.set(department, own);
  }
  return origins;
}

/** The origins with one more for a department (demo mode: the demo subgraph of its provider). */
export function withLiveSourceOrigin(origins: LiveSourceOrigins, department: string, origin: string): LiveSourceOrigins {
  const next = new Map(origins);
  next.set(department, new Set([...(origins.get(department) ?? []), new URL(origin).origin]));
  return next;
}

/** Each variable with its schema and default; the key is the variable's name. */
const variables = {
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  SHAREHUB_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !/[?#]/.test(u), 'must be a plain http(s) URL without query or fragment')
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SHAREHUB_DATA_DIR: z.string().min(1).default('.data'),
  SHAREHUB_PG_PORT: port.default(54329),
  SHAREHUB_DEMO: flag.default(false),
  SHAREHUB_ISSUERS: z.string().optional(),
  SHAREHUB_INTROSPECTION: flag.optional(),
  SHAREHUB_SUBJECT_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SHAREHUB_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64url').length === 32 && /^[A-Za-z0-9_-]+$/.test(v), 'must be 32 random bytes, base64url-encoded (43 characters)')
    .optional(),
  SHAREHUB_AUDIT_CHECKPOINT_EVERY: positive.default(1_000),
  SHAREHUB_AUDIT_CHECKPOINT_SECONDS: positive.default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  SHAREHUB_MAX_BODY_BYTES: positive.default(1_048_576),
  SHAREHUB_MAX_TOKENS: positive.default(5_000),
  SHAREHUB_MAX_DEPTH: positive.default(12),
  SHAREHUB_MAX_ALIASES: positive.default(50),
  SHAREHUB_MAX_COST: positive.default(20_000),
  SHAREHUB_STATEMENT_TIMEOUT_MS: positive.default(10_000),
  SHAREHUB_POOL_WAIT_TIMEOUT_MS: positive.default(5_000),
  SHAREHUB_MAX_IN_FLIGHT: positive.default(200),
  SHAREHUB_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(1_000_000).default(100),
  SHAREHUB_RATE_LIMIT_BURST: positive.default(200),
  SHAREHUB_AUDIT_MAX_BATCH: positive.default(1_000),
  SHAREHUB_AUDIT_DISABLED_FOR_BENCH: flag.default(false),
  SHAREHUB_AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).optional(),
  SHAREHUB_AUDIT_ARCHIVE_DIR: z.string().min(1).optional(),
  SHAREHUB_SHUTDOWN_TIMEOUT_MS: positive.default(10_000),
  SHAREHUB_TRUSTED_DOCUMENTS: z.enum(['OFF', 'ALLOW', 'REQUIRE', 'off', 'allow', 'require']).default('ALLOW'),
  SHAREHUB_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  SHAREHUB_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .refine((raw) => {
      try {
        const url = new URL(raw);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'must be an http(s) URL like http://collector:4318 (without credentials: send those in OTEL_EXPORTER_OTLP_HEADERS)')
    .optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default('sharehub'),
  SHAREHUB_LIVE_SOURCE_ORIGINS: z.string().transform(parseLiveSourceOrigins).optional(),
  SHAREHUB_CONSOLE_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  SHAREHUB_CONSOLE_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  SHAREHUB_CONSOLE_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be space-separated scopes')
    .refine((v) => v.split(' ').includes('openid'), 'must include openid')
    .default('openid'),
  SHAREHUB_CONSOLE_OIDC_RESOURCE: z.url().optional(),
  SHAREHUB_LIVE_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  SHAREHUB_LIVE_BREAKER_VOLUME: positive.default(5),
  SHAREHUB_LIVE_BREAKER_WINDOW_MS: positive.default(10_000),
  SHAREHUB_LIVE_BREAKER_RESET_MS: positive.default(30_000),
} as const;

type Variables = { [K in keyof typeof variables]: z.output<(typeof variables)[K]> };

function readVariables(env: NodeJS.ProcessEnv): Variables {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(variables)) {
    const raw = env[name];
    const parsed = (schema as z.ZodType).safeParse(raw === '' ? undefined : raw);
    if (!parsed.success) {
      throw new ConfigError(name, parsed.error.issues.map((i) => i.message).join('; '));
    }
    out[name] = parsed.data;
  }
  return out as Variables;
}

function readIssuers(raw: string | undefined): IssuerConfig[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('SHAREHUB_ISSUERS', 'is not valid JSON (expected an array of issuers)');
  }
  const parsed = z.array(issuerSchema).safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError('SHAREHUB_ISSUERS', `${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`.trim());
  }
  return parsed.data as IssuerConfig[];
}

function tracingConfig(endpoint: string, serviceName: string): TracingConfig {
  return { endpoint, tracesUrl: `${endpoint.replace(/\/+$/, '')}/v1/traces`, serviceName };
}

/**
 * Reads and validates the configuration. Throws ConfigError naming the variable at fault.
 * Production mode (not demo) requires trusted issuers and the subject hash key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const v = readVariables(env);
  const issuers = readIssuers(v.SHAREHUB_ISSUERS);
  if (!v.SHAREHUB_DEMO) {
    if (issuers.length === 0) {
      throw new ConfigError('SHAREHUB_ISSUERS', 'no trusted token issuer is configured (required outside demo mode)');
    }
    if (!v.SHAREHUB_SUBJECT_HASH_KEY) {
      throw new ConfigError('SHAREHUB_SUBJECT_HASH_KEY', 'is required outside demo mode');
    }
    if (!v.SHAREHUB_MASTER_KEY) {
      throw new ConfigError('SHAREHUB_MASTER_KEY', 'is required outside demo mode');
    }
    if (v.SHAREHUB_AUDIT_DISABLED_FOR_BENCH) {
      throw new ConfigError('SHAREHUB_AUDIT_DISABLED_FOR_BENCH', 'is a benchmark switch and is refused outside demo mode');
    }
  }
  if (!v.SHAREHUB_CONSOLE_OIDC_ISSUER !== !v.SHAREHUB_CONSOLE_OIDC_CLIENT_ID) {
    throw new ConfigError(v.SHAREHUB_CONSOLE_OIDC_ISSUER ? 'SHAREHUB_CONSOLE_OIDC_CLIENT_ID' : 'SHAREHUB_CONSOLE_OIDC_ISSUER', 'is required with the other SHAREHUB_CONSOLE_OIDC_ variable');
  }
  return {
    host: v.HOST,
    port: v.PORT,
    publicUrl: v.SHAREHUB_PUBLIC_URL?.replace(/\/+$/, ''),
    databaseUrl: v.DATABASE_URL,
    dataDir: path.resolve(v.SHAREHUB_DATA_DIR),
    embeddedPgPort: v.SHAREHUB_PG_PORT,
    demo: v.SHAREHUB_DEMO,
    issuers,
    introspection: v.SHAREHUB_INTROSPECTION ?? v.SHAREHUB_DEMO,
    subjectHashKey: v.SHAREHUB_SUBJECT_HASH_KEY,
    masterKey: v.SHAREHUB_MASTER_KEY,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    limits: {
      maxBodyBytes: v.SHAREHUB_MAX_BODY_BYTES,
      maxTokens: v.SHAREHUB_MAX_TOKENS,
      maxDepth: v.SHAREHUB_MAX_DEPTH,
      maxAliases: v.SHAREHUB_MAX_ALIASES,
      maxCost: v.SHAREHUB_MAX_COST,
    },
    database: {
      statementTimeoutMs: v.SHAREHUB_STATEMENT_TIMEOUT_MS,
      poolWaitTimeoutMs: v.SHAREHUB_POOL_WAIT_TIMEOUT_MS,
    },
    overload: {
      maxInFlight: v.SHAREHUB_MAX_IN_FLIGHT,
      rateLimit: { perSecond: v.SHAREHUB_RATE_LIMIT_PER_SECOND, burst: v.SHAREHUB_RATE_LIMIT_BURST },
    },
    audit: {
      maxBatch: v.SHAREHUB_AUDIT_MAX_BATCH,
      checkpointEvery: v.SHAREHUB_AUDIT_CHECKPOINT_EVERY,
      checkpointSeconds: v.SHAREHUB_AUDIT_CHECKPOINT_SECONDS,
      disabled: v.SHAREHUB_AUDIT_DISABLED_FOR_BENCH,
      retentionMonths: v.SHAREHUB_AUDIT_RETENTION_MONTHS ?? null,
      archiveDir: path.resolve(v.SHAREHUB_AUDIT_ARCHIVE_DIR ?? path.join(v.SHAREHUB_DATA_DIR, 'audit-archive')),
    },
    shutdownTimeoutMs: v.SHAREHUB_SHUTDOWN_TIMEOUT_MS,
    trustedDocuments: v.SHAREHUB_TRUSTED_DOCUMENTS.toUpperCase() as 'OFF' | 'ALLOW' | 'REQUIRE',
    metrics: v.SHAREHUB_METRICS_PORT === undefined ? null : { host: v.SHAREHUB_METRICS_HOST, port: v.SHAREHUB_METRICS_PORT },
    tracing: v.OTEL_EXPORTER_OTLP_ENDPOINT === undefined ? null : tracingConfig(v.OTEL_EXPORTER_OTLP_ENDPOINT, v.OTEL_SERVICE_NAME),
    liveSourceOrigins: v.SHAREHUB_LIVE_SOURCE_ORIGINS ?? new Map(),
    consoleSignIn:
      v.SHAREHUB_CONSOLE_OIDC_ISSUER && v.SHAREHUB_CONSOLE_OIDC_CLIENT_ID
        ? { issuer: v.SHAREHUB_CONSOLE_OIDC_ISSUER, clientId: v.SHAREHUB_CONSOLE_OIDC_CLIENT_ID, scope: v.SHAREHUB_CONSOLE_OIDC_SCOPE, resource: v.SHAREHUB_CONSOLE_OIDC_RESOURCE ?? null }
        : null,
    liveBreaker: {
      errorThresholdPercentage: v.SHAREHUB_LIVE_BREAKER_ERROR_PERCENT,
      volumeThreshold: v.SHAREHUB_LIVE_BREAKER_VOLUME,
      rollingWindowMs: v.SHAREHUB_LIVE_BREAKER_WINDOW_MS,
      resetMs: v.SHAREHUB_LIVE_BREAKER_RESET_MS,
    },
  };
}
