import { useNoticeStore } from '../state/notice-store.js';

/** Renders the transient notices in a polite live region. */
export function Notices() {
  const notices = useNoticeStore((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          {n.text}
        </div>
      ))}
    </div>
  );
}
