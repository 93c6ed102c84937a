import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { localize, type LocalizedText } from '@trellis/schema';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { useAppContext } from '../pages/app-layout.js';
import { useNoticeStore } from '../state/notice-store.js';
import { useCanManageRoles, useAccess } from './admin-access.js';
import { adminApi, type DirectoryUser, type Role, type RoleMember } from './admin-api.js';
import { inputErrors, isStale, type InputErrors } from './admin-errors.js';
import { useAdminT } from './admin-messages.js';
import { CheckboxInput, ErrorBanner, NotAllowed, StaleBanner, TextInput } from './admin-ui.js';
import type { Department } from './department-tree.js';
import { PermissionMatrix } from './permission-matrix.js';
import { formsEqual, pruneForms, type RoleForms } from './role-matrix.js';
import { RoleMembersEditor } from './role-members-editor.js';
import { sameMembers } from './role-members.js';
import './admin.css';

/** `/apps/:app/roles`: the app's roles, their members and the permission matrix of each. */
export function RolesPage() {
  const { app } = useAppContext();
  const access = useAccess();
  const allowed = useCanManageRoles(app);
  if (allowed === undefined) return <Loading />;
  if (!allowed) return <NotAllowed access={access} />;
  return <RolesScreen />;
}

/** A localized name from the two inputs, leaving out empty languages. */
function nameOf(zh: string, en: string): LocalizedText {
  const out: Record<string, string> = {};
  if (zh.trim()) out['zh-CN'] = zh.trim();
  if (en.trim()) out['en'] = en.trim();
  return out;
}

/** Whether two localized texts say the same in every language (key order does not matter). */
function sameText(a: LocalizedText, b: LocalizedText): boolean {
  const norm = (x: LocalizedText) => JSON.stringify(Object.entries(typeof x === 'string' ? { 'zh-CN': x } : x).filter(([, v]) => v !== '').sort(([k1], [k2]) => k1.localeCompare(k2)));
  return norm(a) === norm(b);
}

const textIn = (name: LocalizedText, locale: string): string => (typeof name === 'string' ? (locale === 'zh-CN' ? name : '') : (name[locale] ?? ''));

function RolesScreen() {
  const { app, pkg } = useAppContext();
  const t = useAdminT();
  const locale = useLocale();
  const notify = useNoticeStore((s) => s.show);
  const [roles, setRoles] = useState<readonly Role[] | undefined>();
  const [users, setUsers] = useState<readonly DirectoryUser[]>([]);
  const [departments, setDepartments] = useState<readonly Department[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [selected, setSelected] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [newErrors, setNewErrors] = useState<InputErrors>({});
  /** Bumped by every (re)load, so the editor drops its edits after "reload" and not after saving the members. */
  const [generation, setGeneration] = useState(0);

  const load = useCallback(() => {
    setError(undefined);
    setGeneration((g) => g + 1);
    adminApi.listRoles(app).then((b) => {
      setRoles(b.items);
      setSelected((s) => s ?? b.items[0]?.id ?? null);
    }, setError);
    // names for the member picker: every account for administrators, else the people
    // directory any logged-in user may read (the first 50 active people)
    adminApi.listUsers().then(
      (b) => setUsers(b.items),
      () => adminApi.directory().then((b) => setUsers(b.items), () => undefined),
    );
    adminApi.listDepartments().then((b) => setDepartments(b.items), () => undefined);
  }, [app]);
  useEffect(load, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setNewErrors({});
    try {
      const role = await adminApi.createRole(app, { key: key.trim(), name: nameOf(nameZh, nameEn), forms: {} });
      setRoles((list) => [...(list ?? []), role]);
      setSelected(role.id);
      setKey('');
      setNameZh('');
      setNameEn('');
      notify(t('roleCreated', { name: localize(role.name, locale) }));
    } catch (err) {
      setNewErrors(inputErrors(err, ['key', 'name.zh-CN', 'name.en', 'name']));
    }
  };

  if (error) return <LoadError error={error} onRetry={load} />;
  if (!roles) return <Loading />;
  const current = roles.find((r) => r.id === selected);
  const replace = (role: Role) => setRoles((list) => list?.map((r) => (r.id === role.id ? role : r)));
  const nameErrors = { ...newErrors, 'name.zh-CN': [...(newErrors['name.zh-CN'] ?? []), ...(newErrors['name'] ?? [])] };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('rolesTitle')}</h1>
          <p className="page-subtitle">{t('rolesSubtitle')}</p>
        </div>
      </div>
      <div className="admin-split">
        <section className="card admin-panel" aria-label={t('rolesTitle')}>
          {roles.length === 0 ? <p className="empty">{t('rolesEmpty')}</p> : null}
          <ul className="nav-list">
            {roles.map((r) => (
              <li key={r.id}>
                <button type="button" className={r.id === selected ? 'nav-item button-active link-button' : 'nav-item link-button'} aria-current={r.id === selected || undefined} onClick={() => setSelected(r.id)}>
                  {localize(r.name, locale) || r.key} <span className="cell-muted">{r.key}</span>
                </button>
              </li>
            ))}
          </ul>
          <form className="admin-section" onSubmit={(e) => void create(e)} noValidate>
            <h2>{t('newRole')}</h2>
            <ErrorBanner errors={{ '': newErrors[''] ?? [] }} />
            <TextInput label={t('roleKey')} name="key" value={key} onChange={setKey} errors={newErrors} hint={t('roleKeyHint')} required autoComplete="off" />
            <TextInput label={t('roleNameZh')} name="name.zh-CN" value={nameZh} onChange={setNameZh} errors={nameErrors} required />
            <TextInput label={t('roleNameEn')} name="name.en" value={nameEn} onChange={setNameEn} errors={newErrors} />
            <button type="submit" className="button" disabled={key.trim() === ''}>
              {t('create')}
            </button>
          </form>
        </section>
        <section className="card admin-panel">
          {current ? (
            <RoleEditor
              key={`${current.id}/${generation}`}
              app={app}
              role={current}
              forms={pkg.forms}
              users={users}
              departments={departments}
              onSaved={replace}
              onReload={load}
              onDeleted={() => {
                setRoles((list) => list?.filter((r) => r.id !== current.id));
                setSelected(null);
                notify(t('roleDeleted', { name: localize(current.name, locale) }));
              }}
            />
          ) : (
            <p className="empty">{t('selectRole')}</p>
          )}
        </section>
      </div>
    </>
  );
}

