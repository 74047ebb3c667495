// The demo sign-in endpoints of the hub (demo mode only): who can be signed in as, and a token for one of them.
export interface DemoClient {
  id: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  departmentNameEn: string;
  roles: string[];
}

export interface DemoHolder {
  id: string;
  name: string;
  kind: 'PERSON' | 'ORGANIZATION';
}

export interface DemoIdentities {
  clients: DemoClient[];
  holders: DemoHolder[];
}

export interface DemoToken {
  accessToken: string;
  expiresAt: string;
}

/** The identities, or null when the hub is not in demo mode (the endpoint does not exist). */
export async function fetchDemoIdentities(): Promise<DemoIdentities | null> {
  const res = await fetch('/demo/identities', { headers: { accept: 'application/json' } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as DemoIdentities;
}

export async function fetchDemoToken(who: { clientId: string } | { holderId: string }): Promise<DemoToken> {
  const res = await fetch('/demo/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as DemoToken;
}
