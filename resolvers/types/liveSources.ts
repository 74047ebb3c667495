// GraphQL types of live sources (接口共享): a provider's subgraph registered as the source of a resource type.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LiveSourceCredential } from '../../entities/LiveSource.js';
import type { FailureCategory } from '../../src/live/errors.js';
import type { BreakerState } from '../../src/live/source.js';
import type { SourceHealth } from '../../src/services/liveSources.js';
import { DateTimeScalar } from '../../src/schema/scalars.js';

export const BreakerStateEnum = { CLOSED: 'CLOSED', OPEN: 'OPEN', HALF_OPEN: 'HALF_OPEN' } as const;
export const SourceHealthEnum = { HEALTHY: 'HEALTHY', DEGRADED: 'DEGRADED', UNAVAILABLE: 'UNAVAILABLE' } as const;

registerEnumType(SourceHealthEnum, {
  name: 'SourceHealth',
  description: "A live source's health in plain words, on the hub instance that answers.",
  valuesConfig: {
    HEALTHY: { description: 'Calls succeed (no failure in the last minute).' },
    DEGRADED: { description: 'It failed in the last minute, or it is being tried again after an outage.' },
    UNAVAILABLE: { description: 'It failed too often: calls are not sent to it for now (its records are SOURCE_UNAVAILABLE, or the published copy serves them).' },
  },
});

registerEnumType(LiveSourceCredential, {
  name: 'LiveSourceCredential',
  description: 'How the hub authenticates to a live source.',
  valuesConfig: {
    NONE: { description: 'No credentials (a source inside a closed network).' },
    STATIC_BEARER: { description: 'A static bearer secret, stored encrypted.' },
    CLIENT_CREDENTIALS: { description: 'An OAuth 2.0 client-credentials token from the given token endpoint, cached until it expires.' },
  },
});
registerEnumType(BreakerStateEnum, {
  name: 'BreakerState',
  description: "State of a live source's circuit breaker on the hub instance that answers.",
  valuesConfig: {
    CLOSED: { description: 'Calls go to the source.' },
    OPEN: { description: 'The source failed too often: calls are refused without reaching it (SOURCE_UNAVAILABLE, or the published copy when it falls back) until the reset time has passed.' },
    HALF_OPEN: { description: 'The reset time has passed: the next call is a trial; success closes the breaker, failure opens it again.' },
  },
});

@ObjectType('LiveSource', { description: 'A live source (接口共享): the GraphQL service (Apollo Federation subgraph) of the provider that serves a resource type at request time.' })
export class LiveSourceView {
  @Field(() => ID, { description: 'The resource type it serves.' })
  resourceType!: string;

  @Field({ description: 'Unified social credit code of the providing department.' })
  providerCode!: string;

  @Field({ description: "The subgraph's GraphQL endpoint." })
  url!: string;

  @Field({ description: 'The federation entity type that carries the records.' })
  entityTypeName!: string;

  @Field({ description: 'Its key field, holding the subject id.' })
  keyField!: string;

  @Field(() => Int, { description: 'How long the hub waits for one call, in milliseconds.' })
  timeoutMs!: number;

  @Field(() => LiveSourceCredential, { description: 'How the hub authenticates to it (the secret is never shown).' })
  credential!: LiveSourceCredential;

  @Field({ description: 'Whether the published copy is served (and the response says so) when the source is down.' })
  isFallbackToPublished!: boolean;

  @Field(() => Int, { description: 'Registration version; every registration makes a new one.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When this version was registered.' })
  registeredAt!: Date;

  @Field(() => BreakerStateEnum, { description: 'Circuit breaker state on the hub instance that answers.' })
  state!: BreakerState;

  @Field(() => SourceHealthEnum, { description: 'Health in plain words (HEALTHY, DEGRADED, UNAVAILABLE), beside the breaker state.' })
  health!: SourceHealth;

  @Field(() => String, { nullable: true, description: "The last failure as a category (TIMEOUT, UNREACHABLE, HTTP_502, GRAPHQL_ERRORS, INVALID_RESPONSE, TOKEN_UNAVAILABLE), never the source's own message; null when none." })
  lastError!: FailureCategory | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last failure happened.' })
  lastErrorAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Median time of the last 100 successful calls, in milliseconds; null before the first.' })
  latencyP50!: number | null;
}

@InputType({ description: 'Register (or register anew) the live source of a resource type your department provides.' })
export class RegisterLiveSourceInput {
  @Field({ description: 'Resource type code.' })
  resourceType!: string;

  @Field({ description: "The subgraph's GraphQL endpoint (http or https); it must answer `_service { sdl }` and `_entities`." })
  url!: string;

  @Field({ description: 'The entity type in its SDL that carries the records, e.g. SocialInsurance.' })
  entityTypeName!: string;

  @Field({ defaultValue: 'subjectId', description: 'Its @key field, holding the subject id.' })
  keyField!: string;

  @Field(() => Int, { nullable: true, description: 'How long the hub waits for one call, in milliseconds (50 to 30,000; 3,000 when omitted).' })
  timeoutMs?: number | null;

  @Field(() => LiveSourceCredential, { defaultValue: LiveSourceCredential.NONE, description: 'How the hub authenticates to the source.' })
  credential!: LiveSourceCredential;

  @Field(() => String, { nullable: true, description: 'STATIC_BEARER: the bearer secret (stored encrypted, never shown).' })
  bearerToken?: string | null;

  @Field(() => String, { nullable: true, description: 'CLIENT_CREDENTIALS: the token endpoint.' })
  tokenEndpoint?: string | null;

  @Field(() => String, { nullable: true, description: 'CLIENT_CREDENTIALS: the client id.' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: 'CLIENT_CREDENTIALS: the client secret (stored encrypted, never shown).' })
  clientSecret?: string | null;

  @Field({ defaultValue: false, description: 'Serve the published copy when the source is down (and say so in extensions.sharehub.fallbacks).' })
  isFallbackToPublished!: boolean;
}

@ObjectType({ description: 'The result of registerLiveSource.' })
export class RegisterLiveSourcePayload {
  @Field(() => LiveSourceView, { description: 'The live source as now registered.' })
  liveSource!: LiveSourceView;
}

@ObjectType({ description: 'The result of unregisterLiveSource.' })
export class UnregisterLiveSourcePayload {
  @Field(() => ID, { description: 'The resource type, served from its published records from now on.' })
  resourceType!: string;
}