interface RoleEditorProps {
  readonly app: string;
  readonly role: Role;
  readonly forms: Parameters<typeof PermissionMatrix>[0]['forms'];
  readonly users: readonly DirectoryUser[];
  readonly departments: readonly Department[];
  readonly onSaved: (role: Role) => void;
  readonly onDeleted: () => void;
  readonly onReload: () => void;
}

function RoleEditor({ app, role, forms, users, departments, onSaved, onDeleted, onReload }: RoleEditorProps) {
  const t = useAdminT();
  const locale = useLocale();
  const notify = useNoticeStore((s) => s.show);
  const [nameZh, setNameZh] = useState(textIn(role.name, 'zh-CN'));
  const [nameEn, setNameEn] = useState(textIn(role.name, 'en'));
  const [design, setDesign] = useState(role.design === true);
  const [matrix, setMatrix] = useState<RoleForms>(role.forms);
  const [members, setMembers] = useState<readonly RoleMember[]>(role.members);
  const [errors, setErrors] = useState<InputErrors>({});
  const [memberErrors, setMemberErrors] = useState<InputErrors>({});
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formKeys = useMemo(() => forms.map((f) => f.key), [forms]);
  const displayName = localize(role.name, locale) || role.key;
  const nameChanged = !sameText(nameOf(nameZh, nameEn), role.name);
  const dirty = nameChanged || design !== (role.design === true) || !formsEqual(matrix, role.forms);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const saved = await adminApi.updateRole(app, role.id, {
        version: role.version,
        ...(nameChanged ? { name: nameOf(nameZh, nameEn) } : {}),
        design,
        forms: pruneForms(matrix, formKeys),
      });
      onSaved(saved);
      notify(t('permissionsSaved', { name: localize(saved.name, locale) || saved.key }));
    } catch (err) {
      if (isStale(err)) setStale(true);
      else setErrors(inputErrors(err, ['name.zh-CN', 'name.en', 'design']));
    } finally {
      setSaving(false);
    }
  };

  const saveMembers = async () => {
    setMemberErrors({});
    try {
      const saved = await adminApi.setRoleMembers(app, role.id, members);
      // the editor stays mounted (its key is the role's id), so unsaved matrix edits survive
      onSaved(saved);
      notify(t('membersSaved'));
    } catch (err) {
      if (isStale(err)) setStale(true);
      else setMemberErrors(inputErrors(err, []));
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      await adminApi.deleteRole(app, role.id);
      onDeleted();
    } catch (err) {
      if (isStale(err)) setStale(true);
      else setErrors(inputErrors(err, []));
    }
  };

  return (
    <>
      <h2 className="page-title">
        {displayName} <span className="cell-muted">{role.key}</span>
      </h2>
      {stale ? <StaleBanner onReload={onReload} /> : null}
      <section className="admin-section" aria-labelledby="role-members-title">
        <h3 id="role-members-title">{t('roleMembers')}</h3>
        <ErrorBanner errors={memberErrors} />
        <RoleMembersEditor members={members} onChange={setMembers} users={users} departments={departments} disabled={stale} />
        <p>
          <button type="button" className="button" disabled={stale || sameMembers(members, role.members)} onClick={() => void saveMembers()}>
            {t('saveMembers')}
          </button>
        </p>
      </section>
      <form className="admin-section" onSubmit={(e) => void save(e)} noValidate aria-labelledby="role-matrix-title">
        <ErrorBanner errors={errors} />
        <div className="admin-inline">
          <TextInput label={t('roleNameZh')} name="name.zh-CN" value={nameZh} onChange={setNameZh} errors={errors} />
          <TextInput label={t('roleNameEn')} name="name.en" value={nameEn} onChange={setNameEn} errors={errors} />
        </div>
        <CheckboxInput label={t('designRight')} checked={design} onChange={setDesign} hint={t('designRightHint')} disabled={stale} />
        <h3 id="role-matrix-title">{t('matrixTitle')}</h3>
        <p className="tr-field-description">{t('matrixHint')}</p>
        <PermissionMatrix forms={forms} value={matrix} onChange={setMatrix} disabled={stale} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving || stale || !dirty}>
            {saving ? t('saving') : t('savePermissions')}
          </button>
          {dirty ? <span className="dirty-mark">{t('unsaved')}</span> : null}
          <span className="toolbar-spacer" />
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>
            {t('delete')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('deleteRoleTitle', { name: displayName })}
        text={t('deleteRoleText')}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}
