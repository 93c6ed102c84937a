import { fieldTypes } from '@trellis/forms';
import { localize, type AppPackage, type FormDef, type PrintBlock, type PrintTemplate } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { useDesignerT, type DesignerMessageKey } from './designer-messages.js';
import { textIn, withText } from './localized-input.js';
import { addPrintBlock, addPrintTemplate, movePrintBlock, removePrintBlock, removePrintTemplate, toggleBlockField, updatePrintBlock, updatePrintTemplate } from './print-template-ops.js';

/** Props of the print template editor. */
export interface PrintTemplatesEditorProps {
  readonly form: FormDef;
  /** Applies a draft change through the designer store (undo/redo); `mergeKey` joins typing into one step. */
  readonly apply: (change: (pkg: AppPackage) => AppPackage, mergeKey?: string) => void;
}

const BLOCK_LABELS: Record<PrintBlock['kind'], DesignerMessageKey> = {
  fields: 'printBlockFields',
  text: 'printBlockText',
  subtable: 'printBlockSubtable',
  signature: 'printBlockSignature',
  approvals: 'printBlockApprovals',
};

/**
 * A simple editor of a form's print templates: name, paper, orientation, header and footer;
 * blocks to add (fields, text, sub-table, signature, approval history), reorder and remove;
 * per fields block, tick the fields it prints.
 */
export function PrintTemplatesEditor({ form, apply }: PrintTemplatesEditorProps) {
  const t = useDesignerT();
  const locale = useLocale();
  const valueFields = form.fields.filter((f) => fieldTypes.has(f.type) && fieldTypes.storesValue(f));
  const subtables = valueFields.filter((f) => fieldTypes.storage(f) === 'child_table');
  const templates = form.printTemplates ?? [];
  return (
    <details className="designer-print" open={templates.length > 0 || undefined}>
      <summary className="designer-panel-title">{t('printTemplates')}</summary>
      {templates.length === 0 ? <p className="designer-hint">{t('printNoTemplates')}</p> : null}
      {templates.map((template, ti) => (
        <TemplateEditor key={ti} form={form} index={ti} template={template} apply={apply} valueKeys={valueFields.map((f) => f.key)} subtables={subtables.map((f) => f.key)} locale={locale} />
      ))}
      <button
        type="button"
        className="button"
        onClick={() => apply((p) => addPrintTemplate(p, form.key, { 'zh-CN': `${localize(form.name, 'zh-CN')}打印单`, en: `${localize(form.name, 'en')} sheet` }, valueFields.filter((f) => fieldTypes.storage(f) !== 'child_table').map((f) => f.key)))}
      >
        + {t('printAddTemplate')}
      </button>
    </details>
  );
}

