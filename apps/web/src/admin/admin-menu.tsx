import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useAccess } from './admin-access.js';
import { useAdminT } from './admin-messages.js';
import './admin.css';

/**
 * The header's "Administration" menu (a disclosure button with links): users, departments
 * and the audit log for administrators, and "API keys" for everybody signed in. Escape
 * closes it and gives focus back to the button; nothing shows for anonymous visitors.
 */
export function AdminMenu() {
  const t = useAdminT();
  const access = useAccess();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  if (access.status !== 'ready') return null;
  const admin = access.me.isAdmin;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };
  const links = [
    ...(admin
      ? [
          { to: '/admin/users', label: t('navUsers') },
          { to: '/admin/departments', label: t('navDepartments') },
          { to: '/admin/audit', label: t('navAudit') },
        ]
      : []),
    { to: '/account/api-keys', label: t('navApiKeys') },
  ];
  return (
    <div className="admin-menu" ref={box} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="button button-small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {admin ? t('administration') : t('navApiKeys')} ▾
      </button>
      {open ? (
        <ul id={id} className="admin-menu-list">
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="nav-item" onClick={() => setOpen(false)}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
