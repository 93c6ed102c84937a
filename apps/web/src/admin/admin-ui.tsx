import { useEffect, useId, useRef, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { AppHeader } from '../components/app-header.js';
import { Loading } from '../components/load-states.js';
import { useAccess, type AccessState } from './admin-access.js';
import type { InputErrors } from './admin-errors.js';
import { useAdminT } from './admin-messages.js';
import { useT } from '../i18n/use-t.js';
import './admin.css';

/** "Changed by someone else, reload": shown when a save met a stale version (409). */
export function StaleBanner({ onReload }: { readonly onReload: () => void }) {
  const t = useAdminT();
  return (
    <div className="banner banner-warning" role="alert">
      <div>
        <strong>{t('staleTitle')}</strong>
        <p>{t('staleText')}</p>
      </div>
      <button type="button" className="button" onClick={onReload}>
        {t('reload')}
      </button>
    </div>
  );
}

/** The messages of no input (`errors['']`), and a hint when inputs have errors too. */
export function ErrorBanner({ errors }: { readonly errors: InputErrors }) {
  const t = useAdminT();
  const general = errors[''] ?? [];
  const inputs = Object.entries(errors).some(([k, v]) => k !== '' && v.length > 0);
  if (general.length === 0 && !inputs) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>
        {inputs ? <strong>{t('fixErrors')}</strong> : null}
        {general.map((m, i) => (
          <p key={i}>{m}</p>
        ))}
      </div>
    </div>
  );
}

/** Props of `TextInput`. */
export interface TextInputProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly errors?: InputErrors;
  readonly hint?: string;
  readonly type?: 'text' | 'password' | 'email' | 'date' | 'number';
  readonly required?: boolean;
  readonly autoComplete?: string;
  readonly disabled?: boolean;
}

/** A labelled input whose server errors (by input name) sit under it and are announced. */
export function TextInput({ label, name, value, onChange, errors = {}, hint, type = 'text', required, autoComplete, disabled }: TextInputProps) {
  const id = useId();
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="tr-field admin-field">
      <label className="tr-field-label" htmlFor={id}>
        {label}
        {required ? <span className="tr-required" aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={name}
        className="tr-input"
        type={type}
        value={value}
        required={required}
        disabled={disabled}
        autoComplete={autoComplete}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="tr-field-description">
          {hint}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <p id={`${id}-error`} className="tr-field-error">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxInput({ label, checked, onChange, hint, disabled }: { readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void; readonly hint?: string; readonly disabled?: boolean }) {
  const id = useId();
  return (
    <div className="admin-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="tr-field-description">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A modal dialog holding a form, on the native `<dialog>` (focus trap and Escape as the
 * browser does them); Escape or Cancel closes it.
 */
export function FormDialog({ open, title, onClose, children, wide = false }: { readonly open: boolean; readonly title: string; readonly onClose: () => void; readonly children: ReactNode; readonly wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog admin-dialog admin-dialog-wide' : 'dialog admin-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {open ? children : null}
    </dialog>
  );
}

/** Shown instead of a page the caller may not see. */
export function NotAllowed({ access }: { readonly access: AccessState }) {
  const t = useAdminT();
  return (
    <div className="state-box state-error" role="alert">
      <p>
        <strong>{t('notAllowedTitle')}</strong>
      </p>
      <p>{access.status === 'anonymous' ? t('signInRequired') : t('notAllowedText')}</p>
    </div>
  );
}

/**
 * The frame of `/admin/*` and `/account/*`: the header, the administration menu (for
 * administrators) and the page. `adminOnly` pages show "administrators only" to others
 * (the server refuses them anyway; this only saves a confusing error).
 */
export function AdminLayout({ adminOnly, children }: { readonly adminOnly: boolean; readonly children: ReactNode }) {
  const t = useAdminT();
  const appT = useT();
  const access = useAccess();
  const admin = access.status === 'ready' && access.me.isAdmin;
  return (
    <div className="page-frame">
      <AppHeader>
        <span className="header-app">{adminOnly ? t('administration') : t('navApiKeys')}</span>
      </AppHeader>
      <div className="app-body">
        <nav className="side-nav" aria-label={t('administration')}>
          <NavLink to="/" className="side-nav-back">
            ← {appT('navHome')}
          </NavLink>
          <ul className="nav-list">
            {admin ? (
              <>
                <li>
                  <NavLink to="/admin/users" className="nav-item">
                    {t('navUsers')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/admin/departments" className="nav-item">
                    {t('navDepartments')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/admin/audit" className="nav-item">
                    {t('navAudit')}
                  </NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/account/api-keys" className="nav-item">
                {t('navApiKeys')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <main className="app-main" id="main">
          {access.status === 'loading' ? <Loading /> : adminOnly && !admin ? <NotAllowed access={access} /> : access.status === 'anonymous' ? <NotAllowed access={access} /> : children}
        </main>
      </div>
    </div>
  );
}

/**
 * Copies text to the clipboard; resolves false when the browser refuses.
 *
 * @example const ok = await copyText(secret);
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
