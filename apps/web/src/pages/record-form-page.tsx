import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localize, type ErrorDetail, type FormDef } from '@trellis/schema';
import { compileForm } from '@trellis/forms';
import { FileAccessProvider, FormRenderer, RelationSourceContext, focusFirstInvalidField, formatDateTime, groupErrorsByField, type FieldErrors } from '@trellis/ui';
import { recordFileAccess } from '../files/file-access.js';
import { fetchLinkedValues } from '../api/relation-api.js';
import { linkageTriggers } from '../record/linkage-triggers.js';
import { withoutComputed } from '../record/computed-fields.js';
import { createRelationSource } from '../record/relation-source.js';
import { api } from '../api/api.js';
import { ApiError } from '../api/api-client.js';
import type { RecordDto } from '../api/api-types.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { titleField } from '../list/list-columns.js';
import { changedFields, initialValues } from '../record/record-draft.js';
import { useNoticeStore } from '../state/notice-store.js';
import { useAppContext } from './app-layout.js';
import { printText } from '../print/print-messages.js';
import { RecordTabs, recordPanelId, recordTabId, type RecordTab } from '../admin/record-tabs.js';
import { RecordTimeline } from '../admin/record-timeline.js';

/**
 * `/apps/:app/forms/:form/new` and `…/records/:id`: fill in or edit one record. The form
 * engine validates in the browser before anything is sent (the same `process` the server
 * runs, in the screen's language); server errors land under the same fields; a stale
 * version (409) offers a reload; delete moves the record to the recycle bin after a confirmation.
 */
export function RecordFormPage() {
  const { app, pkg } = useAppContext();
  const { form: formKey = '', id } = useParams();
  const form = pkg.forms.find((f) => f.key === formKey);
  const t = useT();
  if (!form) return <LoadError error={new Error(t('formNotFound', { form: formKey }))} />;
  // `key` resets every state when moving between records or from "new" to the created record
  return <RecordForm key={`${formKey}/${id ?? 'new'}`} app={app} form={form} id={id} />;
}

