import { useEffect, useState } from 'react';
import { fieldTypes } from '@trellis/forms';
import { localize, type AppPackage, type FieldDef, type FormDef } from '@trellis/schema';
import { LinkageEditor, RELATION_EDITOR_TYPES, RelationProperties } from './relation-properties.js';
import { ConditionBuilder } from '@trellis/ui';
import { useLocale } from '../i18n/use-t.js';
import { useDesignerT } from './designer-messages.js';
import { LocalizedInputs } from './localized-input.js';
import { CascadeEditor } from './cascade-editor.js';
import { OptionsEditor } from './options-editor.js';
import { SerialPreview } from './serial-preview.js';
import { panelOptionsSchema } from './subtable-ops.js';
import { DefaultFromEditor } from './default-from-editor.js';

/** Props of the properties panel. */
export interface PropertiesPanelProps {
  readonly form: FormDef;
  readonly field: FieldDef | undefined;
  /** Problems of this field from the draft checks, by property (`key`, `options`, …). */
  readonly problems: (property: string) => string[];
  readonly onChange: (next: FieldDef) => void;
  /** The whole draft, for editors that pick other forms (relations, lookups, rollups, data linkage). */
  readonly pkg?: AppPackage;
}

function without<T extends object>(obj: T, name: keyof T): T {
  const { [name]: _gone, ...rest } = obj;
  return rest as T;
}

/** Every property of the selected field: labels, key, texts, required, default, type options, visible-when. */
export function PropertiesPanel({ form, field, problems, onChange, pkg }: PropertiesPanelProps) {
  const t = useDesignerT();
  const locale = useLocale();
  if (field === undefined) {
    return (
      <aside className="designer-properties" aria-label={t('properties')}>
        <h2 className="designer-panel-title">{t('properties')}</h2>
        <p className="designer-hint">{t('noSelection')}</p>
      </aside>
    );
  }
  const set = <K extends keyof FieldDef>(name: K, value: FieldDef[K] | undefined) => onChange(value === undefined ? without(field, name) : { ...field, [name]: value });
  const type = fieldTypes.get(field.type);
  const others: FormDef = { ...form, fields: form.fields.filter((f) => f.key !== field.key) };
  const idBase = `prop-${field.id}`;
  const keyProblems = problems('key');
  const storesValue = type === undefined || (type.storesValue ?? true);
  // the cascade option has its own editor (it needs the other fields of the form)
  const hasCascade = (type?.optionsSchema as { properties?: Record<string, unknown> } | undefined)?.properties?.['cascade'] !== undefined;
  const optionsSchema = hasCascade ? { ...type!.optionsSchema, properties: without((type!.optionsSchema as { properties: Record<string, unknown> }).properties, 'cascade') } : type?.optionsSchema;
  return (
    <aside className="designer-properties" aria-label={t('properties')}>
      <h2 className="designer-panel-title">
        {t('properties')} · {localize(type?.label ?? field.type, locale)}
      </h2>
      <LocalizedInputs idBase={`${idBase}-label`} labels={[t('labelZh'), t('labelEn')]} value={field.label} onChange={(v) => onChange({ ...field, label: v ?? '' })} />
      <KeyInput id={`${idBase}-key`} label={t('key')} value={field.key} problems={keyProblems} onChange={(key) => onChange({ ...field, key })} />
      <LocalizedInputs idBase={`${idBase}-desc`} labels={[t('descriptionZh'), t('descriptionEn')]} value={field.description} onChange={(v) => set('description', v)} />
      {storesValue ? (
        <>
          <LocalizedInputs idBase={`${idBase}-ph`} labels={[t('placeholderZh'), t('placeholderEn')]} value={field.placeholder} onChange={(v) => set('placeholder', v)} />
          <div className="designer-prop designer-check">
            <input id={`${idBase}-required`} type="checkbox" checked={field.required === true} onChange={(e) => set('required', e.target.checked ? true : undefined)} />
            <label htmlFor={`${idBase}-required`}>{t('required')}</label>
          </div>
        </>
      ) : null}
      {type && (type.storesValue ?? true) && field.type !== 'formula' ? <DefaultValueInput id={`${idBase}-default`} label={t('defaultValue')} field={field} onChange={(v) => set('defaultValue', v)} /> : null}
      {type && (type.storesValue ?? true) && field.type !== 'formula' ? <DefaultFromEditor id={`${idBase}-default-from`} form={form} field={field} onChange={(v) => set('defaultFrom', v)} /> : null}
      {type?.optionsSchema ? (
        <fieldset className="designer-options">
          <legend>{t('typeOptions')}</legend>
          {pkg && RELATION_EDITOR_TYPES.has(field.type) ? (
            <RelationProperties pkg={pkg} form={form} field={field} idBase={`${idBase}-opt`} onChange={(o) => set('options', Object.keys(o).length === 0 ? undefined : o)} />
          ) : (
            <OptionsEditor idBase={`${idBase}-opt`} schema={panelOptionsSchema(optionsSchema) as never} value={field.options ?? {}} formula={{ form, fieldKey: field.key }} onChange={(o) => set('options', Object.keys(o).length === 0 ? undefined : o)} />
          )}
          <SerialPreview field={field} locale={locale} />
          {problems('options').map((m, i) => (
            <p key={i} className="tr-field-error">
              {m}
            </p>
          ))}
        </fieldset>
      ) : null}
      {hasCascade ? (
        <CascadeEditor form={form} field={field} idBase={`${idBase}-cascade`} onChange={(c) => set('options', c === undefined ? without(field.options ?? {}, 'cascade') : { ...field.options, cascade: c })} />
      ) : null}
      {pkg && type && (type.storage === undefined || fieldTypes.storage(field) === 'column' || field.type === 'subtable') && (type.storesValue ?? true) ? (
        <LinkageEditor pkg={pkg} form={form} field={field} idBase={`${idBase}-link`} onChange={(d) => set('defaultFrom', d)} />
      ) : null}
      <fieldset className="designer-options">
        <legend>{t('visibleWhen')}</legend>
        <ConditionBuilder key={field.id} form={others} value={field.visibleWhen} locale={locale} catalog={fieldTypes} label={t('visibleWhen')} onChange={(c) => set('visibleWhen', c)} />
      </fieldset>
      {storesValue ? (
        <fieldset className="designer-options">
          <legend>{t('readOnlyWhen')}</legend>
          <ConditionBuilder key={`${field.id}-ro`} form={others} value={field.readOnlyWhen} locale={locale} catalog={fieldTypes} label={t('readOnlyWhen')} onChange={(c) => set('readOnlyWhen', c)} />
        </fieldset>
      ) : null}
    </aside>
  );
}

