import { useState } from 'react';
import { localize, type FieldDef, type LayoutTabs } from '@trellis/schema';
import { nextTabIndex } from '@trellis/ui';
import { useLocale } from '../i18n/use-t.js';
import { CanvasSection, type CanvasActions } from './canvas.js';
import { useDesignerT } from './designer-messages.js';

/** Props of a tab group on the canvas. */
export interface CanvasTabsProps {
  /** Index of the group among the form's layout nodes. */
  readonly group: number;
  readonly node: LayoutTabs;
  /** The designer section number of each tab's first section. */
  readonly firstSections: readonly number[];
  /** Number of sections in the whole form. */
  readonly count: number;
  readonly byKey: ReadonlyMap<string, FieldDef>;
  readonly selected: string | undefined;
  readonly actions: CanvasActions;
}

/**
 * A tab group on the designer canvas: a tab strip (click or arrow keys to show a tab), the
 * active tab's title and tools (rename, move left/right, remove, add a section), and the
 * active tab's sections, whose cards and drop zones work like any other section.
 */
export function CanvasTabs({ group, node, firstSections, count, byKey, selected, actions }: CanvasTabsProps) {
  const t = useDesignerT();
  const locale = useLocale();
  const [active, setActive] = useState(0);
  const current = Math.min(active, node.tabs.length - 1);
  const tab = node.tabs[current]!;
  const first = firstSections[current] ?? 0;
  const idBase = `designer-tabs-${group}`;
  return (
    <div className="designer-tabs" data-tab-group={group} aria-label={t('tabGroup')} role="group">
      <div className="designer-tabs-bar">
        <div role="tablist" className="tr-tablist">
          {node.tabs.map((x, i) => (
            <button
              key={i}
              type="button"
              role="tab"
              id={`${idBase}-tab-${i}`}
              aria-selected={i === current}
              aria-controls={`${idBase}-panel`}
              tabIndex={i === current ? 0 : -1}
              className={`tr-tab${i === current ? ' is-active' : ''}`}
              onClick={() => setActive(i)}
              onKeyDown={(e) => {
                const next = nextTabIndex(e.key, current, node.tabs.length);
                if (next === undefined) return;
                e.preventDefault();
                setActive(next);
                (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
              }}
            >
              {localize(x.title, locale) || t('tabN', { n: i + 1 })}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => { actions.addTab(group); setActive(node.tabs.length); }}>
          + {t('addTab')}
        </button>
        <button type="button" className="button" onClick={() => actions.removeTabGroup(group)}>
          {t('removeTabGroup')}
        </button>
      </div>
      <div role="tabpanel" id={`${idBase}-panel`} aria-labelledby={`${idBase}-tab-${current}`} className="designer-tabpanel">
        <div className="designer-section-bar">
          <input
            className="tr-input"
            aria-label={`${t('tabTitle')} ${current + 1}`}
            placeholder={t('tabN', { n: current + 1 })}
            value={localize(tab.title, locale)}
            onChange={(e) => actions.renameTab(group, current, e.target.value)}
          />
          <button type="button" className="button" aria-label={t('moveTabLeft')} title={t('moveTabLeft')} disabled={current === 0} onClick={() => { actions.moveTab(group, current, -1); setActive(current - 1); }}>
            ←
          </button>
          <button type="button" className="button" aria-label={t('moveTabRight')} title={t('moveTabRight')} disabled={current === node.tabs.length - 1} onClick={() => { actions.moveTab(group, current, 1); setActive(current + 1); }}>
            →
          </button>
          <button type="button" className="button" onClick={() => { actions.removeTab(group, current); setActive(Math.max(0, current - 1)); }}>
            {t('removeTab')}
          </button>
        </div>
        {tab.sections.map((section, j) => (
          <CanvasSection key={first + j} index={first + j} count={count} section={section} fields={section.fields.map((k) => byKey.get(k)!).filter(Boolean)} selected={selected} actions={actions} />
        ))}
        <button type="button" className="button designer-add-tab-section" onClick={() => actions.addSectionInTab(group, current)}>
          + {t('addSectionInTab')}
        </button>
      </div>
    </div>
  );
}
