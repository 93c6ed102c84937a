import { useCallback, useEffect, useMemo, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { Link, NavLink, useNavigate, useParams } from 'react-router';
import { fieldTypes, type FieldTypeDefinition } from '@trellis/forms';
import { KEY_PATTERN, localize, type AppPackage, type FieldDef } from '@trellis/schema';
import { ApiError } from '../api/api-client.js';
import { AppHeader } from '../components/app-header.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { useAppPackageStore } from '../state/app-package-store.js';
import { Canvas, type CanvasActions } from './canvas.js';
import { designerApi } from './designer-api.js';
import { designerText, useDesignerT } from './designer-messages.js';
import { addField, addForm, addSection, freeKey, moveField, normalizedLayout, normalizedNodes, nudgeField, removeField, removeSection, updateField, updateSection } from './draft-ops.js';
import { PrintTemplatesEditor } from './print-templates-editor.js';
import { addTab, addTabGroup, moveTab, removeTab, removeTabGroup, renameTab } from './tab-ops.js';
import { draftProblems, problemsUnder } from './field-key-check.js';
import { withText } from './localized-input.js';
import { newField } from './new-field.js';
import { Palette } from './palette.js';
import { PropertiesPanel } from './properties-panel.js';
import { Preview } from './preview.js';
import { PublishDialog, type PublishDialogState } from './publish-dialog.js';
import { useDesignerStore } from './store/index.js';
import { SubtableActionsContext, type SubtableActions } from './subtable-canvas.js';
import { addColumn, columnSelection, columnsOf, moveColumn, newColumn, nudgeColumn, parseColumnSelection, removeColumn, rowFormOf, updateColumn } from './subtable-ops.js';
import './designer.css';
import './subtable.css';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'conflict' } | { kind: 'error'; message: string };

