// Tabs as the WAI-ARIA tabs pattern (arrow keys move between tabs): light, for routes that must load little.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  key: string;
  label: string;
  children: ReactNode;
}

export function TabSwitch({ items }: { items: TabItem[] }) {
  const [active, setActive] = useState(items[0]?.key);
  const id = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = items[(index + step + items.length) % items.length]!;
    setActive(next.key);
    buttons.current.get(next.key)?.focus();
  };
  return (
    <div className="tab-switch">
      <div role="tablist" className="tab-switch-list">
        {items.map((item, i) => (
          <button
            key={item.key}
            ref={(el) => void (el ? buttons.current.set(item.key, el) : buttons.current.delete(item.key))}
            type="button"
            role="tab"
            id={`${id}-tab-${item.key}`}
            aria-selected={item.key === active}
            aria-controls={`${id}-panel-${item.key}`}
            tabIndex={item.key === active ? 0 : -1}
            className={item.key === active ? 'tab-switch-tab is-active' : 'tab-switch-tab'}
            onClick={() => setActive(item.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) =>
        item.key === active ? (
          <div key={item.key} role="tabpanel" id={`${id}-panel-${item.key}`} aria-labelledby={`${id}-tab-${item.key}`} className="tab-switch-panel">
            {item.children}
          </div>
        ) : null,
      )}
    </div>
  );
}
