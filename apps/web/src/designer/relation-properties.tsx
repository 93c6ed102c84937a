import { fieldTypes, isColumnField, lookupValueType, ROLLUP_AGGREGATES } from '@trellis/forms';
import { localize, type AppPackage, type DefaultFromLinkage, type FieldDef, type FormDef } from '@trellis/schema';
import { ConditionBuilder } from '@trellis/ui';
import { useLocale } from '../i18n/use-t.js';
import { linkageRowChoices, withRowMapping } from './linkage-rows.js';
import { useRelationDesignerT } from './relation-designer-messages.js';

type Options = Readonly<Record<string, unknown>>;

/** Props of the relation-type option editors. */
export interface RelationPropertiesProps {
  readonly pkg: AppPackage;
  readonly form: FormDef;
  readonly field: FieldDef;
  readonly onChange: (options: Options) => void;
  readonly idBase: string;
}

/** The field types these editors serve instead of the generic options editor. */
export const RELATION_EDITOR_TYPES: ReadonlySet<string> = new Set(['relation', 'lookup', 'rollup']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const formOf = (pkg: AppPackage, key: string) => pkg.forms.find((f) => f.key === key);
const columnFields = (form: FormDef | undefined) => (form?.fields ?? []).filter((f) => isColumnField(f, fieldTypes));
const drop = (o: Options, ...names: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => !names.includes(k)));

