import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { localize } from '@trellis/schema';
import { api } from '../api/api.js';
import type { ApiError } from '../api/api-client.js';
import type { RecordDto } from '../api/api-types.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { titleField } from '../list/list-columns.js';
import { useAppContext } from '../pages/app-layout.js';
import { PrintDocument } from './print-document.js';
import { usePrintT } from './print-messages.js';
import { DEFAULT_TEMPLATE_KEY, pageRule, parseIds, printTemplateFor } from './print-model.js';
import './print.css';

/**
 * `/apps/:app/forms/:form/records/:id/print` (one record) and `/apps/:app/forms/:form/print?ids=a,b`
 * (a batch): the records laid out by a print template (`?template=<key>`, else the form's first
 * one, else every field), one sheet per record with a page break between them. A toolbar that
 * does not print picks the template and opens the browser's print dialog, which makes the PDF
 * (docs/decisions/0013-print-templates.md).
 */
export function PrintPage() {
  const { app, pkg } = useAppContext();
  const { form: formKey = '', id } = useParams();
  const [search, setSearch] = useSearchParams();
  const t = useT();
  const pt = usePrintT();
  const locale = useLocale();
  const form = pkg.forms.find((f) => f.key === formKey);
  const ids = useMemo(() => (id ? [id] : parseIds(search.get('ids'))), [id, search]);
  const templateKey = search.get('template');
  const template = useMemo(() => (form ? printTemplateFor(form, templateKey) : undefined), [form, templateKey]);
  const [records, setRecords] = useState<RecordDto[] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  useEffect(() => {
    if (!form) return;
    let stale = false;
    setRecords(undefined);
    Promise.all(ids.map((r) => api.getRecord(app, form.key, r))).then(
      (loaded) => !stale && setRecords(loaded),
      (e: ApiError) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [app, form, ids]);

  useEffect(() => {
    document.body.classList.add('print-page');
    return () => document.body.classList.remove('print-page');
  }, []);

  if (!form || !template) return <LoadError error={new Error(t('formNotFound', { form: formKey }))} />;
  if (error) return <LoadError error={error.isNotFound ? new Error(t('recordNotFound')) : error} />;
  const listUrl = `/apps/${app}/forms/${form.key}`;
  const back = id ? `${listUrl}/records/${id}` : listUrl;
  const title = titleField(form);
  const templates = form.printTemplates ?? [];
  return (
    <div className="print-root">
      <style>{pageRule(template)}</style>
      <div className="print-toolbar">
        <Link className="button" to={back}>
          ← {pt('back')}
        </Link>
        <h1 className="page-title">{pt('printTitle', { form: localize(form.name, locale) })}</h1>
        <label className="designer-inline">
          {pt('template')}
          <select
            className="tr-input tr-select"
            value={templates.some((x) => x.key === template.key) ? template.key : DEFAULT_TEMPLATE_KEY}
            onChange={(e) => {
              const next = new URLSearchParams(search);
              next.set('template', e.target.value);
              setSearch(next, { replace: true });
            }}
          >
            {templates.map((x) => (
              <option key={x.key} value={x.key}>
                {localize(x.name, locale)}
              </option>
            ))}
            <option value={DEFAULT_TEMPLATE_KEY}>{pt('defaultTemplate')}</option>
          </select>
        </label>
        <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!records || records.length === 0}>
          {pt('print')}
        </button>
        <p className="print-hint">{pt('printHint')}</p>
      </div>
      {records === undefined ? (
        <Loading />
      ) : records.length === 0 ? (
        <p className="empty">{pt('noRecords')}</p>
      ) : (
        <div className="print-sheets" data-template={template.key || 'default'}>
          {records.map((record) => {
            const v = title ? record.data[title.key] : undefined;
            const name = typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? v.toLocaleString(locale) : record.id.slice(0, 8);
            return <PrintDocument key={record.id} form={form} template={template} data={record.data} locale={locale} title={name} />;
          })}
        </div>
      )}
    </div>
  );
}
