import { useEffect, useState } from 'react';
import { addressHasDetail, addressLevel, isMultiple } from '@trellis/forms';
import { localize } from '@trellis/schema';
import { addressDraft, addressOptions, chooseAddressPart } from '../address-choices.js';
import { catalogText } from '../catalog-messages.js';
import { defineFieldWidget, type FieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTagsCell, formatTypedCell } from '../type-cell-format.js';

const LEVEL_DEPTH = { province: 1, city: 2, district: 3 } as const;

/**
 * Address: three cascading native selects (province → city → district; keyboard and screen
 * reader friendly) and a detail input. The first select carries the field's `id`; a select
 * stays disabled until its parent is chosen, and a city without districts (东莞市) shows none.
 */
export function AddressEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const draft = addressDraft(value);
  const options = addressOptions(draft);
  const depth = LEVEL_DEPTH[addressLevel(field)];
  const select = (level: 'province' | 'city' | 'district', i: number) => {
    const list = options[level];
    if (i > depth) return null;
    const parent = i === 1 ? 'root' : i === 2 ? draft.province : draft.city;
    if (parent !== null && i > 1 && list.length === 0) return null; // 东莞市: no districts
    const selectId = i === 1 ? id : `${id}-${level}`;
    return (
      <select
        key={level}
        id={selectId}
        name={`${field.key}.${level}`}
        className="tr-input tr-address-select"
        value={draft[level] ?? ''}
        onChange={(e) => onChange(chooseAddressPart(draft, level, e.target.value === '' ? null : e.target.value))}
        aria-label={i === 1 ? undefined : catalogText(locale, level)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled || parent === null}
      >
        <option value="">{`${catalogText(locale, level)}: ${catalogText(locale, 'choose')}`}</option>
        {list.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
    );
  };
  return (
    <div className="tr-address" role="group" aria-describedby={describedBy}>
      {select('province', 1)}
      {select('city', 2)}
      {select('district', 3)}
      {addressHasDetail(field) ? (
        <input
          id={`${id}-detail`}
          name={`${field.key}.detail`}
          type="text"
          className="tr-input tr-address-detail"
          value={draft.detail ?? ''}
          onChange={(e) => onChange(chooseAddressPart(draft, 'detail', e.target.value === '' ? null : e.target.value))}
          placeholder={localize(field.placeholder, locale) || catalogText(locale, 'detailPlaceholder')}
          aria-label={catalogText(locale, 'detail')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          maxLength={200}
          disabled={disabled}
        />
      ) : null}
    </div>
  );
}

const idsText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '');
const parseIds = (text: string): string[] | null => {
  const ids = text.split(/[\s,，;；、]+/).filter((s) => s !== '');
  return ids.length === 0 ? null : ids;
};

/**
 * Member and department, until the identity issue brings pickers: an id input (several
 * ids separated by commas when `multiple`), the chosen ids as removable chips, and a note
 * saying so. The forms engine checks the uuid format.
 */
export function IdsEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const multiple = isMultiple(field);
  const [draft, setDraft] = useState(() => idsText(value));
  useEffect(() => {
    const parsed = multiple ? parseIds(draft) : draft.trim() === '' ? null : draft.trim();
    if (JSON.stringify(parsed) !== JSON.stringify(value ?? null)) setDraft(idsText(value));
  }, [value]);
  const noteId = `${id}-note`;
  const ids = Array.isArray(value) ? value.map(String) : [];
  return (
    <div className="tr-ids">
      <input
        id={id}
        name={field.key}
        type="text"
        className="tr-input tr-input-ids"
        spellCheck={false}
        autoComplete="off"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(multiple ? parseIds(e.target.value) : e.target.value.trim() === '' ? null : e.target.value.trim());
        }}
        placeholder={localize(field.placeholder, locale)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={[describedBy, noteId].filter(Boolean).join(' ')}
        disabled={disabled}
      />
      {multiple && ids.length > 0 ? (
        <ul className="tr-chips">
          {ids.map((v) => (
            <li key={v} className="tr-chip">
              <span>{v}</span>
              <button
                type="button"
                className="tr-chip-remove"
                aria-label={`${catalogText(locale, 'removeId')} ${v}`}
                disabled={disabled}
                onClick={() => {
                  const rest = ids.filter((x) => x !== v);
                  onChange(rest.length === 0 ? null : rest);
                  setDraft(rest.join(', '));
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <small id={noteId} className="tr-field-note">
        {catalogText(locale, multiple ? 'idsNote' : 'idNote')}
      </small>
    </div>
  );
}

/**
 * A value the store fills (serial number, created/updated by/at): shown read-only, with a
 * note while the record is not saved yet.
 */
function makeStoreFilledView(pending: 'serialPending' | 'systemPending') {
  return function StoreFilledView({ field, value, id, describedBy, locale }: FieldWidgetProps) {
    const text = formatTypedCell()(value, field, locale);
    return (
      <output id={id} className="tr-readonly-value" aria-describedby={describedBy}>
        {text.kind === 'text' ? text.text : <span className="tr-muted">{catalogText(locale, pending)}</span>}
      </output>
    );
  };
}

/** The owner: a user id (empty on create = the creator), a user picker once identity lands. */
export function OwnerEditor(props: FieldWidgetProps) {
  const { locale, id, describedBy } = props;
  return (
    <>
      <IdsEditor {...props} describedBy={[describedBy, `${id}-owner`].filter(Boolean).join(' ')} />
      <small id={`${id}-owner`} className="tr-field-note">
        {catalogText(locale, 'ownerDefault')}
      </small>
    </>
  );
}

/** The widgets of address, member, department, serial and the system fields. */
export const catalogWidgets: readonly FieldWidget[] = [
  defineFieldWidget({ type: 'address', Editor: AddressEditor, formatCell: formatTypedCell(), fullWidth: true }),
  defineFieldWidget({ type: 'member', Editor: IdsEditor, formatCell: formatTagsCell }),
  defineFieldWidget({ type: 'department', Editor: IdsEditor, formatCell: formatTagsCell }),
  defineFieldWidget({ type: 'serial', Editor: makeStoreFilledView('serialPending'), formatCell: formatTypedCell() }),
  defineFieldWidget({ type: 'created_by', Editor: makeStoreFilledView('systemPending'), formatCell: formatTypedCell() }),
  defineFieldWidget({ type: 'created_at', Editor: makeStoreFilledView('systemPending'), formatCell: formatTypedCell() }),
  defineFieldWidget({ type: 'updated_by', Editor: makeStoreFilledView('systemPending'), formatCell: formatTypedCell() }),
  defineFieldWidget({ type: 'updated_at', Editor: makeStoreFilledView('systemPending'), formatCell: formatTypedCell() }),
  defineFieldWidget({ type: 'owner', Editor: OwnerEditor, formatCell: formatTypedCell() }),
];
