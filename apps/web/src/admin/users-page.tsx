import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { formatDateTime } from '@trellis/ui';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { useNoticeStore } from '../state/notice-store.js';
import { adminApi, type User } from './admin-api.js';
import { formOf, userPatch, type UserForm } from './user-form.js';
import { inputErrors, isStale, type InputErrors } from './admin-errors.js';
import { useAdminT } from './admin-messages.js';
import { AdminLayout, CheckboxInput, ErrorBanner, FormDialog, StaleBanner, TextInput } from './admin-ui.js';
import { departmentOptions, departmentPath, type Department } from './department-tree.js';

type Dialog = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly user: User } | { readonly kind: 'depts'; readonly user: User } | null;

/** `/admin/users`: the accounts, searchable; create, edit, suspend, reset password, departments. */
export function UsersPage() {
  return (
    <AdminLayout adminOnly>
      <UsersScreen />
    </AdminLayout>
  );
}

function UsersScreen() {
  const t = useAdminT();
  const locale = useLocale();
  const notify = useNoticeStore((s) => s.show);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<readonly User[] | undefined>();
  const [departments, setDepartments] = useState<readonly Department[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rowError, setRowError] = useState<{ id: string; errors: InputErrors; stale: boolean } | undefined>();

  const load = useCallback(() => {
    setError(undefined);
    adminApi.listUsers(query).then((b) => setUsers(b.items), setError);
    adminApi.listDepartments().then((b) => setDepartments(b.items), () => undefined);
  }, [query]);
  useEffect(load, [load]);

  const replace = (user: User) => setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)));

  const toggleStatus = async (user: User) => {
    setRowError(undefined);
    const status = user.status === 'active' ? 'suspended' : 'active';
    try {
      const saved = await adminApi.updateUser(user.id, { version: user.version, status });
      replace(saved);
      notify(t(status === 'suspended' ? 'userSuspended' : 'userReactivated', { name: saved.displayName }));
    } catch (e) {
      setRowError({ id: user.id, errors: inputErrors(e, []), stale: isStale(e) });
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('usersTitle')}</h1>
          <p className="page-subtitle">{t('usersSubtitle')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'new' })}>
          + {t('newUser')}
        </button>
      </div>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q);
        }}
      >
        <input className="tr-input search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('usersSearch')} aria-label={t('usersSearch')} />
        <button type="submit" className="button">
          {t('search')}
        </button>
      </form>
      {rowError ? rowError.stale ? <StaleBanner onReload={() => { setRowError(undefined); load(); }} /> : <ErrorBanner errors={rowError.errors} /> : null}
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : !users ? (
        <Loading />
      ) : users.length === 0 ? (
        <p className="empty">{t('usersEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('username')}</th>
                <th scope="col">{t('displayName')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('departments')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.username} {u.isAdmin ? <span className="admin-tag admin-tag-admin">{t('isAdmin')}</span> : null}
                  </td>
                  <td>{u.displayName}</td>
                  <td>{u.email ?? ''}</td>
                  <td>
                    {u.deptIds.length === 0 ? (
                      <span className="cell-muted">{t('noDepartments')}</span>
                    ) : (
                      u.deptIds.map((d) => (
                        <span key={d} className="admin-tag">
                          {departmentPath(departments, d)}
                          {d === u.primaryDeptId ? ' ★' : ''}
                        </span>
                      ))
                    )}
                  </td>
                  <td>{u.status === 'active' ? t('statusActive') : <span className="admin-tag admin-tag-warn">{t('statusSuspended')}</span>}</td>
                  <td>{formatDateTime(u.createdAt, locale)}</td>
                  <td className="admin-inline">
                    <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={t('editUser', { name: u.displayName })}>
                      {t('edit')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'depts', user: u })} aria-label={t('assignDepartments', { name: u.displayName })}>
                      {t('departments')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => void toggleStatus(u)}>
                      {u.status === 'active' ? t('suspend') : t('reactivate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormDialog open={dialog?.kind === 'new'} title={t('newUser')} onClose={() => setDialog(null)}>
        <NewUserForm
          onCancel={() => setDialog(null)}
          onCreated={(u) => {
            setDialog(null);
            setUsers((list) => [u, ...(list ?? [])]);
            notify(t('userCreated', { name: u.displayName }));
          }}
        />
      </FormDialog>
      <FormDialog open={dialog?.kind === 'edit'} title={dialog?.kind === 'edit' ? t('editUser', { name: dialog.user.displayName }) : ''} onClose={() => setDialog(null)}>
        {dialog?.kind === 'edit' ? (
          <EditUserForm
            user={dialog.user}
            onCancel={() => setDialog(null)}
            onReload={() => {
              setDialog(null);
              load();
            }}
            onSaved={(u, passwordReset) => {
              setDialog(null);
              replace(u);
              notify(passwordReset ? t('passwordReset', { name: u.displayName }) : t('saved'));
            }}
          />
        ) : null}
      </FormDialog>
      <FormDialog open={dialog?.kind === 'depts'} title={dialog?.kind === 'depts' ? t('assignDepartments', { name: dialog.user.displayName }) : ''} onClose={() => setDialog(null)}>
        {dialog?.kind === 'depts' ? (
          <UserDepartmentsForm
            user={dialog.user}
            departments={departments}
            onCancel={() => setDialog(null)}
            onSaved={(deptIds, primaryDeptId) => {
              setDialog(null);
              replace({ ...dialog.user, deptIds, primaryDeptId });
              notify(t('departmentsSaved'));
            }}
          />
        ) : null}
      </FormDialog>
    </>
  );
}

function NewUserForm({ onCreated, onCancel }: { readonly onCreated: (u: User) => void; readonly onCancel: () => void }) {
  const t = useAdminT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [admin, setAdmin] = useState(false);
  const [errors, setErrors] = useState<InputErrors>({});
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      onCreated(await adminApi.createUser({ username: username.trim(), displayName: displayName.trim(), password, ...(email.trim() ? { email: email.trim() } : {}), isAdmin: admin }));
    } catch (err) {
      setErrors(inputErrors(err, ['username', 'displayName', 'password', 'email', 'isAdmin']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBanner errors={errors} />
      <TextInput label={t('username')} name="username" value={username} onChange={setUsername} errors={errors} required autoComplete="off" />
      <TextInput label={t('displayName')} name="displayName" value={displayName} onChange={setDisplayName} errors={errors} required />
      <TextInput label={t('initialPassword')} name="password" type="password" value={password} onChange={setPassword} errors={errors} hint={t('passwordHint')} required autoComplete="new-password" />
      <TextInput label={t('email')} name="email" type="email" value={email} onChange={setEmail} errors={errors} />
      <CheckboxInput label={t('isAdmin')} checked={admin} onChange={setAdmin} hint={t('isAdminHint')} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('saving') : t('create')}
        </button>
      </div>
    </form>
  );
}

function EditUserForm({ user, onSaved, onCancel, onReload }: { readonly user: User; readonly onSaved: (u: User, passwordReset: boolean) => void; readonly onCancel: () => void; readonly onReload: () => void }) {
  const t = useAdminT();
  const [form, setForm] = useState<UserForm>(() => formOf(user));
  const [errors, setErrors] = useState<InputErrors>({});
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch = userPatch(user, form);
    if (Object.keys(patch).length === 1) return onCancel();
    setSaving(true);
    setErrors({});
    try {
      onSaved(await adminApi.updateUser(user.id, patch), patch.password !== undefined);
    } catch (err) {
      if (isStale(err)) setStale(true);
      else setErrors(inputErrors(err, ['displayName', 'email', 'locale', 'isAdmin', 'status', 'password']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {stale ? <StaleBanner onReload={onReload} /> : null}
      <ErrorBanner errors={errors} />
      <p className="page-subtitle">{user.username}</p>
      <TextInput label={t('displayName')} name="displayName" value={form.displayName} onChange={(v) => set('displayName', v)} errors={errors} required />
      <TextInput label={t('email')} name="email" type="email" value={form.email} onChange={(v) => set('email', v)} errors={errors} />
      <div className="tr-field admin-field">
        <label className="tr-field-label" htmlFor="user-locale">
          {t('locale')}
        </label>
        <select id="user-locale" className="tr-select" value={form.locale} onChange={(e) => set('locale', e.target.value)}>
          <option value="">{t('localeDefault')}</option>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="tr-field admin-field">
        <label className="tr-field-label" htmlFor="user-status">
          {t('status')}
        </label>
        <select id="user-status" className="tr-select" value={form.status} onChange={(e) => set('status', e.target.value as UserForm['status'])}>
          <option value="active">{t('statusActive')}</option>
          <option value="suspended">{t('statusSuspended')}</option>
        </select>
      </div>
      <CheckboxInput label={t('isAdmin')} checked={form.isAdmin} onChange={(v) => set('isAdmin', v)} hint={t('isAdminHint')} />
      <TextInput label={`${t('resetPassword')} · ${t('newPassword')}`} name="password" type="password" value={form.password} onChange={(v) => set('password', v)} errors={errors} hint={t('passwordHint')} autoComplete="new-password" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}

function UserDepartmentsForm({ user, departments, onSaved, onCancel }: { readonly user: User; readonly departments: readonly Department[]; readonly onSaved: (deptIds: string[], primary: string | null) => void; readonly onCancel: () => void }) {
  const t = useAdminT();
  const options = useMemo(() => departmentOptions(departments), [departments]);
  const [chosen, setChosen] = useState<readonly string[]>(user.deptIds);
  const [primary, setPrimary] = useState<string | null>(user.primaryDeptId ?? user.deptIds[0] ?? null);
  const [errors, setErrors] = useState<InputErrors>({});
  const [saving, setSaving] = useState(false);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((d) => d !== id);
    setChosen(next);
    if (!on && primary === id) setPrimary(next[0] ?? null);
    if (on && primary === null) setPrimary(id);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = await adminApi.setUserDepartments(user.id, chosen, chosen.length === 0 ? null : primary);
      onSaved(body.deptIds, body.primaryDeptId);
    } catch (err) {
      setErrors(inputErrors(err, ['deptIds', 'primaryDeptId']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBanner errors={errors} />
      {options.length === 0 ? <p className="empty">{t('departmentsEmpty')}</p> : null}
      <table className="admin-matrix">
        <thead>
          <tr>
            <th scope="col">{t('departments')}</th>
            <th scope="col">{t('primaryDepartment')}</th>
          </tr>
        </thead>
        <tbody>
          {options.map(({ dept, depth }) => {
            const on = chosen.includes(dept.id);
            return (
              <tr key={dept.id}>
                <td style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>
                  <label>
                    <input type="checkbox" checked={on} onChange={(e) => toggle(dept.id, e.target.checked)} /> {dept.name}
                  </label>
                </td>
                <td>
                  <input
                    type="radio"
                    name="primary-dept"
                    checked={on && primary === dept.id}
                    disabled={!on}
                    onChange={() => setPrimary(dept.id)}
                    aria-label={`${t('primaryDepartment')}: ${departmentPath(departments, dept.id)}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(errors['deptIds'] ?? []).concat(errors['primaryDeptId'] ?? []).map((m, i) => (
        <p key={i} className="tr-field-error">
          {m}
        </p>
      ))}
      <p className="tr-field-description">{t('primaryHint')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('saving') : t('saveDepartments')}
        </button>
      </div>
    </form>
  );
}
