import { useRef, type KeyboardEvent } from 'react';
import { useAdminT } from './admin-messages.js';

/** The tabs of a record page. */
export type RecordTab = 'form' | 'history';

const TABS: readonly RecordTab[] = ['form', 'history'];

/** The id of a record tab's panel (for `aria-controls`). @example recordPanelId('history') // 'record-panel-history' */
export const recordPanelId = (tab: RecordTab): string => `record-panel-${tab}`;
/** The id of a record tab (for the panel's `aria-labelledby`). @example recordTabId('form') // 'record-tab-form' */
export const recordTabId = (tab: RecordTab): string => `record-tab-${tab}`;

/**
 * "Form | History" on a record page, as WAI-ARIA tabs: one tab stop, ←/→ (and Home/End)
 * move and activate.
 */
export function RecordTabs({ value, onChange }: { readonly value: RecordTab; readonly onChange: (tab: RecordTab) => void }) {
  const t = useAdminT();
  const refs = useRef<Partial<Record<RecordTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(value);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="admin-tabs" role="tablist" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          type="button"
          role="tab"
          id={recordTabId(tab)}
          aria-selected={value === tab}
          aria-controls={recordPanelId(tab)}
          tabIndex={value === tab ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {tab === 'form' ? t('tabForm') : t('tabHistory')}
        </button>
      ))}
    </div>
  );
}
