import { useState } from 'react';
import type { FormDef } from '@trellis/schema';
import { usePublicT } from './public-messages.js';
import { SharePanel } from './share-panel.js';

/**
 * The "Share" button of a form's list view; opens the {@link SharePanel}.
 *
 * @example <ShareButton app="crm" form={form} />
 */
export function ShareButton({ app, form }: { readonly app: string; readonly form: FormDef }) {
  const t = usePublicT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('share')}
      </button>
      {open ? <SharePanel app={app} form={form} open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