function Select({ id, label, value, onChange, placeholder, items }: { id: string; label: string; value: string; onChange: (v: string) => void; placeholder: string; items: readonly { value: string; label: string }[] }) {
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="tr-input tr-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The options of a relation, lookup or rollup field, edited with the app's forms and fields
 * at hand: target form, multiple, display fields; lookup relation and field (recording the
 * resolved `valueType`); rollup source, aggregate, field and condition (the shared
 * `ConditionBuilder` over the source form).
 */
export function RelationProperties(props: RelationPropertiesProps) {
  if (props.field.type === 'relation') return <RelationTargetEditor {...props} />;
  if (props.field.type === 'lookup') return <LookupEditor {...props} />;
  return <RollupEditor {...props} />;
}

function RelationTargetEditor({ pkg, field, onChange, idBase }: RelationPropertiesProps) {
  const t = useRelationDesignerT();
  const locale = useLocale();
  const o: Options = field.options ?? {};
  const target = formOf(pkg, str(o['form']));
  const shown = Array.isArray(o['displayFields']) ? (o['displayFields'] as string[]) : [];
  return (
    <>
      <Select
        id={`${idBase}-form`}
        label={t('targetForm')}
        value={str(o['form'])}
        placeholder={t('chooseForm')}
        items={pkg.forms.map((f) => ({ value: f.key, label: `${localize(f.name, locale)} (${f.key})` }))}
        onChange={(form) => onChange(form === '' ? drop(o, 'form', 'displayFields') : { ...drop(o, 'displayFields'), form })}
      />
      <div className="designer-prop designer-check">
        <input id={`${idBase}-multiple`} type="checkbox" checked={o['multiple'] === true} onChange={(e) => onChange(e.target.checked ? { ...o, multiple: true } : drop(o, 'multiple'))} />
        <label htmlFor={`${idBase}-multiple`}>{t('multipleRecords')}</label>
      </div>
      {target ? (
        <fieldset className="designer-prop">
          <legend>{t('displayFields')}</legend>
          {columnFields(target).map((f) => (
            <div className="designer-check" key={f.key}>
              <input
                id={`${idBase}-show-${f.key}`}
                type="checkbox"
                checked={shown.includes(f.key)}
                onChange={(e) => {
                  const next = e.target.checked ? [...shown, f.key].slice(0, 5) : shown.filter((k) => k !== f.key);
                  onChange(next.length === 0 ? drop(o, 'displayFields') : { ...o, displayFields: next });
                }}
              />
              <label htmlFor={`${idBase}-show-${f.key}`}>{localize(f.label, locale)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

function LookupEditor({ pkg, form, field, onChange, idBase }: RelationPropertiesProps) {
  const t = useRelationDesignerT();
  const locale = useLocale();
  const o: Options = field.options ?? {};
  const relations = form.fields.filter((f) => f.type === 'relation');
  const relation = relations.find((f) => f.key === str(o['relation']));
  const target = relation ? formOf(pkg, str(relation.options?.['form'])) : undefined;
  // the value type follows the looked-up field; recorded so the field's type is known from the field alone
  const withType = (next: Record<string, unknown>) => {
    const vt = lookupValueType({ ...field, options: next }, form, pkg, fieldTypes);
    onChange(vt === undefined ? drop(next, 'valueType') : { ...next, valueType: vt });
  };
  if (relations.length === 0) return <p className="designer-hint">{t('noRelationHere')}</p>;
  return (
    <>
      <Select id={`${idBase}-relation`} label={t('lookupRelation')} value={str(o['relation'])} placeholder={t('chooseField')} items={relations.map((f) => ({ value: f.key, label: localize(f.label, locale) }))} onChange={(relation) => withType({ ...drop(o, 'field', 'valueType'), relation })} />
      <Select id={`${idBase}-field`} label={t('lookupField')} value={str(o['field'])} placeholder={t('chooseField')} items={columnFields(target).map((f) => ({ value: f.key, label: localize(f.label, locale) }))} onChange={(key) => withType(key === '' ? drop(o, 'field') : { ...o, field: key })} />
    </>
  );
}

function RollupEditor({ pkg, form, field, onChange, idBase }: RelationPropertiesProps) {
  const t = useRelationDesignerT();
  const locale = useLocale();
  const o: Options = field.options ?? {};
  const byRelation = typeof o['relation'] === 'string';
  const viaForms = pkg.forms.filter((f) => f.fields.some((x) => x.type === 'relation' && x.options?.['form'] === form.key));
  const multiples = form.fields.filter((f) => f.type === 'relation' && f.options?.['multiple'] === true);
  const source = byRelation ? formOf(pkg, str(multiples.find((f) => f.key === o['relation'])?.options?.['form'])) : formOf(pkg, str(o['form']));
  const aggregate = str(o['aggregate']) || 'count';
  const numeric = columnFields(source).filter((f) => {
    const vt = fieldTypes.valueType(f);
    return aggregate === 'sum' || aggregate === 'avg' ? vt === 'number' : vt === 'number' || vt === 'date' || vt === 'datetime';
  });
  const setField = (key: string, next: Record<string, unknown> = { ...o }) => {
    const f = source?.fields.find((x) => x.key === key);
    const vt = f ? fieldTypes.valueType(f) : undefined;
    const base = drop(next, 'field', 'valueType');
    if (key === '') return onChange(base);
    const minMax = base['aggregate'] === 'min' || base['aggregate'] === 'max';
    onChange({ ...base, field: key, ...(minMax && vt !== undefined && vt !== 'number' ? { valueType: vt } : {}) });
  };
  return (
    <>
      <fieldset className="designer-prop">
        <legend>{t('rollupSource')}</legend>
        <div className="designer-check">
          <input id={`${idBase}-via`} type="radio" name={`${idBase}-source`} checked={!byRelation} onChange={() => onChange({ aggregate })} />
          <label htmlFor={`${idBase}-via`}>{t('rollupVia')}</label>
        </div>
        <div className="designer-check">
          <input id={`${idBase}-rel`} type="radio" name={`${idBase}-source`} checked={byRelation} onChange={() => onChange({ aggregate, relation: multiples[0]?.key ?? '' })} />
          <label htmlFor={`${idBase}-rel`}>{t('rollupRelation')}</label>
        </div>
      </fieldset>
      {byRelation ? (
        multiples.length === 0 ? <p className="designer-hint">{t('noRelationHere')}</p> : (
          <Select id={`${idBase}-relation`} label={t('rollupRelationField')} value={str(o['relation'])} placeholder={t('chooseField')} items={multiples.map((f) => ({ value: f.key, label: localize(f.label, locale) }))} onChange={(relation) => onChange({ aggregate, relation })} />
        )
      ) : viaForms.length === 0 ? (
        <p className="designer-hint">{t('noViaForms')}</p>
      ) : (
        <>
          <Select id={`${idBase}-form`} label={t('rollupForm')} value={str(o['form'])} placeholder={t('chooseForm')} items={viaForms.map((f) => ({ value: f.key, label: localize(f.name, locale) }))} onChange={(key) => {
            const via = formOf(pkg, key)?.fields.find((x) => x.type === 'relation' && x.options?.['form'] === form.key)?.key;
            onChange({ aggregate, ...(key === '' ? {} : { form: key }), ...(via !== undefined ? { via } : {}) });
          }} />
          <Select id={`${idBase}-viafield`} label={t('rollupViaField')} value={str(o['via'])} placeholder={t('chooseField')} items={(formOf(pkg, str(o['form']))?.fields ?? []).filter((x) => x.type === 'relation' && x.options?.['form'] === form.key).map((x) => ({ value: x.key, label: localize(x.label, locale) }))} onChange={(via) => onChange({ ...drop(o, 'via'), ...(via === '' ? {} : { via }) })} />
        </>
      )}
      <Select
        id={`${idBase}-aggregate`}
        label={t('aggregate')}
        value={aggregate}
        placeholder={t('agg_count')}
        items={ROLLUP_AGGREGATES.filter((a) => a !== 'count').map((a) => ({ value: a, label: t(`agg_${a}`) }))}
        onChange={(a) => (a === '' || a === 'count' ? onChange({ ...drop(o, 'field', 'valueType'), aggregate: 'count' }) : setField(str(o['field']), { ...o, aggregate: a }))}
      />
      {aggregate !== 'count' ? (
        <Select id={`${idBase}-agg-field`} label={t('rollupField')} value={str(o['field'])} placeholder={t('chooseField')} items={numeric.map((f) => ({ value: f.key, label: localize(f.label, locale) }))} onChange={(key) => setField(key)} />
      ) : null}
      {source ? (
        <fieldset className="designer-prop">
          <legend>{t('rollupWhere')}</legend>
          <ConditionBuilder key={`${field.id}-${source.key}`} form={source} value={o['where']} locale={locale} catalog={fieldTypes} label={t('rollupWhere')} onChange={(where) => onChange(where === undefined ? drop(o, 'where') : { ...o, where })} />
        </fieldset>
      ) : null}
    </>
  );
}

/** Props of {@link LinkageEditor}. */
export interface LinkageEditorProps {
  readonly pkg: AppPackage;
  readonly form: FormDef;
  readonly field: FieldDef;
  readonly onChange: (next: DefaultFromLinkage | undefined) => void;
  readonly idBase: string;
}

/**
 * The data-linkage default of a field (`defaultFrom: { kind: 'linkage', form, match, take }`):
 * the source form, one or more match pairs (its field equals this form's field), and the
 * field to copy.
 */
export function LinkageEditor({ pkg, form, field, onChange, idBase }: LinkageEditorProps) {
  const t = useRelationDesignerT();
  const locale = useLocale();
  const linkage = field.defaultFrom?.kind === 'linkage' ? field.defaultFrom : undefined;
  const source = linkage ? formOf(pkg, linkage.form) : undefined;
  const theirs = columnFields(source).map((f) => ({ value: f.key, label: localize(f.label, locale) }));
  const ours = columnFields(form).filter((f) => f.key !== field.key).map((f) => ({ value: f.key, label: localize(f.label, locale) }));
  const set = (next: Partial<DefaultFromLinkage>) => onChange({ kind: 'linkage', form: '', match: [{ field: '', equals: '' }], take: '', ...linkage, ...next });
  return (
    <fieldset className="designer-options">
      <legend>{t('linkage')}</legend>
      <div className="designer-prop designer-check">
        <input id={`${idBase}-on`} type="checkbox" checked={linkage !== undefined} disabled={field.defaultFrom !== undefined && linkage === undefined} onChange={(e) => (e.target.checked ? set({}) : onChange(undefined))} />
        <label htmlFor={`${idBase}-on`}>{t('linkageOn')}</label>
      </div>
      {linkage ? (
        <>
          <Select id={`${idBase}-form`} label={t('linkageForm')} value={linkage.form} placeholder={t('chooseForm')} items={pkg.forms.map((f) => ({ value: f.key, label: localize(f.name, locale) }))} onChange={(key) => set({ form: key, match: [{ field: '', equals: '' }], take: '' })} />
          {linkage.match.map((pair, i) => (
            <div className="designer-linkage-pair" key={i}>
              <Select id={`${idBase}-m${i}-field`} label={t('linkageMatch')} value={pair.field} placeholder={t('chooseField')} items={theirs} onChange={(v) => set({ match: linkage.match.map((p, j) => (j === i ? { ...p, field: v } : p)) })} />
              <Select id={`${idBase}-m${i}-equals`} label={t('linkageEquals')} value={pair.equals} placeholder={t('chooseField')} items={ours} onChange={(v) => set({ match: linkage.match.map((p, j) => (j === i ? { ...p, equals: v } : p)) })} />
              {linkage.match.length > 1 ? (
                <button type="button" className="button button-small" onClick={() => set({ match: linkage.match.filter((_, j) => j !== i) })}>
                  {t('linkageRemovePair')}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" className="button button-small" onClick={() => set({ match: [...linkage.match, { field: '', equals: '' }] })}>
            {t('linkageAddPair')}
          </button>
          {field.type === 'subtable' ? (
            <LinkageRows source={source} field={field} linkage={linkage} idBase={idBase} onChange={(take, rows) => set({ take, rows })} />
          ) : (
            <Select id={`${idBase}-take`} label={t('linkageTake')} value={linkage.take} placeholder={t('chooseField')} items={theirs} onChange={(v) => set({ take: v })} />
          )}
        </>
      ) : null}
    </fieldset>
  );
}

/**
 * Data linkage of a sub-table: which sub-table of the matched record to copy, and for each
 * column of this one the column of that one it takes (only columns of the same value type
 * are offered; a column left unchosen stays empty).
 */
function LinkageRows({ source, field, linkage, idBase, onChange }: { source: FormDef | undefined; field: FieldDef; linkage: DefaultFromLinkage; idBase: string; onChange: (take: string, rows: Record<string, string>) => void }) {
  const t = useRelationDesignerT();
  const locale = useLocale();
  const tables = (source?.fields ?? []).filter((f) => f.type === 'subtable');
  const take = tables.find((f) => f.key === linkage.take);
  const rows = linkage.rows ?? {};
  return (
    <>
      <Select id={`${idBase}-take`} label={t('linkageTakeRows')} value={linkage.take} placeholder={t('chooseField')} items={tables.map((f) => ({ value: f.key, label: localize(f.label, locale) }))} onChange={(v) => onChange(v, {})} />
      {take === undefined
        ? null
        : linkageRowChoices(field, take).map(({ column, from }) => (
            <Select
              key={column.key}
              id={`${idBase}-row-${column.key}`}
              label={t('linkageRowColumn').replace('{column}', localize(column.label, locale) || column.key)}
              value={rows[column.key] ?? ''}
              placeholder={t('chooseField')}
              items={from.map((c) => ({ value: c.key, label: localize(c.label, locale) }))}
              onChange={(v) => onChange(linkage.take, withRowMapping(rows, column.key, v))}
            />
          ))}
    </>
  );
}
