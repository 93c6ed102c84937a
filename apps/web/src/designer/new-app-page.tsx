import { useState } from 'react';
import { useNavigate } from 'react-router';
import { KEY_PATTERN } from '@trellis/schema';
import { ApiError } from '../api/api-client.js';
import { AppHeader } from '../components/app-header.js';
import { designerApi } from './designer-api.js';
import { useDesignerT } from './designer-messages.js';
import { emptyApp } from './draft-ops.js';
import { useDesignerStore } from './store/index.js';
import './designer.css';

/** `/design/new`: starts a new app as a draft with one empty form, then opens the designer. */
export function NewAppPage() {
  const t = useDesignerT();
  const navigate = useNavigate();
  const [appKey, setAppKey] = useState('');
  const [appName, setAppName] = useState('');
  const [formKey, setFormKey] = useState('');
  const [formName, setFormName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const keysOk = KEY_PATTERN.test(appKey) && KEY_PATTERN.test(formKey);
  const valid = keysOk && appName.trim() !== '' && formName.trim() !== '';

  const create = async () => {
    setError(undefined);
    try {
      await designerApi.getDraft(appKey);
      setError(t('appExists'));
      return;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) {
        setError((e as Error).message);
        return;
      }
    }
    const pkg = emptyApp(appKey, { 'zh-CN': appName.trim(), en: appName.trim() }, formKey, { 'zh-CN': formName.trim(), en: formName.trim() });
    try {
      const saved = await designerApi.saveDraft(appKey, 0, pkg);
      useDesignerStore.getState().load(appKey, saved.package, saved.revision);
      navigate(`/apps/${appKey}/design/${formKey}`);
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'DRAFT_REVISION_CONFLICT' ? t('appExists') : (e as Error).message);
    }
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, isKey: boolean) => (
    <div className="designer-prop">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="tr-input" value={value} spellCheck={!isKey} aria-invalid={isKey && value !== '' && !KEY_PATTERN.test(value)} onChange={(e) => set(e.target.value)} />
    </div>
  );

  return (
    <div className="page-frame">
      <AppHeader />
      <main className="designer-new-app" id="main">
        <h1>{t('newAppTitle')}</h1>
        <p className="designer-hint">{t('newAppIntro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void create();
          }}
        >
          {field('new-app-name', t('appName'), appName, setAppName, false)}
          {field('new-app-key', t('appKey'), appKey, setAppKey, true)}
          {field('new-form-name', t('formName'), formName, setFormName, false)}
          {field('new-form-key', t('formKey'), formKey, setFormKey, true)}
          {!keysOk && (appKey !== '' || formKey !== '') ? <p className="designer-hint">{t('keyRule')}</p> : null}
          {error ? (
            <p className="tr-field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => navigate('/')}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={!valid}>
              {t('create')}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
