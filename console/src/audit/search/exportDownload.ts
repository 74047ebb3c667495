// The export of the current search: GET /audit/export with the signed-in token (the hub streams NDJSON and records the
// export), saved as a file; answers how many events it held.
import type { AuditEventFilter } from '../../staff-gql/graphql';

export function exportUrl(filter: AuditEventFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  return `/audit/export?${params.toString()}`;
}

export async function downloadExport(token: string, filter: AuditEventFilter): Promise<number> {
  const res = await fetch(exportUrl(filter), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      const e = body.errors?.[0];
      if (e) message = `${e.extensions?.code ?? ''}: ${e.message}`;
    } catch {
      // not JSON: the status says it
    }
    throw new Error(message);
  }
  const blob = await res.blob();
  const text = await blob.text();
  const count = text.split('\n').filter((l) => l.length > 0).length;
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'audit-export.ndjson';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return count;
}