function KeyInput({ id, label, value, problems, onChange }: { id: string; label: string; value: string; problems: string[]; onChange: (key: string) => void }) {
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="tr-input" spellCheck={false} aria-invalid={problems.length > 0} aria-describedby={problems.length > 0 ? `${id}-err` : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
      {problems.length > 0 ? (
        <p id={`${id}-err`} className="tr-field-error" role="alert">
          {problems.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function DefaultValueInput({ id, label, field, onChange }: { id: string; label: string; field: FieldDef; onChange: (v: unknown) => void }) {
  const valueType = fieldTypes.has(field.type) ? fieldTypes.valueType(field) : 'text';
  const [text, setText] = useState(() => (field.defaultValue === undefined ? '' : typeof field.defaultValue === 'string' ? field.defaultValue : JSON.stringify(field.defaultValue)));
  useEffect(() => {
    setText(field.defaultValue === undefined ? '' : typeof field.defaultValue === 'string' ? field.defaultValue : JSON.stringify(field.defaultValue));
  }, [field.defaultValue]);
  if (valueType === 'boolean') {
    return (
      <div className="designer-prop designer-check">
        <input id={id} type="checkbox" checked={field.defaultValue === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  const commit = (raw: string) => {
    if (raw.trim() === '') return onChange(undefined);
    if (valueType === 'number') {
      const n = Number(raw);
      return onChange(Number.isFinite(n) ? n : raw);
    }
    if (valueType === 'text_list' || valueType === 'json') {
      try {
        return onChange(JSON.parse(raw));
      } catch {
        return onChange(raw.split(',').map((s) => s.trim()).filter(Boolean));
      }
    }
    return onChange(raw);
  };
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="tr-input" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => commit(text)} />
    </div>
  );
}
