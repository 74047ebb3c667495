// The header's tasks as a menu bar of links (WAI-ARIA menubar: arrow keys move, Enter follows), instead of antd's Menu,
// which with its overflow dropdown and motion is too heavy for the routes that must load little.
import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

export interface NavItem {
  key: string;
  label: string;
}

export function NavMenu({ items, selected }: { items: NavItem[]; selected: string }) {
  const navigate = useNavigate();
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  const current = Math.max(0, items.findIndex((i) => i.key === selected));
  const move = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    links.current[(index + step + items.length) % items.length]?.focus();
  };
  const follow = (e: MouseEvent, key: string) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(key);
  };
  return (
    <ul role="menubar" className="nav-menu">
      {items.map((item, i) => (
        <li key={item.key} role="none">
          <a
            ref={(el) => void (links.current[i] = el)}
            role="menuitem"
            href={`/console${item.key}`}
            aria-current={item.key === selected ? 'page' : undefined}
            tabIndex={i === current ? 0 : -1}
            className={item.key === selected ? 'nav-menu-item is-selected' : 'nav-menu-item'}
            onClick={(e) => follow(e, item.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
