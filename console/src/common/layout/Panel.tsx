// A bordered panel with a title bar: what the sign-in and window routes used antd's Card for, without Card's weight
// (Card brings Tabs, Skeleton and their menus along, and the window route must stay within its JavaScript budget).
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

export function Panel({ title, children, style, ...rest }: { title?: ReactNode; children: ReactNode; style?: CSSProperties } & Omit<HTMLAttributes<HTMLElement>, 'title' | 'style'>) {
  return (
    <section className="panel" style={style} {...rest}>
      {title && <div className="panel-title">{title}</div>}
      <div className="panel-body">{children}</div>
    </section>
  );
}
