import { useMemo, useState } from 'react';
import { useAdminT } from './admin-messages.js';
import type { DirectoryUser, RoleMember } from './admin-api.js';
import { departmentOptions, departmentPath, type Department } from './department-tree.js';
import { addMember, memberKey, removeMember, setIncludeChildren } from './role-members.js';

/** Props of `RoleMembersEditor`. */
export interface RoleMembersEditorProps {
  readonly members: readonly RoleMember[];
  readonly onChange: (next: readonly RoleMember[]) => void;
  readonly users: readonly DirectoryUser[];
  readonly departments: readonly Department[];
  readonly disabled?: boolean;
}

/** The members of a role: users, and departments with or without their sub-departments. */
export function RoleMembersEditor({ members, onChange, users, departments, disabled = false }: RoleMembersEditorProps) {
  const t = useAdminT();
  const [user, setUser] = useState('');
  const [dept, setDept] = useState('');
  const options = useMemo(() => departmentOptions(departments), [departments]);
  const userLabel = (id: string) => {
    const u = users.find((x) => x.id === id);
    return u ? `${u.displayName} (${u.username})` : id;
  };
  return (
    <div>
      {members.length === 0 ? <p className="empty">{t('membersEmpty')}</p> : null}
      <ul className="admin-list">
        {members.map((m) => (
          <li key={memberKey(m)}>
            {'userId' in m ? (
              <span><span className="admin-tag">{t('memberUser')}</span> {userLabel(m.userId)}</span>
            ) : (
              <>
                <span><span className="admin-tag">{t('memberDept')}</span> {departmentPath(departments, m.deptId)}</span>
                <label>
                  <input type="checkbox" checked={m.includeChildren} disabled={disabled} onChange={(e) => onChange(setIncludeChildren(members, m.deptId, e.target.checked))} /> {t('includeChildren')}
                </label>
              </>
            )}
            <button
              type="button"
              className="button button-small"
              disabled={disabled}
              aria-label={`${t('remove')} ${'userId' in m ? userLabel(m.userId) : departmentPath(departments, m.deptId)}`}
              onClick={() => onChange(removeMember(members, m))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="admin-inline">
        <select className="tr-select" value={user} disabled={disabled} onChange={(e) => setUser(e.target.value)} aria-label={t('addUserMember')}>
          <option value="">{t('pickUser')}</option>
          {users
            .filter((u) => !members.some((m) => 'userId' in m && m.userId === u.id))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled || user === ''}
          onClick={() => {
            onChange(addMember(members, { userId: user }));
            setUser('');
          }}
        >
          {t('addUserMember')}
        </button>
        <select className="tr-select" value={dept} disabled={disabled} onChange={(e) => setDept(e.target.value)} aria-label={t('addDeptMember')}>
          <option value="">{t('addDeptMember')}</option>
          {options.map((o) => (
            <option key={o.dept.id} value={o.dept.id}>
              {'\u00a0\u00a0'.repeat(o.depth)}
              {o.dept.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled || dept === ''}
          onClick={() => {
            onChange(addMember(members, { deptId: dept, includeChildren: true }));
            setDept('');
          }}
        >
          {t('addDeptMember')}
        </button>
      </div>
    </div>
  );
}
