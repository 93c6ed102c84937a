import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { localize } from '@trellis/schema';
import type { FieldErrors } from './field-errors.js';
import type { FormSection, FormTab } from './form-sections.js';
import { nextTabIndex } from './tab-keys.js';
import { uiText } from './ui-messages.js';

/** Props of `FormTabs`. */
export interface FormTabsProps {
  readonly tabs: readonly FormTab[];
  /** Messages per field key: a tab holding a field with a message shows a marker. */
  readonly errors: FieldErrors;
  readonly locale: string;
  /** Prefix of the tab and panel ids (unique on the page). */
  readonly idPrefix: string;
  /** Draws one section of a tab (the form renderer's own section drawing). */
  readonly renderSection: (section: FormSection, index: number) => ReactNode;
  /** Index of the tab shown first (default 0). */
  readonly initialTab?: number;
}

/**
 * A tab group of a form, following the WAI-ARIA tabs pattern: a `tablist` of `tab` buttons
 * (one in the Tab order; arrow keys, Home and End move between them and open the tab they
 * reach) and one `tabpanel` per tab. Every panel stays in the document — inactive ones are
 * `hidden` — so fields on other tabs keep their input and still validate; a tab holding a
 * field with an error shows a marker, and `revealField` opens a hidden field's tab.
 *
 * @example <FormTabs tabs={block.tabs} errors={errors} locale="en" idPrefix="field-tabs-0" renderSection={drawSection} />
 */
export function FormTabs({ tabs, errors, locale, idPrefix, renderSection, initialTab = 0 }: FormTabsProps) {
  const [active, setActive] = useState(() => Math.min(Math.max(0, initialTab), tabs.length - 1));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, tabs.length - 1);
  const select = (index: number, focus: boolean) => {
    setActive(index);
    if (focus) buttons.current[index]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = nextTabIndex(e.key, current, tabs.length);
    if (next === undefined) return;
    e.preventDefault();
    select(next, true);
  };
  return (
    <div className="tr-form-tabs" data-tab-group={idPrefix}>
      <div role="tablist" className="tr-tablist" aria-orientation="horizontal">
        {tabs.map((tab, i) => {
          const invalid = tab.sections.some((s) => s.fields.some((f) => (errors[f.key] ?? []).length > 0));
          return (
            <button
              key={i}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${i}`}
              aria-controls={`${idPrefix}-panel-${i}`}
              aria-selected={i === current}
              tabIndex={i === current ? 0 : -1}
              className={`tr-tab${i === current ? ' is-active' : ''}${invalid ? ' tr-tab-invalid' : ''}`}
              data-tab-index={i}
              onClick={() => select(i, false)}
              onKeyDown={onKeyDown}
            >
              {localize(tab.title, locale)}
              {invalid ? (
                <span className="tr-tab-error-mark" title={uiText(locale, 'tabHasErrors')}>
                  <span aria-hidden="true">●</span>
                  <span className="tr-visually-hidden">{uiText(locale, 'tabHasErrors')}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {tabs.map((tab, i) => (
        <div key={i} role="tabpanel" id={`${idPrefix}-panel-${i}`} aria-labelledby={`${idPrefix}-tab-${i}`} hidden={i !== current} className="tr-tabpanel" tabIndex={0}>
          {tab.sections.map((section, j) => renderSection(section, j))}
        </div>
      ))}
    </div>
  );
}
