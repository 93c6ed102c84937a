import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { localize, type FieldDef } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { relationCell } from '../relation-cell.js';
import { relationText } from '../relation-messages.js';
import { optionDetail, optionLabel, useRelationSource, type RelationOption, type RelationSearchResult } from '../relation-source.js';

/** How long typing must pause before the picker asks the server (ms). */
export const RELATION_SEARCH_DEBOUNCE_MS = 250;

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []);

/**
 * The editor of a relation field: a combobox that searches the target form as the person
 * types (debounced, through the app's `RelationSource`), a results list with the title and
 * display fields of each record (arrows move, Enter picks, Escape closes), chosen records as
 * chips (several for a multiple relation) with a remove button each.
 */
export function RelationEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const source = useRelationSource();
  const multiple = field.options?.['multiple'] === true;
  const ids = idsOf(value);
  const idsKey = ids.join(',');
  const [labels, setLabels] = useState<Readonly<Record<string, RelationOption>>>({});
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<RelationSearchResult | null>(null);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = `${id}-results`;

  // Names of chosen records the app did not hand us yet (a value set by linkage, say).
  useEffect(() => {
    if (source === null) return;
    const missing = idsKey === '' ? [] : idsKey.split(',').filter((i) => labels[i] === undefined && source.known?.(field, i) === undefined);
    if (missing.length === 0) return;
    let cancelled = false;
    source.resolve(field, missing).then(
      (found) => {
        if (!cancelled) setLabels((l) => ({ ...l, ...Object.fromEntries(found.map((o) => [o.id, o])) }));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels are an output of this effect
  }, [idsKey, source, field]);

  useEffect(() => {
    if (!open || source === null) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      source.search(field, text.trim(), controller.signal).then(
        (r) => {
          if (controller.signal.aborted) return;
          setResults(r);
          setFailed(false);
          setActive(r.items.length > 0 ? 0 : -1);
          setLoading(false);
        },
        () => {
          if (controller.signal.aborted) return;
          setResults({ items: [], hasMore: false });
          setFailed(true);
          setLoading(false);
        },
      );
    }, RELATION_SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, source, field]);

  const labelOf = (rid: string): RelationOption | undefined => labels[rid] ?? source?.known?.(field, rid);
  const choose = (option: RelationOption) => {
    setLabels((l) => ({ ...l, [option.id]: option }));
    setText('');
    if (multiple) {
      if (!ids.includes(option.id)) onChange([...ids, option.id]);
    } else {
      onChange(option.id);
      setOpen(false);
    }
  };
  const remove = (rid: string) => {
    const next = ids.filter((x) => x !== rid);
    onChange(multiple && next.length > 0 ? next : null);
    inputRef.current?.focus();
  };

  const items = results?.items ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => (items.length === 0 ? -1 : (a + 1) % items.length));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open) setActive((a) => (items.length === 0 ? -1 : (a - 1 + items.length) % items.length));
        break;
      case 'Enter':
        if (open) {
          e.preventDefault(); // never submits the form while the list is open
          const option = items[active];
          if (option !== undefined && !loading) choose(option);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
      case 'Backspace':
        if (text === '' && ids.length > 0 && multiple) remove(ids[ids.length - 1]!);
        break;
    }
  };

  const chips = useMemo(() => ids, [idsKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const activeId = open && active >= 0 && active < items.length ? `${id}-option-${active}` : undefined;
  const placeholder = localize(field.placeholder, locale) || relationText(locale, 'relationSearch');
  return (
    <div className={['tr-relation', open ? 'tr-relation-open' : '', disabled ? 'tr-relation-disabled' : ''].filter(Boolean).join(' ')}>
      {chips.length > 0 ? (
        <ul className="tr-relation-chips">
          {chips.map((rid) => {
            const option = labelOf(rid);
            const label = option ? optionLabel(option) : rid.slice(0, 8);
            return (
              <li key={rid} className="tr-relation-chip" title={option ? optionDetail(option) || undefined : undefined}>
                <span className="tr-relation-chip-label">{label}</span>
                {disabled ? null : (
                  <button type="button" className="tr-relation-chip-remove" aria-label={`${relationText(locale, multiple ? 'relationRemove' : 'relationClear')} ${label}`} onClick={() => remove(rid)}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        name={field.key}
        type="text"
        role="combobox"
        className="tr-input tr-relation-input"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled || source === null}
        title={source === null ? relationText(locale, 'relationUnavailable') : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {open ? (
        <ul id={listId} role="listbox" className="tr-relation-results" aria-label={relationText(locale, 'relationResults')}>
          {items.map((option, i) => {
            const detail = optionDetail(option);
            const chosen = ids.includes(option.id);
            return (
              <li
                key={option.id}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                className={['tr-relation-option', i === active ? 'is-active' : '', chosen ? 'is-chosen' : ''].filter(Boolean).join(' ')}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep focus in the input
                  choose(option);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="tr-relation-option-title">{optionLabel(option)}</span>
                {detail !== '' ? <span className="tr-relation-option-detail">{detail}</span> : null}
              </li>
            );
          })}
          {loading && items.length === 0 ? <li className="tr-relation-note">{relationText(locale, 'relationSearching')}</li> : null}
          {!loading && items.length === 0 ? <li className="tr-relation-note">{relationText(locale, failed ? 'relationUnavailable' : 'relationNoResults')}</li> : null}
          {!loading && results?.hasMore ? <li className="tr-relation-note">{relationText(locale, 'relationMore')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

/** The built-in widget of the `relation` field type; list cells show the related titles. */
export const relationWidget = defineFieldWidget({
  type: 'relation',
  Editor: RelationEditor,
  formatCell: (value: unknown, _field: FieldDef, locale: string, context) => relationCell(value, context?.related, locale),
});
