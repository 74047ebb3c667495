// Unloaded latency: one request at a time, the median wall time; for benches whose claim is about time, not throughput.
import { median } from './compare.js';
import type { LoadRequest } from './load.js';

async function timeOne(request: LoadRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`latency: ${request.url} answered ${res.status}`);
  return performance.now() - started;
}

/** Median milliseconds of `count` requests to each side, taken in alternation so drift hits both alike. */
export async function medianLatencies(a: LoadRequest, b: LoadRequest, count: number): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < count; i += 1) {
    times[0].push(await timeOne(a));
    times[1].push(await timeOne(b));
  }
  return [median(times[0]), median(times[1])];
}