/** `/apps/:app/design(/:form)`: the drag-and-drop form designer of an app's draft. */
export function DesignerPage() {
  const { app = '', form: formParam } = useParams();
  const t = useDesignerT();
  const locale = useLocale();
  const navigate = useNavigate();
  const store = useDesignerStore();
  const { draft, revision, dirty, selected, past, future, previewWidth } = store;
  const [loadError, setLoadError] = useState<ApiError | Error | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [publish, setPublish] = useState<PublishDialogState>({ step: 'closed' });

  const reload = useCallback(async () => {
    setLoadError(undefined);
    try {
      const d = await designerApi.getDraft(app);
      useDesignerStore.getState().load(app, d.package, d.revision);
      setStatus({ kind: 'idle' });
    } catch (e) {
      setLoadError(e as Error);
    }
  }, [app]);
  useEffect(() => {
    if (useDesignerStore.getState().app !== app) void reload();
  }, [app, reload]);

  const formKey = formParam ?? draft?.forms[0]?.key;
  const formIndex = draft?.forms.findIndex((f) => f.key === formKey) ?? -1;
  const form = formIndex >= 0 ? draft!.forms[formIndex] : undefined;
  const problems = useMemo(() => (draft ? draftProblems(draft) : new Map<string, string[]>()), [draft]);

  const apply = store.apply;
  const actions: CanvasActions = useMemo(
    () => ({
      addType(fieldType, target) {
        const type = fieldTypes.get(fieldType);
        const current = useDesignerStore.getState().draft?.forms.find((f) => f.key === formKey);
        if (!type || !current || !formKey) return;
        const field = newField(type, current);
        apply((p) => addField(p, formKey, field, target));
        useDesignerStore.getState().select(field.key);
      },
      move: (key, target) => formKey && apply((p) => moveField(p, formKey, key, target)),
      nudge: (key, delta) => formKey && apply((p) => nudgeField(p, formKey, key, delta)),
      remove(key) {
        if (!formKey) return;
        apply((p) => removeField(p, formKey, key));
        const sel = useDesignerStore.getState().selected;
        if (sel === key || parseColumnSelection(sel)?.subtable === key) useDesignerStore.getState().select(undefined);
      },
      select: (key) => useDesignerStore.getState().select(key),
      addSection: () => formKey && apply((p) => addSection(p, formKey, 2)),
      updateSection(section, change) {
        if (!formKey) return;
        apply((p) => {
          const current = p.forms.find((f) => f.key === formKey);
          const title = change.title === undefined ? undefined : withText(current ? normalizedLayout(current)[section]?.title : undefined, locale, change.title);
          return updateSection(p, formKey, section, { ...(change.columns !== undefined ? { columns: change.columns } : {}), ...(change.title !== undefined ? { title } : {}) });
        });
      },
      removeSection: (section) => formKey && apply((p) => removeSection(p, formKey, section)),
      addTabGroup: () => formKey && apply((p) => addTabGroup(p, formKey, [1, 2].map((n) => ({ 'zh-CN': designerText('zh-CN', 'tabN', { n }), en: designerText('en', 'tabN', { n }) })))),
      addTab(group) {
        if (!formKey) return;
        apply((p) => {
          const node = normalizedNodes(p.forms.find((f) => f.key === formKey)!)[group];
          const n = node?.kind === 'tabs' ? node.tabs.length + 1 : 1;
          return addTab(p, formKey, group, { 'zh-CN': designerText('zh-CN', 'tabN', { n }), en: designerText('en', 'tabN', { n }) });
        });
      },
      renameTab(group, tab, title) {
        if (!formKey) return;
        apply((p) => {
          const node = normalizedNodes(p.forms.find((f) => f.key === formKey)!)[group];
          const old = node?.kind === 'tabs' ? node.tabs[tab]?.title : undefined;
          return renameTab(p, formKey, group, tab, withText(old, locale, title) ?? designerText(locale, 'tabN', { n: tab + 1 }));
        }, `tab-title:${group}:${tab}`);
      },
      moveTab: (group, tab, delta) => formKey && apply((p) => moveTab(p, formKey, group, tab, delta)),
      removeTab: (group, tab) => formKey && apply((p) => removeTab(p, formKey, group, tab)),
      removeTabGroup: (group) => formKey && apply((p) => removeTabGroup(p, formKey, group)),
      addSectionInTab: (group, tab) => formKey && apply((p) => addSection(p, formKey, 1, undefined, { group, tab })),
    }),
    [apply, formKey, locale],
  );

  const subtableActions: SubtableActions = useMemo(
    () => ({
      selected,
      addColumn(subtable, fieldType, index) {
        const type = fieldTypes.get(fieldType);
        const parent = useDesignerStore.getState().draft?.forms.find((f) => f.key === formKey)?.fields.find((f) => f.key === subtable);
        if (!type || !parent || !formKey) return;
        const column = newColumn(type, parent, newField);
        apply((p) => addColumn(p, formKey, subtable, column, index));
        useDesignerStore.getState().select(columnSelection(subtable, column.key));
      },
      moveColumn: (subtable, key, index) => formKey && apply((p) => moveColumn(p, formKey, subtable, key, index)),
      nudgeColumn: (subtable, key, delta) => formKey && apply((p) => nudgeColumn(p, formKey, subtable, key, delta)),
      removeColumn(subtable, key) {
        if (!formKey) return;
        apply((p) => removeColumn(p, formKey, subtable, key));
        if (useDesignerStore.getState().selected === columnSelection(subtable, key)) useDesignerStore.getState().select(subtable);
      },
      select: (selection) => useDesignerStore.getState().select(selection),
    }),
    [apply, formKey, selected],
  );
  const addAtEnd = (type: FieldTypeDefinition) => {
    if (!form) return;
    actions.addType(type.type, { section: normalizedLayout(form).length - 1 });
  };

  const save = async (): Promise<number | undefined> => {
    const s = useDesignerStore.getState();
    if (!s.draft) return undefined;
    setStatus({ kind: 'saving' });
    try {
      const saved = await designerApi.saveDraft(app, s.revision, s.draft);
      useDesignerStore.getState().saved(saved.revision);
      setStatus({ kind: 'saved' });
      return saved.revision;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DRAFT_REVISION_CONFLICT') setStatus({ kind: 'conflict' });
      else setStatus({ kind: 'error', message: (e as Error).message });
      return undefined;
    }
  };

  const startPublish = async () => {
    const s = useDesignerStore.getState();
    const rev = s.dirty || s.revision === 0 ? await save() : s.revision;
    if (rev === undefined) return;
    setPublish({ step: 'planning' });
    try {
      const r = await designerApi.plan(app);
      setPublish({ step: 'plan', plan: r.plan, hidesData: r.hidesData, busy: false });
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) setPublish({ step: 'problems', problems: e.details });
      else setPublish({ step: 'problems', problems: [{ path: '', message: (e as Error).message }] });
    }
  };

  const confirmPublish = async () => {
    if (publish.step !== 'plan') return;
    setPublish({ ...publish, busy: true });
    const hides = publish.hidesData.fields.length + publish.hidesData.forms.length > 0;
    try {
      const r = await designerApi.publish(app, useDesignerStore.getState().revision, hides);
      setPublish({ step: 'done', version: r.version, applied: r.applied });
      await useAppPackageStore.getState().load(app, true);
      const d = await designerApi.getDraft(app);
      useDesignerStore.getState().load(app, d.package, d.revision);
    } catch (e) {
      setPublish({ step: 'problems', problems: e instanceof ApiError && e.details.length > 0 ? e.details : [{ path: '', message: (e as Error).message }] });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      e.preventDefault();
      if (e.shiftKey) useDesignerStore.getState().redo();
      else useDesignerStore.getState().undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loadError) {
    return (
      <div className="page-frame">
        <AppHeader />
        <main className="designer-main">
          <p>{t('loadFailed')}</p>
          <LoadError error={loadError} onRetry={() => void reload()} />
        </main>
      </div>
    );
  }
  if (!draft || store.app !== app) {
    return (
      <div className="page-frame">
        <AppHeader />
        <Loading />
      </div>
    );
  }

  const appName = localize(draft.app.name, locale);
  // a sub-table column is selected as `items/qty`: the panel then edits that column
  const columnSel = parseColumnSelection(selected);
  const parentField = columnSel ? form?.fields.find((f) => f.key === columnSel.subtable) : undefined;
  const selectedColumn = parentField ? columnsOf(parentField).find((c) => c.key === columnSel!.column) : undefined;
  const selectedField = columnSel ? undefined : form?.fields.find((f) => f.key === selected);
  const selectedIndex = form && selectedField ? form.fields.indexOf(selectedField) : -1;
  const fieldProblems = (property: string) => problemsUnder(problems, `/forms/${formIndex}/fields/${selectedIndex}/${property}`);
  const columnProblems = (property: string) =>
    parentField && selectedColumn
      ? problemsUnder(problems, `/forms/${formIndex}/fields/${form!.fields.indexOf(parentField)}/options/fields/${columnsOf(parentField).indexOf(selectedColumn)}/${property}`)
      : [];

  return (
    <DndProvider backend={HTML5Backend}>
      <div className="page-frame">
        <AppHeader>
          <span className="header-app">{t('designTitle', { app: appName })}</span>
        </AppHeader>
        <div className="designer-toolbar" role="toolbar" aria-label={t('design')}>
          <Link to={`/apps/${app}`} className="button">
            ← {t('backToApp')}
          </Link>
          <nav className="designer-forms" aria-label={t('forms')}>
            {draft.forms.map((f) => (
              <NavLink key={f.key} to={`/apps/${app}/design/${f.key}`} className={({ isActive }) => `designer-form-tab${isActive || f.key === formKey ? ' is-active' : ''}`}>
                {localize(f.name, locale)}
              </NavLink>
            ))}
            <NewFormButton
              onCreate={(key, name) => {
                apply((p) => addForm(p, key, name));
                navigate(`/apps/${app}/design/${key}`);
              }}
              draft={draft}
            />
          </nav>
          <span className="designer-spacer" />
          <button type="button" className="button" disabled={past.length === 0} onClick={store.undo}>
            {t('undo')}
          </button>
          <button type="button" className="button" disabled={future.length === 0} onClick={store.redo}>
            {t('redo')}
          </button>
          <span className="designer-status" role="status">
            {status.kind === 'saving' ? t('saving') : status.kind === 'saved' && !dirty ? t('saved') : dirty ? t('unsaved') : ''}
          </span>
          <button type="button" className="button" onClick={() => void save()}>
            {t('save')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void startPublish()}>
            {t('publish')}
          </button>
        </div>
        {status.kind === 'conflict' || status.kind === 'error' ? (
          <div className="designer-banner" role="alert">
            {status.kind === 'conflict' ? t('conflict') : status.message}{' '}
            {status.kind === 'conflict' ? (
              <button type="button" className="button" onClick={() => void reload()}>
                {t('reload')}
              </button>
            ) : null}
          </div>
        ) : null}
        <main className="designer-main" id="main" data-revision={revision}>
          <Palette onAdd={addAtEnd} onAddSection={() => actions.addSection()} onAddTabs={() => actions.addTabGroup()} />
          <div className="designer-center">
            {form ? (
              <SubtableActionsContext.Provider value={subtableActions}>
                <Canvas form={form} selected={selected} actions={actions} />
              </SubtableActionsContext.Provider>
            ) : null}
            {form ? <Preview form={form} width={previewWidth} onWidth={store.setPreviewWidth} /> : null}
            {form ? <PrintTemplatesEditor form={form} apply={apply} /> : null}
          </div>
          {form && parentField && selectedColumn ? (
            <PropertiesPanel
              key={`${parentField.id}/${selectedColumn.id}`}
              form={rowFormOf(parentField)}
              field={selectedColumn}
              problems={columnProblems}
              onChange={(next: FieldDef) => {
                if (!formKey) return;
                const changed = (Object.keys({ ...selectedColumn, ...next }) as (keyof FieldDef)[]).filter((k) => JSON.stringify(selectedColumn[k]) !== JSON.stringify(next[k]));
                apply((p) => updateColumn(p, formKey, parentField.key, selectedColumn.key, next), `${parentField.id}/${selectedColumn.id}:${changed.join(',')}`);
                if (next.key !== selectedColumn.key) useDesignerStore.getState().select(columnSelection(parentField.key, next.key));
              }}
            />
          ) : form ? (
            <PropertiesPanel
              form={form}
              pkg={draft}
              field={selectedField}
              problems={fieldProblems}
              onChange={(next: FieldDef) => {
                if (!selectedField || !formKey) return;
                // typing in one property of one field is one undo step
                const changed = (Object.keys({ ...selectedField, ...next }) as (keyof FieldDef)[]).filter((k) => JSON.stringify(selectedField[k]) !== JSON.stringify(next[k]));
                apply((p) => updateField(p, formKey, selectedField.key, next), `${selectedField.id}:${changed.join(',')}`);
                if (next.key !== selectedField.key) useDesignerStore.getState().select(next.key);
              }}
            />
          ) : null}
        </main>
        <PublishDialog
          app={appName}
          state={publish}
          onConfirm={() => void confirmPublish()}
          onClose={() => setPublish({ step: 'closed' })}
          onOpenForm={() => navigate(`/apps/${app}/forms/${formKey ?? ''}`)}
        />
      </div>
    </DndProvider>
  );
}

function NewFormButton({ draft, onCreate }: { draft: AppPackage; onCreate: (key: string, name: { 'zh-CN': string; en: string }) => void }) {
  const t = useDesignerT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        + {t('newForm')}
      </button>
    );
  }
  const taken = draft.forms.some((f) => f.key === key);
  const valid = KEY_PATTERN.test(key) && !taken && name.trim() !== '';
  return (
    <form
      className="designer-new-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        onCreate(key, { 'zh-CN': name.trim(), en: name.trim() });
        setOpen(false);
        setKey('');
        setName('');
      }}
    >
      <input
        className="tr-input"
        aria-label={t('formName')}
        placeholder={t('formName')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!keyTouched) setKey(freeKey({ key: '', name: '', fields: [] }, e.target.value.toLowerCase()));
        }}
      />
      <input className="tr-input" aria-label={t('formKey')} placeholder={t('formKey')} value={key} aria-invalid={key !== '' && !valid} onChange={(e) => {
          setKeyTouched(true);
          setKey(e.target.value);
        }}
      />
      <button type="submit" className="button" disabled={!valid}>
        {t('create')}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
