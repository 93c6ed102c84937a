import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { localize, type ErrorDetail } from '@trellis/schema';
import { compileForm } from '@trellis/forms';
import { FileAccessProvider, FormRenderer, focusFirstInvalidField, groupErrorsByField, type FieldErrors } from '@trellis/ui';
import { publicFileAccess } from '../files/file-access.js';
import { ApiError } from '../api/api-client.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useLocale } from '../i18n/use-t.js';
import { initialValues } from '../record/record-draft.js';
import { isEmbedded } from './embed-code.js';
import { publicApi, type PublicFormDto } from './public-api.js';
import { usePublicT, type PublicTranslate } from './public-messages.js';
import './public.css';

type Load = { readonly state: 'loading' } | { readonly state: 'ready'; readonly dto: PublicFormDto } | { readonly state: 'unavailable' } | { readonly state: 'failed'; readonly error: ApiError };

/**
 * `/f/:token`: a public form for anyone, without the app's header or menu — only a language
 * switch. The form engine validates in the browser exactly as the server will; a hidden
 * honeypot input catches bots; after sending, a thank-you page. Unknown or switched-off
 * links show "not available". With `?embed=1` (the iframe snippet) the page drops its
 * background so it sits inside the host site.
 */
export function PublicFormPage() {
  const { token = '' } = useParams();
  const { search } = useLocation();
  const t = usePublicT();
  const embedded = isEmbedded(search);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchForm = useCallback(() => {
    setLoad({ state: 'loading' });
    publicApi.getForm(token).then(
      (dto) => setLoad({ state: 'ready', dto }),
      (e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        setLoad(error.isNotFound ? { state: 'unavailable' } : { state: 'failed', error });
      },
    );
  }, [token]);
  useEffect(fetchForm, [fetchForm]);

  return (
    <div className={embedded ? 'public-page public-embedded' : 'public-page'}>
      <div className="public-topbar">
        <LanguageSwitch />
      </div>
      <main className="public-main" id="main">
        {load.state === 'loading' ? (
          <p className="public-status" role="status">
            {t('loading')}
          </p>
        ) : load.state === 'unavailable' ? (
          <Unavailable t={t} />
        ) : load.state === 'failed' ? (
          <div className="public-card" role="alert">
            <p>{load.error.code === 'NETWORK' ? t('networkError') : load.error.message}</p>
            <button type="button" className="button" onClick={fetchForm}>
              {t('retry')}
            </button>
          </div>
        ) : (
          <PublicForm token={token} dto={load.dto} t={t} onGone={() => setLoad({ state: 'unavailable' })} />
        )}
      </main>
    </div>
  );
}

function Unavailable({ t }: { readonly t: PublicTranslate }) {
  useEffect(() => {
    document.title = t('unavailableTitle');
  }, [t]);
  return (
    <div className="public-card public-message" data-testid="public-unavailable">
      <h1 className="public-title">{t('unavailableTitle')}</h1>
      <p>{t('unavailableText')}</p>
    </div>
  );
}

function PublicForm({ token, dto, t, onGone }: { readonly token: string; readonly dto: PublicFormDto; readonly t: PublicTranslate; readonly onGone: () => void }) {
  const locale = useLocale();
  const { form } = dto;
  const compiled = useMemo(() => compileForm(form), [form]);
  const fieldKeys = useMemo(() => form.fields.map((f) => f.key), [form]);
  const [values, setValues] = useState<Record<string, unknown>>(() => initialValues(form));
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const bannerRef = useRef<HTMLDivElement>(null);
  const formName = localize(form.name, locale);
  const files = useMemo(() => publicFileAccess(token), [token]);

  useEffect(() => {
    document.title = formName;
  }, [formName]);

  const validate = useCallback((next: Readonly<Record<string, unknown>>) => compiled.process(next, { mode: 'create', locale }), [compiled, locale]);
  const showErrors = useCallback((details: readonly ErrorDetail[]) => setErrors(groupErrorsByField(details, fieldKeys)), [fieldKeys]);

  // after a failed submit, errors follow the input (and the language) as the visitor fixes them
  useEffect(() => {
    if (!submitted) return;
    const result = validate(values);
    if (result.ok) setErrors((e): FieldErrors => (e[''] ? { '': e[''] } : {}));
    else showErrors(result.errors);
  }, [values, submitted, validate, showErrors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setSubmitted(true);
    const result = validate(values);
    if (!result.ok) {
      showErrors(result.errors);
      focusFirstError();
      return;
    }
    setSending(true);
    try {
      await publicApi.submit(token, result.value, honeypot);
      setDone(true);
      window.scrollTo?.(0, 0);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
      if (apiError.isNotFound) onGone();
      else if (apiError.code === 'PUBLIC_FORM_ALREADY_SUBMITTED' && dto.onePerField) setErrors({ [dto.onePerField]: [t('alreadySubmitted')] });
      else if (apiError.status === 429) setErrors({ '': [t('tooMany', { seconds: retrySeconds(apiError.message) })] });
      else if (apiError.code === 'NETWORK') setErrors({ '': [t('networkError')] });
      else if (apiError.details.length > 0) {
        showErrors(apiError.details);
        focusFirstError();
      } else setErrors({ '': [apiError.message] });
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <div className="public-card public-message" data-testid="public-thank-you" role="status">
        <h1 className="public-title">{t('thankYouTitle')}</h1>
        <p>{dto.thankYou !== null ? localize(dto.thankYou, locale) : t('thankYouText')}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setValues(initialValues(form));
            setErrors({});
            setSubmitted(false);
            setDone(false);
          }}
        >
          {t('submitAnother')}
        </button>
      </div>
    );
  }

  const general = errors[''] ?? [];
  const fieldErrorCount = Object.entries(errors).filter(([k, v]) => k !== '' && v.length > 0).length;
  const onePer = dto.onePerField ? form.fields.find((f) => f.key === dto.onePerField) : undefined;

  return (
    <form className="public-card" onSubmit={(e) => void submit(e)} noValidate aria-label={formName}>
      <h1 className="public-title">{formName}</h1>
      {form.description ? <p className="public-description">{localize(form.description, locale)}</p> : null}
      {onePer ? <p className="public-hint">{t('onePerHint', { field: localize(onePer.label, locale) })}</p> : null}
      {fieldErrorCount > 0 || general.length > 0 ? (
        <div className="banner banner-error" role="alert" ref={bannerRef}>
          <div>
            {fieldErrorCount > 0 ? <strong>{t('fixErrors')}</strong> : null}
            {general.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </div>
        </div>
      ) : null}
      <FileAccessProvider access={files}>
        <FormRenderer form={form} values={values} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} errors={errors} locale={locale} disabled={sending} />
      </FileAccessProvider>
      <div className="public-honeypot" aria-hidden="true">
        <label htmlFor={`public-${dto.honeypotField}`}>{t('honeypotLabel')}</label>
        <input
          id={`public-${dto.honeypotField}`}
          name={dto.honeypotField}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={honeypot}
          onChange={(e) => setHoneypot(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={sending}>
          {sending ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}

/** The seconds to wait, read from the server's 429 message ("… wait 42 s …"); 60 when absent. */
function retrySeconds(message: string): number {
  const m = /(\d+)\s*s\b/.exec(message);
  return m ? Number(m[1]) : 60;
}

/** Moves focus to the first field with an error (opening its tab), after React has drawn the messages. */
function focusFirstError() {
  requestAnimationFrame(() => {
    focusFirstInvalidField();
  });
}
