import { useCallback, useEffect, useRef, useState } from 'react';
import { localize, type FormDef } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { ApiError } from '../api/api-client.js';
import { useLocale } from '../i18n/use-t.js';
import { useNoticeStore } from '../state/notice-store.js';
import { embedSnippet, publicFormUrl } from './embed-code.js';
import { publicApi, type PublicLinkDto } from './public-api.js';
import { usePublicT } from './public-messages.js';
import './public.css';

/** Props of {@link SharePanel}. */
export interface SharePanelProps {
  readonly app: string;
  readonly form: FormDef;
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The "Share" dialog of a form's list view: its public links with the address and the
 * iframe embed code to copy, a switch to turn each off or on, and a small form to create a
 * new link (thank-you message, "one submission per" a text field).
 */
export function SharePanel({ app, form, open, onClose }: SharePanelProps) {
  const t = usePublicT();
  const locale = useLocale();
  const notify = useNoticeStore((s) => s.show);
  const ref = useRef<HTMLDialogElement>(null);
  const [links, setLinks] = useState<PublicLinkDto[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [thankYou, setThankYou] = useState('');
  const [onePer, setOnePer] = useState('');
  /** Keys of the fields to show; `null` = all (the default). */
  const [shown, setShown] = useState<readonly string[] | null>(null);
  const formName = localize(form.name, locale);
  const origin = window.location.origin;
  const valueFields = form.fields.filter((f) => fieldTypes.has(f.type) && fieldTypes.storesValue(f));
  const textFields = valueFields.filter((f) => fieldTypes.valueType(f) === 'text');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const fail = useCallback((e: unknown) => setError(t('shareError', { message: e instanceof ApiError ? e.message : String(e) })), [t]);
  useEffect(() => {
    if (!open) return;
    setError(undefined);
    publicApi.listLinks(app, form.key).then(setLinks, fail);
  }, [open, app, form.key, fail]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      const link = await publicApi.createLink(app, form.key, {
        ...(thankYou.trim() !== '' ? { thankYou: thankYou.trim() } : {}),
        ...(onePer !== '' ? { onePerField: onePer } : {}),
        ...(shown !== null ? { fields: shown } : {}),
      });
      setLinks((l) => [...(l ?? []), link]);
      setThankYou('');
      setOnePer('');
      setShown(null);
      notify(t('shareCreated'));
    });

  const toggle = (link: PublicLinkDto) =>
    run(async () => {
      const next = await publicApi.updateLink(app, form.key, link.id, { enabled: !link.enabled });
      setLinks((l) => l?.map((x) => (x.id === next.id ? next : x)));
      notify(t(next.enabled ? 'shareSwitchedOn' : 'shareSwitchedOff'));
    });

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(t('shareCopied'));
    } catch {
      // no clipboard permission (plain http, old browser): the text stays selectable in its field
    }
  };

  return (
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby="share-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="share-title" className="dialog-title">
        {t('shareTitle', { form: formName })}
      </h2>
      <p className="share-intro">{t('shareIntro')}</p>
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {links === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : links.length === 0 ? (
        <p>{t('shareEmpty')}</p>
      ) : (
        links.map((link, i) => {
          const url = publicFormUrl(origin, link.token);
          return (
            <section key={link.id} className="share-link" aria-label={`${t('shareLink')} ${i + 1}`} data-link-id={link.id}>
              <div className="share-link-head">
                <strong>
                  {t('shareLink')} {i + 1}
                </strong>
                <span className={link.enabled ? 'share-state' : 'share-state share-state-off'}>{t(link.enabled ? 'shareOn' : 'shareOff')}</span>
              </div>
              <label className="share-field">
                <span>{t('shareLink')}</span>
                <input readOnly value={url} onFocus={(e) => e.target.select()} />
              </label>
              <label className="share-field">
                <span>{t('shareEmbed')}</span>
                <textarea readOnly rows={3} value={embedSnippet(origin, link.token, formName)} onFocus={(e) => e.target.select()} />
              </label>
              <div className="share-actions">
                <button type="button" className="button" onClick={() => void copy(url)}>
                  {t('shareCopyLink')}
                </button>
                <button type="button" className="button" onClick={() => void copy(embedSnippet(origin, link.token, formName))}>
                  {t('shareCopyEmbed')}
                </button>
                <a className="button" href={url} target="_blank" rel="noreferrer">
                  {t('shareOpen')}
                </a>
                <span className="toolbar-spacer" />
                <button type="button" className={link.enabled ? 'button button-danger-outline' : 'button'} disabled={busy} onClick={() => void toggle(link)}>
                  {t(link.enabled ? 'shareSwitchOff' : 'shareSwitchOn')}
                </button>
              </div>
            </section>
          );
        })
      )}
      <div className="share-new">
        <label className="share-field">
          <span>{t('shareThankYou')}</span>
          <input value={thankYou} maxLength={2000} onChange={(e) => setThankYou(e.target.value)} />
        </label>
        <label className="share-field">
          <span>{t('shareOnePer')}</span>
          <select value={onePer} onChange={(e) => setOnePer(e.target.value)}>
            <option value="">{t('shareOnePerNone')}</option>
            {textFields.map((f) => (
              <option key={f.key} value={f.key}>
                {localize(f.label, locale)}
              </option>
            ))}
          </select>
        </label>
        <details className="share-fields">
          <summary>{shown === null ? t('shareFieldsAll') : t('shareFieldsSome', { count: shown.length })}</summary>
          {valueFields.map((f) => {
            const always = f.required === true && f.defaultValue === undefined;
            const checked = always || shown === null || shown.includes(f.key);
            return (
              <label key={f.key} className="share-field-option">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={always}
                  onChange={(e) => {
                    const current = shown ?? valueFields.map((x) => x.key);
                    const next = e.target.checked ? [...current, f.key] : current.filter((k) => k !== f.key);
                    setShown(next.length === valueFields.length ? null : valueFields.map((x) => x.key).filter((k) => next.includes(k)));
                  }}
                />
                {localize(f.label, locale)}
                {always ? <span className="share-field-note"> · {t('shareFieldRequired')}</span> : null}
              </label>
            );
          })}
        </details>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void create()}>
          {t('shareCreate')}
        </button>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('shareClose')}
        </button>
      </div>
    </dialog>
  );
}

