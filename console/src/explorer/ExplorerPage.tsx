// The GraphQL explorer (GraphiQL) for developers of department systems: the signed-in token and the purpose bar's
// headers on every request, exactly as their own system would send them. Loaded only on this route.
import { GraphiQL } from 'graphiql';
import { getIntrospectionQuery } from 'graphql';
import 'graphiql/style.css';
import './explorer.css';
import { Alert, Typography } from 'antd';
import { useEffect, useMemo, useRef, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { purposeHeaders, usePurpose } from '../common/purpose/purposeStore';
import { useSession } from '../common/session/SessionContext';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** What GraphiQL keeps between visits (tabs, queries) lives in sessionStorage: gone at sign-out, never in localStorage. */
const TAB_STORAGE = typeof window === 'undefined' ? undefined : window.sessionStorage;

/**
 * GraphiQL's introspection follows `ofType` nine levels deep, past the hub's depth limit (12 by default, introspection
 * included); six levels still describe any wrapping a schema really uses (`[[X!]!]!` needs five).
 */
const INTROSPECTION = getIntrospectionQuery({ typeDepth: 6 });

/** CodeMirror's hidden text areas, each named by the editor it belongs to (GraphiQL leaves them unnamed). */
const EDITOR_NAMES: Array<[selector: string, name: string]> = [
  ['.graphiql-query-editor', 'GraphQL query'],
  ['.graphiql-response', 'Response'],
  ['.graphiql-editor-tool', 'Variables or headers'],
];

function nameEditors(root: HTMLElement): void {
  for (const [selector, name] of EDITOR_NAMES) {
    for (const area of root.querySelectorAll<HTMLTextAreaElement>(`${selector} textarea:not([aria-label])`)) area.setAttribute('aria-label', name);
  }
}

const FIRST_QUERY = `# 当前身份 / Who am I
query Viewer {
  viewer {
    client { id name }
    department { code name }
    roles
  }
}
`;

export default function ExplorerPage() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const purpose = usePurpose();
  const token = session?.accessToken ?? null;

  const fetcher = useMemo<Fetcher>(
    () => async (params, options) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          // Headers typed in GraphiQL's own editor first; the console's purpose and token win over them.
          ...(options?.headers as Record<string, string> | undefined),
          ...purposeHeaders(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(params.operationName === 'IntrospectionQuery' ? { ...params, query: INTROSPECTION } : params),
      });
      if (res.status === 401) signOut('unauthenticated');
      return res.json();
    },
    [token, signOut],
  );

  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = frame.current;
    if (!root) return;
    // The editors appear as GraphiQL mounts them (the variables and headers editors when first opened): look again
    // each time something is added below, once per animation frame at most.
    let pending = 0;
    const observer = new MutationObserver(() => {
      if (!pending) pending = requestAnimationFrame(() => {
        pending = 0;
        nameEditors(root);
      });
    });
    nameEditors(root);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(pending);
    };
  }, []);

  const sent = Object.entries(purposeHeaders(purpose)).map(([k, v]) => `${k}: ${decodeURIComponent(v)}`);
  return (
    <section aria-labelledby="explorer-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Typography.Title id="explorer-title" level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('explorer.title')}
      </Typography.Title>
      <Typography.Text>{t('explorer.signedInAs', { who: session ? `${session.label} (${session.id})` : '—' })}</Typography.Text>
      {session?.kind === 'CLIENT' && <Alert type="info" showIcon title={sent.length ? t('explorer.headersSent', { headers: sent.join('; ') }) : t('explorer.noPurpose')} />}
      <div ref={frame} className="explorer" style={{ height: 'max(520px, calc(100vh - 260px))', border: '1px solid #d9d9d9' }}>
        <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} storage={TAB_STORAGE} shouldPersistHeaders={false} />
      </div>
    </section>
  );
}