function RecordForm({ app, form, id }: { readonly app: string; readonly form: FormDef; readonly id: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const notify = useNoticeStore((s) => s.show);
  const compiled = useMemo(() => compileForm(form), [form]);
  const fieldKeys = useMemo(() => form.fields.map((f) => f.key), [form]);
  const listUrl = `/apps/${app}/forms/${form.key}`;
  const files = useMemo(() => recordFileAccess(app, form.key), [app, form.key]);

  const [record, setRecord] = useState<RecordDto | undefined>();
  const [loadError, setLoadError] = useState<ApiError | undefined>();
  const [values, setValues] = useState<Record<string, unknown>>(() => (id ? {} : initialValues(form)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  /** Records already holding a value this one must not repeat (from a 409 RECORD_DUPLICATE). */
  const [duplicates, setDuplicates] = useState<readonly string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<RecordTab>('form');
  const conflictRef = useRef<HTMLDivElement>(null);
  const generalErrorRef = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    if (!id) return;
    setLoadError(undefined);
    api.getRecord(app, form.key, id).then(
      (r) => {
        setRecord(r);
        setValues({ ...r.data });
        setErrors({});
        setSubmitted(false);
        setConflict(false);
        setDirty(false);
      },
      (e: ApiError) => setLoadError(e),
    );
  }, [app, form.key, id]);
  useEffect(load, [load]);

  // a refused save is reported at the top of the form; bring it to the person, who is at the Save button
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'center' });
  }, [conflict]);
  const generalMessage = (errors[''] ?? []).join('\n');
  useEffect(() => {
    if (generalMessage) generalErrorRef.current?.scrollIntoView({ block: 'center' });
  }, [generalMessage]);

  const validate = useCallback(
    (next: Readonly<Record<string, unknown>>) =>
      record
        ? compiled.process(changedFields(next, record.data), { mode: 'update', existing: record.data, locale })
        : compiled.process(next, { mode: 'create', locale }),
    [compiled, record, locale],
  );
  const showErrors = useCallback((details: readonly ErrorDetail[]) => setErrors(groupErrorsByField(details, fieldKeys)), [fieldKeys]);

  // once a submit has failed, errors follow the input (and the language) as the person fixes them
  useEffect(() => {
    if (!submitted) return;
    const result = validate(values);
    showErrors(result.ok ? [] : result.errors);
  }, [values, submitted, validate, showErrors]);

  // Data linkage: when a field a linkage matches on changes, ask the server for the linked defaults.
  const relationSource = useMemo(() => createRelationSource(app, form.key, record?.related), [app, form.key, record]);
  const triggers = useMemo(() => linkageTriggers(form), [form]);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const linkage = useRef<{ timer?: ReturnType<typeof setTimeout>; seq: number }>({ seq: 0 });
  useEffect(() => () => clearTimeout(linkage.current.timer), []);
  const askLinkage = (key: string) => {
    clearTimeout(linkage.current.timer);
    linkage.current.timer = setTimeout(() => {
      const seq = ++linkage.current.seq;
      fetchLinkedValues(app, form.key, valuesRef.current, [key]).then(
        (linked) => {
          if (seq === linkage.current.seq && Object.keys(linked).length > 0) setValues((v) => ({ ...v, ...linked }));
        },
        () => undefined, // linkage only helps; a failed call leaves the form as typed
      );
    }, LINKAGE_DEBOUNCE_MS);
  };

  const onChange = (key: string, value: unknown) => {
    setValues((v) => ({ ...v, [key]: value }));
    setDuplicates([]);
    setDirty(true);
    if (triggers.has(key)) askLinkage(key);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const result = validate(values);
    if (!result.ok) {
      showErrors(result.errors);
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      if (record) {
        const patch = withoutComputed(form, changedFields(result.value, record.data));
        const saved = Object.keys(patch).length === 0 ? record : await api.updateRecord(app, form.key, record.id, record.version, patch);
        setRecord(saved);
        setValues({ ...saved.data });
        setSubmitted(false);
        setErrors({});
        setDirty(false);
        notify(t('saved'));
      } else {
        const created = await api.createRecord(app, form.key, withoutComputed(form, result.value));
        notify(t('created'));
        navigate(`${listUrl}/records/${created.id}`, { replace: true });
      }
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err));
      if (apiError.isConflict) setConflict(true);
      else if (apiError.details.length > 0) {
        setDuplicates(apiError.details.flatMap((d) => (d.code === 'FIELD_DUPLICATE' && d.recordId !== undefined ? [d.recordId] : [])));
        showErrors(apiError.details);
        focusFirstError();
      } else setErrors({ '': [apiError.message] });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!record) return;
    setConfirmDelete(false);
    try {
      await api.deleteRecord(app, form.key, record.id);
      notify(t('deleted'));
      navigate(listUrl);
    } catch (err) {
      const apiError = err as ApiError;
      if (apiError.isConflict) setConflict(true);
      else setErrors({ '': [apiError.message] });
    }
  };

  if (loadError) return <LoadError error={loadError.isNotFound ? new Error(t('recordNotFound')) : loadError} onRetry={load} />;
  if (id && !record) return <Loading />;

  const formName = localize(form.name, locale);
  const title = record ? recordTitle(form, record, locale) : t('newRecordTitle');
  const generalErrors = errors[''] ?? [];
  const fieldErrorCount = Object.entries(errors).filter(([k, v]) => k !== '' && v.length > 0).length;

  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={listUrl}>{formName}</Link>
        <span aria-hidden="true"> / </span>
        <span>{record ? title : t('newRecord')}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 className="page-title">{title}</h1>
          {record ? (
            <p className="page-subtitle">
              {t('recordVersion', { version: record.version })} · {t('updatedAt')} {formatDateTime(record.updatedAt, locale)}
              {dirty ? <span className="dirty-mark"> · {t('unsavedChanges')}</span> : null}
            </p>
          ) : null}
        </div>
      </div>
      {conflict ? (
        <div className="banner banner-warning" role="alert" ref={conflictRef}>
          <div>
            <strong>{t('conflictTitle')}</strong>
            <p>{t('conflictText')}</p>
          </div>
          <button type="button" className="button" onClick={load}>
            {t('reload')}
          </button>
        </div>
      ) : null}
      {fieldErrorCount > 0 || generalErrors.length > 0 ? (
        <div className="banner banner-error" role="alert" ref={generalErrorRef}>
          <div>
            {fieldErrorCount > 0 ? <strong>{t('fixErrors')}</strong> : null}
            {generalErrors.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
            {duplicates.map((other) => (
              <p key={other}>
                <Link to={`${listUrl}/records/${other}`}>{t('openDuplicate')}</Link>
              </p>
            ))}
          </div>
        </div>
      ) : null}
      {record ? <RecordTabs value={tab} onChange={setTab} /> : null}
      <div {...(record ? { role: 'tabpanel', id: recordPanelId('form'), 'aria-labelledby': recordTabId('form'), hidden: tab !== 'form' } : {})}>
        <form className="card record-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
          <RelationSourceContext.Provider value={relationSource}>
            <FileAccessProvider access={files}>
              <FormRenderer form={form} values={values} onChange={onChange} errors={errors} locale={locale} disabled={saving} />
            </FileAccessProvider>
          </RelationSourceContext.Provider>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? t('saving') : record ? t('save') : t('create')}
            </button>
            <Link className="button" to={listUrl}>
              {t('cancel')}
            </Link>
            {record ? (
              <Link className="button" to={`${listUrl}/records/${record.id}/print`}>
                {printText(locale, 'print')}
              </Link>
            ) : null}
            <span className="toolbar-spacer" />
            {record ? (
              <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)} disabled={saving}>
                {t('delete')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
      {record && tab === 'history' ? (
        <div role="tabpanel" id={recordPanelId('history')} aria-labelledby={recordTabId('history')} className="card record-form">
          <RecordTimeline app={app} form={form} recordId={record.id} version={record.version} />
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('deleteConfirmTitle')}
        text={t('deleteConfirmText')}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}

/** How long typing in a linkage key field must pause before the linked defaults are fetched (ms). */
const LINKAGE_DEBOUNCE_MS = 300;

/** The record's name for headings: its title field's value, else its id. */
function recordTitle(form: FormDef, record: RecordDto, locale: string): string {
  const field = titleField(form);
  const value = field ? record.data[field.key] : undefined;
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return value.toLocaleString(locale);
  return record.id.slice(0, 8);
}

/** Moves focus to the first field with an error (opening its tab), after React has drawn the messages. */
function focusFirstError() {
  requestAnimationFrame(() => {
    focusFirstInvalidField();
  });
}
