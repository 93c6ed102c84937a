import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { PERMISSION_ACTIONS, localize, type PermissionAction } from '@trellis/schema';
import { formatDateTime } from '@trellis/ui';
import { api } from '../api/api.js';
import type { AppSummary } from '../api/api-types.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { useNoticeStore } from '../state/notice-store.js';
import { adminApi, type ApiKey } from './admin-api.js';
import { inputErrors, type InputErrors } from './admin-errors.js';
import { useAdminT } from './admin-messages.js';
import { AdminLayout, ErrorBanner, FormDialog, TextInput, copyText } from './admin-ui.js';
import { apiKeyBody, apiKeyState, type ApiKeyForm } from './api-key-form.js';

/** `/account/api-keys`: the caller's own API keys: list, create (secret shown once), revoke. */
export function ApiKeysPage() {
  return (
    <AdminLayout adminOnly={false}>
      <ApiKeysScreen />
    </AdminLayout>
  );
}

const EMPTY_FORM: ApiKeyForm = { name: '', apps: [], actions: [], expires: '' };

function ApiKeysScreen() {
  const t = useAdminT();
  const locale = useLocale();
  const notify = useNoticeStore((s) => s.show);
  const [keys, setKeys] = useState<readonly ApiKey[] | undefined>();
  const [apps, setApps] = useState<readonly AppSummary[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | undefined>();
  const [revoking, setRevoking] = useState<ApiKey | undefined>();
  const [revokeErrors, setRevokeErrors] = useState<InputErrors>({});

  const load = useCallback(() => {
    setError(undefined);
    adminApi.listApiKeys().then((b) => setKeys(b.items), setError);
    api.listApps().then(setApps, () => undefined);
  }, []);
  useEffect(load, [load]);

  const revoke = async () => {
    const key = revoking;
    setRevoking(undefined);
    if (!key) return;
    setRevokeErrors({});
    try {
      await adminApi.revokeApiKey(key.id);
      setKeys((list) => list?.map((k) => (k.id === key.id ? { ...k, revokedAt: new Date().toISOString() } : k)));
      notify(t('keyRevokedNotice', { name: key.name }));
    } catch (e) {
      setRevokeErrors(inputErrors(e, []));
    }
  };

  const appName = (key: string) => {
    const a = apps.find((x) => x.key === key);
    return a ? localize(a.name, locale) : key;
  };
  const now = new Date();

  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('apiKeysTitle')}</h1>
          <p className="page-subtitle">{t('apiKeysSubtitle')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          + {t('newApiKey')}
        </button>
      </div>
      <ErrorBanner errors={revokeErrors} />
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : !keys ? (
        <Loading />
      ) : keys.length === 0 ? (
        <p className="empty">{t('apiKeysEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('keyName')}</th>
                <th scope="col">{t('keyPrefix')}</th>
                <th scope="col">{t('keyApps')}</th>
                <th scope="col">{t('keyActions')}</th>
                <th scope="col">{t('keyExpires')}</th>
                <th scope="col">{t('keyLastUsed')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const state = apiKeyState(k, now);
                return (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{k.apps === null ? t('keyAllApps') : k.apps.map(appName).join(', ')}</td>
                    <td>{k.actions === null ? t('keyAllActions') : k.actions.map((a) => t(`action_${a}`)).join(', ')}</td>
                    <td>{k.expiresAt ? formatDateTime(k.expiresAt, locale) : t('keyNoExpiry')}</td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t('keyNeverUsed')}</td>
                    <td>{state === 'active' ? t('keyActive') : <span className="admin-tag admin-tag-warn">{state === 'revoked' ? t('keyRevoked') : t('keyExpired')}</span>}</td>
                    <td>
                      {state === 'revoked' ? null : (
                        <button type="button" className="button button-small button-danger-outline" onClick={() => setRevoking(k)} aria-label={`${t('revoke')} ${k.name}`}>
                          {t('revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FormDialog open={creating} title={t('newApiKey')} onClose={() => setCreating(false)}>
        <NewKeyForm
          apps={apps}
          onCancel={() => setCreating(false)}
          onCreated={(key, value) => {
            setCreating(false);
            setKeys((list) => [key, ...(list ?? [])]);
            setSecret({ name: key.name, secret: value });
          }}
        />
      </FormDialog>
      <FormDialog open={secret !== undefined} title={t('secretTitle')} onClose={() => setSecret(undefined)}>
        {secret ? <SecretView name={secret.name} secret={secret.secret} onDone={() => setSecret(undefined)} /> : null}
      </FormDialog>
      <ConfirmDialog
        open={revoking !== undefined}
        title={t('revokeTitle', { name: revoking?.name ?? '' })}
        text={t('revokeText')}
        confirmLabel={t('revoke')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(undefined)}
      />
    </>
  );
}

function NewKeyForm({ apps, onCreated, onCancel }: { readonly apps: readonly AppSummary[]; readonly onCreated: (key: ApiKey, secret: string) => void; readonly onCancel: () => void }) {
  const t = useAdminT();
  const locale = useLocale();
  const [form, setForm] = useState<ApiKeyForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<InputErrors>({});
  const [saving, setSaving] = useState(false);
  const toggle = <K extends 'apps' | 'actions'>(key: K, value: ApiKeyForm[K][number], on: boolean) =>
    setForm((f) => ({ ...f, [key]: on ? [...f[key], value] : (f[key] as readonly string[]).filter((x) => x !== value) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = await adminApi.createApiKey(apiKeyBody(form));
      onCreated(body.key, body.secret);
    } catch (err) {
      setErrors(inputErrors(err, ['name', 'apps', 'actions', 'expiresAt']));
    } finally {
      setSaving(false);
    }
  };
  const fieldErrors = (name: string) =>
    (errors[name] ?? []).map((m, i) => (
      <p key={i} className="tr-field-error">
        {m}
      </p>
    ));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBanner errors={errors} />
      <TextInput label={t('keyName')} name="name" value={form.name} onChange={(v) => setForm((f) => ({ ...f, name: v }))} errors={errors} hint={t('keyNameHint')} required />
      <fieldset className="admin-field">
        <legend>{t('keyApps')}</legend>
        <p className="tr-field-description">{form.apps.length === 0 ? t('keyAllApps') : null}</p>
        {apps.map((a) => (
          <label key={a.key} className="admin-check">
            <input type="checkbox" checked={form.apps.includes(a.key)} onChange={(e) => toggle('apps', a.key, e.target.checked)} /> {localize(a.name, locale)}
          </label>
        ))}
        {fieldErrors('apps')}
      </fieldset>
      <fieldset className="admin-field">
        <legend>{t('keyActions')}</legend>
        <p className="tr-field-description">{form.actions.length === 0 ? t('keyAllActions') : null}</p>
        {PERMISSION_ACTIONS.map((a) => (
          <label key={a} className="admin-check">
            <input type="checkbox" checked={form.actions.includes(a)} onChange={(e) => toggle('actions', a as PermissionAction, e.target.checked)} /> {t(`action_${a}`)}
          </label>
        ))}
        {fieldErrors('actions')}
      </fieldset>
      <TextInput label={t('keyExpires')} name="expiresAt" type="date" value={form.expires} onChange={(v) => setForm((f) => ({ ...f, expires: v }))} errors={errors} hint={form.expires === '' ? t('keyNoExpiry') : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving || form.name.trim() === ''}>
          {saving ? t('saving') : t('create')}
        </button>
      </div>
    </form>
  );
}

/** The new key's secret, shown this once, with a copy button and the warning. */
function SecretView({ name, secret, onDone }: { readonly name: string; readonly secret: string; readonly onDone: () => void }) {
  const t = useAdminT();
  const [copied, setCopied] = useState<boolean | undefined>();
  return (
    <div>
      <div className="banner banner-warning" role="alert">
        <p>{t('secretWarning')}</p>
      </div>
      <p>
        <strong>{name}</strong>
      </p>
      <p className="admin-secret" aria-label={t('secretTitle')}>
        {secret}
      </p>
      <p role="status" aria-live="polite">
        {copied === true ? t('copied') : copied === false ? t('copyFailed') : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => void copyText(secret).then(setCopied)}>
          {t('copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('secretDone')}
        </button>
      </div>
    </div>
  );
}
