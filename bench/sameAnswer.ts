// The check before any load run: one request to each side, both must answer 200 with the same data, or a ratio means nothing.
import { isDeepStrictEqual } from 'node:util';
import type { LoadRequest } from './load.js';

interface Answer {
  url: string;
  status: number;
  body: unknown;
}

async function ask(request: LoadRequest): Promise<Answer> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null });
  return { url: request.url, status: res.status, body: (await res.json()) as unknown };
}

/** A short rendering of a body for the error message: a 1,000-record answer is cut, not printed whole. */
function shown(body: unknown): string {
  const text = JSON.stringify(body);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}

/** Throws, naming the bench, when either side is not 200, carries GraphQL errors, or the two bodies differ. */
export async function checkSameAnswer(bench: string, baseline: LoadRequest, subject: LoadRequest): Promise<void> {
  const [a, b] = await Promise.all([ask(baseline), ask(subject)]);
  for (const answer of [a, b]) {
    if (answer.status !== 200) throw new Error(`${bench}: ${answer.url} answered ${answer.status}: ${shown(answer.body)}`);
    const errors = (answer.body as { errors?: unknown }).errors;
    if (errors !== undefined) throw new Error(`${bench}: ${answer.url} answered 200 with errors: ${shown(errors)}`);
  }
  if (!isDeepStrictEqual(a.body, b.body)) {
    throw new Error(`${bench}: the two sides answer differently:\n  baseline ${shown(a.body)}\n  subject  ${shown(b.body)}`);
  }
}
