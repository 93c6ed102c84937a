import { useState } from 'react';
import type { FormDef, LocalizedText, SelectChoice } from '@trellis/schema';
import { FormulaEditor } from './formula-editor.js';
import { ChoicesEditor } from './choices-editor.js';
import { useLocale } from '../i18n/use-t.js';
import { LocalizedInputs } from './localized-input.js';
import { optionName } from './option-names.js';
import { optionValueName } from './catalog-option-values.js';
import { FileSizeOption, StringListOption } from './file-option-editors.js';

/** The part of JSON Schema the options editor reads. */
interface PropSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly items?: PropSchema;
  readonly properties?: Readonly<Record<string, PropSchema>>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly title?: unknown;
}

/** How one option is edited, from its schema. */
export type OptionEditorKind = 'choices' | 'localized' | 'boolean' | 'number' | 'bytes' | 'enum' | 'text' | 'list' | 'json';

/**
 * Picks the editor of one option from its JSON Schema: a choice list (items with `value`
 * and `label`), a localized text (string or object), boolean, number, enum, text, else JSON.
 *
 * @example optionEditorKind({ type: 'integer', minimum: 0 }) // 'number'
 */
export function optionEditorKind(schema: PropSchema, name?: string): OptionEditorKind {
  const type = schema.type;
  if (type === 'array' && schema.items?.properties?.['value'] && schema.items.properties['label']) return 'choices';
  if (Array.isArray(type) && type.includes('string') && type.includes('object')) return 'localized';
  if (type === 'array' && schema.items?.type === 'string' && schema.items.enum === undefined) return 'list';
  if (type === 'boolean') return 'boolean';
  if (name === 'maxSize' && type === 'integer') return 'bytes';
  if (type === 'integer' || type === 'number') return 'number';
  if (schema.enum) return 'enum';
  if (type === 'string') return 'text';
  return 'json';
}

/** Renders an input per property of a field type's options schema. */
export function OptionsEditor({ idBase, schema, value, onChange, formula }: { idBase: string; schema: { properties?: Readonly<Record<string, PropSchema>> } | undefined; value: Readonly<Record<string, unknown>>; onChange: (next: Record<string, unknown>) => void; /** The form and field a `formula` option belongs to: it gets the formula editor. */ formula?: { readonly form: FormDef; readonly fieldKey: string } }) {
  const locale = useLocale();
  const props = Object.entries(schema?.properties ?? {});
  if (props.length === 0) return null;
  const set = (name: string, v: unknown) => {
    const next: Record<string, unknown> = { ...value };
    if (v === undefined || v === '') delete next[name];
    else next[name] = v;
    onChange(next);
  };
  return (
    <>
      {props.map(([name, prop]) => (
        name === 'formula' && formula && prop.type === 'string' ? (
          <FormulaEditor key={name} id={`${idBase}-${name}`} label={optionName(name, locale)} form={formula.form} fieldKey={formula.fieldKey} value={typeof value[name] === 'string' ? value[name] : ''} onChange={(v) => set(name, v)} />
        ) : (
          <OptionInput key={name} id={`${idBase}-${name}`} name={name} schema={prop} value={value[name]} onChange={(v) => set(name, v)} />
        )
      ))}
    </>
  );
}

function OptionInput({ id, name: key, schema, value, onChange }: { id: string; name: string; schema: PropSchema; value: unknown; onChange: (v: unknown) => void }) {
  const locale = useLocale();
  const name = optionName(key, locale, schema.title);
  const kind = optionEditorKind(schema, key);
  switch (kind) {
    case 'choices':
      return <ChoicesEditor value={Array.isArray(value) ? (value as SelectChoice[]) : []} onChange={onChange} />;
    case 'localized':
      // long texts (a description's text) are edited in text areas, so line breaks can be typed
      return <LocalizedInputs idBase={id} labels={[`${name} (中文)`, `${name} (English)`]} value={value as LocalizedText | undefined} onChange={onChange} multiline={(schema.maxLength ?? 0) > 500} />;
    case 'boolean':
      return (
        <div className="designer-prop designer-check">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
          <label htmlFor={id}>{name}</label>
        </div>
      );
    case 'number':
      return (
        <div className="designer-prop">
          <label htmlFor={id}>{name}</label>
          <input
            id={id}
            className="tr-input"
            type="number"
            min={schema.minimum}
            max={schema.maximum}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </div>
      );
    case 'bytes':
      return <FileSizeOption id={id} name={name} value={value} onChange={onChange} />;
    case 'list':
      return <StringListOption id={id} name={name} value={value} placeholder={key === 'accept' ? '.pdf, .docx, image/*' : undefined} onChange={onChange} />;
    case 'enum':
      return (
        <div className="designer-prop">
          <label htmlFor={id}>{name}</label>
          <select id={id} className="tr-input tr-select" value={String(value ?? '')} onChange={(e) => onChange(e.target.value === '' ? undefined : schema.enum!.find((x) => String(x) === e.target.value))}>
            <option value="">—</option>
            {schema.enum!.map((x) => (
              <option key={String(x)} value={String(x)}>
                {optionValueName(key, x, locale)}
              </option>
            ))}
          </select>
        </div>
      );
    case 'text':
      return (
        <div className="designer-prop">
          <label htmlFor={id}>{name}</label>
          <input id={id} className="tr-input" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
    default:
      return <JsonOption id={id} name={name} value={value} onChange={onChange} />;
  }
}

function JsonOption({ id, name, value, onChange }: { id: string; name: string; value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value)));
  const [bad, setBad] = useState(false);
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{name} (JSON)</label>
      <textarea
        id={id}
        className="tr-input"
        rows={2}
        aria-invalid={bad}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          try {
            onChange(text.trim() === '' ? undefined : JSON.parse(text));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
    </div>
  );
}
