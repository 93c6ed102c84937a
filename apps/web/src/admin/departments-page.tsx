import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-client.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useNoticeStore } from '../state/notice-store.js';
import { adminApi, type User } from './admin-api.js';
import { inputErrors, isStale, type InputErrors } from './admin-errors.js';
import { useAdminT } from './admin-messages.js';
import { AdminLayout, ErrorBanner, StaleBanner, TextInput } from './admin-ui.js';
import { buildDepartmentTree, departmentOptions, subtreeIds, type Department } from './department-tree.js';
import { DepartmentTreeView } from './department-tree-view.js';

/** `/admin/departments`: the organisation tree; create, rename, move, managers, delete. */
export function DepartmentsPage() {
  return (
    <AdminLayout adminOnly>
      <DepartmentsScreen />
    </AdminLayout>
  );
}

function DepartmentsScreen() {
  const t = useAdminT();
  const notify = useNoticeStore((s) => s.show);
  const [items, setItems] = useState<readonly Department[] | undefined>();
  const [users, setUsers] = useState<readonly User[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [rootName, setRootName] = useState('');
  const [rootErrors, setRootErrors] = useState<InputErrors>({});

  const load = useCallback(() => {
    setError(undefined);
    adminApi.listDepartments().then((b) => {
      setItems(b.items);
      // the top level starts open, so the first visit shows more than one line
      setExpanded((e) => (e.size > 0 ? e : new Set(b.items.filter((d) => d.parentId === null).map((d) => d.id))));
    }, setError);
    adminApi.listUsers().then((b) => setUsers(b.items), () => undefined);
  }, []);
  useEffect(load, [load]);

  const tree = useMemo(() => buildDepartmentTree(items ?? []), [items]);
  const current = items?.find((d) => d.id === selected);

  const createRoot = async (e: FormEvent) => {
    e.preventDefault();
    setRootErrors({});
    try {
      const d = await adminApi.createDepartment({ name: rootName.trim(), parentId: null });
      setRootName('');
      setItems((list) => [...(list ?? []), d]);
      setSelected(d.id);
      notify(t('departmentCreated', { name: d.name }));
    } catch (err) {
      setRootErrors(inputErrors(err, ['name']));
    }
  };

  if (error) return <LoadError error={error} onRetry={load} />;
  if (!items) return <Loading />;
  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('departmentsTitle')}</h1>
          <p className="page-subtitle">{t('departmentsSubtitle')}</p>
        </div>
      </div>
      <div className="admin-split">
        <section className="card admin-panel" aria-label={t('departmentsTitle')}>
          {items.length === 0 ? <p className="empty">{t('departmentsEmpty')}</p> : null}
          <DepartmentTreeView tree={tree} expanded={expanded} onExpandedChange={setExpanded} selected={selected} onSelect={setSelected} label={t('departmentsTitle')} />
          <form className="admin-section" onSubmit={(e) => void createRoot(e)} noValidate>
            <ErrorBanner errors={{ '': rootErrors[''] ?? [] }} />
            <div className="admin-inline">
              <TextInput label={t('newRootDepartment')} name="name" value={rootName} onChange={setRootName} errors={rootErrors} />
              <button type="submit" className="button" disabled={rootName.trim() === ''}>
                {t('create')}
              </button>
            </div>
          </form>
        </section>
        <section className="card admin-panel" aria-live="polite">
          {current ? (
            <DepartmentDetails
              key={`${current.id}/${current.version}`}
              dept={current}
              items={items}
              users={users}
              onReload={load}
              onChanged={(d) => setItems((list) => list?.map((x) => (x.id === d.id ? d : x)))}
              onCreated={(d) => {
                setItems((list) => [...(list ?? []), d]);
                setExpanded((e) => new Set([...e, current.id]));
                notify(t('departmentCreated', { name: d.name }));
              }}
              onDeleted={() => {
                setItems((list) => list?.filter((x) => x.id !== current.id));
                setSelected(current.parentId);
                notify(t('departmentDeleted', { name: current.name }));
              }}
            />
          ) : (
            <p className="empty">{t('chooseDepartment')}</p>
          )}
        </section>
      </div>
    </>
  );
}

interface DetailsProps {
  readonly dept: Department;
  readonly items: readonly Department[];
  readonly users: readonly User[];
  readonly onChanged: (d: Department) => void;
  readonly onCreated: (d: Department) => void;
  readonly onDeleted: () => void;
  readonly onReload: () => void;
}