function TemplateEditor({ form, index, template, apply, valueKeys, subtables, locale }: { form: FormDef; index: number; template: PrintTemplate; apply: PrintTemplatesEditorProps['apply']; valueKeys: string[]; subtables: string[]; locale: 'zh-CN' | 'en' }) {
  const t = useDesignerT();
  const id = `print-${index}`;
  const set = (change: Partial<Omit<PrintTemplate, 'blocks'>>, merge?: string) => apply((p) => updatePrintTemplate(p, form.key, index, change), merge);
  const label = (key: string) => localize(form.fields.find((f) => f.key === key)?.label, locale) || key;
  const addable: PrintBlock[] = [{ kind: 'fields', fields: [], columns: 2 }, { kind: 'text', text: t('printBlockText') }, ...(subtables[0] ? [{ kind: 'subtable' as const, field: subtables[0] }] : []), { kind: 'signature' }, { kind: 'approvals' }];
  return (
    <fieldset className="designer-options" data-print-template={template.key}>
      <legend>
        {localize(template.name, locale)} · {template.key}
      </legend>
      <div className="designer-prop">
        <label htmlFor={`${id}-name`}>{t('printTemplateName')}</label>
        <input id={`${id}-name`} className="tr-input" value={textIn(template.name, locale)} onChange={(e) => set({ name: withText(template.name, locale, e.target.value) ?? template.key }, `${id}-name`)} />
      </div>
      <div className="designer-prop designer-inline">
        <label htmlFor={`${id}-paper`}>{t('printPaper')}</label>
        <select id={`${id}-paper`} className="tr-input tr-select" value={template.paper ?? 'A4'} onChange={(e) => set({ paper: e.target.value as PrintTemplate['paper'] })}>
          {['A4', 'A5', 'Letter'].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-orientation`}>{t('printOrientation')}</label>
        <select id={`${id}-orientation`} className="tr-input tr-select" value={template.orientation ?? 'portrait'} onChange={(e) => set({ orientation: e.target.value as PrintTemplate['orientation'] })}>
          <option value="portrait">{t('printPortrait')}</option>
          <option value="landscape">{t('printLandscape')}</option>
        </select>
      </div>
      {(['header', 'footer'] as const).map((part) => (
        <div className="designer-prop" key={part}>
          <label htmlFor={`${id}-${part}`}>{t(part === 'header' ? 'printHeader' : 'printFooter')}</label>
          <input id={`${id}-${part}`} className="tr-input" value={textIn(template[part], locale)} onChange={(e) => set({ [part]: withText(template[part], locale, e.target.value) }, `${id}-${part}`)} />
        </div>
      ))}
      {template.blocks.map((block, bi) => (
        <div key={bi} className="designer-print-block" data-print-block={block.kind}>
          <div className="designer-print-block-bar">
            <strong>{t(BLOCK_LABELS[block.kind])}</strong>
            <button type="button" className="button" aria-label={t('printMoveUp')} disabled={bi === 0} onClick={() => apply((p) => movePrintBlock(p, form.key, index, bi, -1))}>
              ↑
            </button>
            <button type="button" className="button" aria-label={t('printMoveDown')} disabled={bi === template.blocks.length - 1} onClick={() => apply((p) => movePrintBlock(p, form.key, index, bi, 1))}>
              ↓
            </button>
            <button type="button" className="button" aria-label={t('printRemoveBlock')} onClick={() => apply((p) => removePrintBlock(p, form.key, index, bi))}>
              ✕
            </button>
          </div>
          <BlockBody block={block} id={`${id}-b${bi}`} valueKeys={valueKeys} subtables={subtables} label={label} locale={locale} onChange={(next, merge) => apply((p) => updatePrintBlock(p, form.key, index, bi, next), merge)} form={form} />
        </div>
      ))}
      <div className="designer-inline">
        <span>{t('printAddBlock')}:</span>
        {addable.map((b) => (
          <button key={b.kind} type="button" className="button" onClick={() => apply((p) => addPrintBlock(p, form.key, index, b))}>
            + {t(BLOCK_LABELS[b.kind])}
          </button>
        ))}
      </div>
      <button type="button" className="button button-danger-outline" onClick={() => apply((p) => removePrintTemplate(p, form.key, index))}>
        {t('printRemoveTemplate')}
      </button>
    </fieldset>
  );
}

function BlockBody({ block, id, valueKeys, subtables, label, locale, onChange, form }: { block: PrintBlock; id: string; valueKeys: string[]; subtables: string[]; label: (key: string) => string; locale: 'zh-CN' | 'en'; onChange: (next: PrintBlock, merge?: string) => void; form: FormDef }) {
  const t = useDesignerT();
  switch (block.kind) {
    case 'fields':
      return (
        <>
          <div className="designer-print-fields">
            {valueKeys.map((k) => (
              <span key={k} className="designer-inline">
                <input id={`${id}-${k}`} type="checkbox" checked={block.fields.includes(k)} onChange={(e) => onChange(toggleBlockField(form, block, k, e.target.checked))} />
                <label htmlFor={`${id}-${k}`}>{label(k)}</label>
              </span>
            ))}
          </div>
          <label className="designer-inline">
            {t('printColumns')}
            <select className="tr-input tr-select" value={block.columns ?? 2} onChange={(e) => onChange({ ...block, columns: Number(e.target.value) })}>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </>
      );
    case 'text':
      return <textarea aria-label={t('printBlockText')} className="tr-input" rows={2} value={textIn(block.text, locale)} onChange={(e) => onChange({ ...block, text: withText(block.text, locale, e.target.value) ?? '' }, `${id}-text`)} />;
    case 'subtable':
      return (
        <select aria-label={t('printBlockSubtable')} className="tr-input tr-select" value={block.field} onChange={(e) => onChange({ ...block, field: e.target.value })}>
          {subtables.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      );
    case 'signature':
      return (
        <label className="designer-prop">
          {t('printSignatureField')}
          <select
            className="tr-input tr-select"
            value={block.field ?? ''}
            onChange={(e) => {
              const { field: _old, ...rest } = block;
              onChange(e.target.value === '' ? rest : { ...rest, field: e.target.value });
            }}
          >
            <option value="">—</option>
            {valueKeys.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </label>
      );
    case 'approvals':
      return null;
  }
}
