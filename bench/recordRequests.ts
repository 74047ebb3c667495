// The record benches' requests: the same GraphQL POST to either side, one subject or many, as the fixture's consumer.
import type { LoadRequest } from './load.js';
import type { RecordFixture } from './recordFixture.js';

function selection(fixture: RecordFixture): string {
  return `subjectId version updatedAt ${fixture.fields.join(' ')}`;
}

function post(baseUrl: string, token: string, fixture: RecordFixture, body: unknown): LoadRequest {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-sharehub-purpose': fixture.purpose },
    body: JSON.stringify(body),
  };
}

/** `benchHousehold(subjectId:)` of one subject. */
export function recordRequest(baseUrl: string, token: string, fixture: RecordFixture, subjectId: string): LoadRequest {
  const query = `query Read($subjectId: ID!) { ${fixture.singleQueryName}(subjectId: $subjectId) { ${selection(fixture)} } }`;
  return post(baseUrl, token, fixture, { query, variables: { subjectId } });
}

/** `benchHouseholds(subjectIds:)` of many subjects in one request. */
export function recordsRequest(baseUrl: string, token: string, fixture: RecordFixture, subjectIds: readonly string[]): LoadRequest {
  const query = `query ReadMany($subjectIds: [ID!]!) { ${fixture.listQueryName}(subjectIds: $subjectIds) { ${selection(fixture)} } }`;
  return post(baseUrl, token, fixture, { query, variables: { subjectIds } });
}