function DepartmentDetails({ dept, items, users, onChanged, onCreated, onDeleted, onReload }: DetailsProps) {
  const t = useAdminT();
  const notify = useNoticeStore((s) => s.show);
  const [name, setName] = useState(dept.name);
  const [parentId, setParentId] = useState<string>(dept.parentId ?? '');
  const [sort, setSort] = useState(String(dept.sort));
  const [managerIds, setManagerIds] = useState<readonly string[]>(dept.managerIds);
  const [pick, setPick] = useState('');
  const [childName, setChildName] = useState('');
  const [errors, setErrors] = useState<InputErrors>({});
  const [childErrors, setChildErrors] = useState<InputErrors>({});
  const [stale, setStale] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saving, setSaving] = useState(false);
  const excluded = useMemo(() => subtreeIds(items, dept.id), [items, dept.id]);
  const parents = useMemo(() => departmentOptions(items).filter((o) => !excluded.has(o.dept.id)), [items, excluded]);
  const childCount = items.filter((d) => d.parentId === dept.id).length;
  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const sortNumber = Number(sort);
    const patch = {
      version: dept.version,
      ...(name.trim() !== dept.name ? { name: name.trim() } : {}),
      ...((parentId || null) !== dept.parentId ? { parentId: parentId || null } : {}),
      ...(Number.isFinite(sortNumber) && sortNumber !== dept.sort ? { sort: sortNumber } : {}),
      ...(JSON.stringify(managerIds) !== JSON.stringify(dept.managerIds) ? { managerIds } : {}),
    };
    if (Object.keys(patch).length === 1) return;
    setSaving(true);
    setErrors({});
    try {
      onChanged(await adminApi.updateDepartment(dept.id, patch));
      notify(t('saved'));
    } catch (err) {
      if (isStale(err)) setStale(true);
      else setErrors(inputErrors(err, ['name', 'parentId', 'sort', 'managerIds']));
    } finally {
      setSaving(false);
    }
  };

  const createChild = async (e: FormEvent) => {
    e.preventDefault();
    setChildErrors({});
    try {
      onCreated(await adminApi.createDepartment({ name: childName.trim(), parentId: dept.id }));
      setChildName('');
    } catch (err) {
      setChildErrors(inputErrors(err, ['name']));
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    setErrors({});
    try {
      await adminApi.deleteDepartment(dept.id);
      onDeleted();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'DEPARTMENT_NOT_EMPTY') setErrors({ '': [t('departmentNotEmpty', { name: dept.name })] });
      else if (isStale(err)) setStale(true);
      else setErrors(inputErrors(err, []));
    }
  };

  return (
    <>
      <h2 className="page-title">{dept.name}</h2>
      <p className="page-subtitle">
        {t('members', { count: dept.memberCount })} · {t('subDepartments', { count: childCount })}
      </p>
      {stale ? <StaleBanner onReload={onReload} /> : null}
      <ErrorBanner errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextInput label={t('departmentName')} name="name" value={name} onChange={setName} errors={errors} required />
        <div className="tr-field admin-field">
          <label className="tr-field-label" htmlFor="dept-parent">
            {t('moveTo')}
          </label>
          <select id="dept-parent" className="tr-select" value={parentId} onChange={(e) => setParentId(e.target.value)} aria-invalid={(errors['parentId'] ?? []).length > 0 || undefined}>
            <option value="">{t('topLevel')}</option>
            {parents.map((o) => (
              <option key={o.dept.id} value={o.dept.id}>
                {'\u00a0\u00a0'.repeat(o.depth)}
                {o.dept.name}
              </option>
            ))}
          </select>
          {(errors['parentId'] ?? []).map((m, i) => (
            <p key={i} className="tr-field-error">
              {m}
            </p>
          ))}
        </div>
        <TextInput label={t('sortOrder')} name="sort" type="number" value={sort} onChange={setSort} errors={errors} />
        <fieldset className="admin-section">
          <legend>{t('managers')}</legend>
          <p className="tr-field-description">{t('managersHint')}</p>
          <ul className="admin-list">
            {managerIds.map((id) => (
              <li key={id}>
                {userName(id)}
                <button type="button" className="button button-small" onClick={() => setManagerIds(managerIds.filter((m) => m !== id))} aria-label={`${t('remove')} ${userName(id)}`}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
          <div className="admin-inline">
            <select className="tr-select" value={pick} onChange={(e) => setPick(e.target.value)} aria-label={t('pickUser')}>
              <option value="">{t('pickUser')}</option>
              {users
                .filter((u) => !managerIds.includes(u.id))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName} ({u.username})
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={pick === ''}
              onClick={() => {
                setManagerIds([...managerIds, pick]);
                setPick('');
              }}
            >
              {t('addManager')}
            </button>
          </div>
          {(errors['managerIds'] ?? []).map((m, i) => (
            <p key={i} className="tr-field-error">
              {m}
            </p>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving || stale}>
            {saving ? t('saving') : t('save')}
          </button>
          <span className="toolbar-spacer" />
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>
            {t('delete')}
          </button>
        </div>
      </form>
      <form className="admin-section" onSubmit={(e) => void createChild(e)} noValidate>
        <ErrorBanner errors={{ '': childErrors[''] ?? [] }} />
        <div className="admin-inline">
          <TextInput label={t('newChild')} name="name" value={childName} onChange={setChildName} errors={childErrors} />
          <button type="submit" className="button" disabled={childName.trim() === ''}>
            {t('create')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('deleteDepartmentTitle', { name: dept.name })}
        text={t('deleteDepartmentText')}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}
