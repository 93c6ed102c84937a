import { useEffect, useRef } from 'react';
import type { HiddenDataDto, PlanDto } from './designer-api.js';
import { useDesignerT } from './designer-messages.js';
import { childPlanLines } from './subtable-plan.js';
import { useSubtableT } from './subtable-messages.js';

/** What the publish dialog shows. */
export type PublishDialogState =
  | { readonly step: 'closed' }
  | { readonly step: 'planning' }
  | { readonly step: 'problems'; readonly problems: readonly { readonly path: string; readonly message: string }[] }
  | { readonly step: 'plan'; readonly plan: PlanDto; readonly hidesData: HiddenDataDto; readonly busy: boolean }
  | { readonly step: 'done'; readonly version: number; readonly applied: boolean };

/** The summary lines of a plan (new tables, new columns, hidden and restored fields, renames, definition changes). */
export function planLines(plan: PlanDto, t: ReturnType<typeof useDesignerT>): string[] {
  const lines: string[] = [];
  const list = (items: readonly string[]) => items.join(', ');
  if (plan.newApp) lines.push(t('planNewApp'));
  if (plan.tablesToCreate.length > 0) lines.push(t('planTables', { list: list(plan.tablesToCreate.map((x) => x.form)) }));
  if (plan.columnsToAdd.length > 0) lines.push(t('planColumns', { list: list(plan.columnsToAdd.map((c) => `${c.form}.${c.key}`)) }));
  if ((plan.joinTablesToCreate?.length ?? 0) > 0) lines.push(t('planJoinTables', { list: list(plan.joinTablesToCreate!.map((j) => `${j.form}.${j.key} → ${j.target}`)) }));
  if (plan.fieldsHidden.length > 0) lines.push(t('planHidden', { list: list(plan.fieldsHidden.map((c) => `${c.form}.${c.key}`)) }));
  if (plan.formsHidden.length > 0) lines.push(t('planFormsHidden', { list: list(plan.formsHidden.map((f) => f.form)) }));
  if (plan.fieldsRestored.length > 0) lines.push(t('planRestored', { list: list(plan.fieldsRestored.map((c) => `${c.form}.${c.key}`)) }));
  if (plan.keysRenamed.length > 0) lines.push(t('planRenamed', { list: list(plan.keysRenamed.map((r) => `${r.form}.${r.from} → ${r.to}`)) }));
  if (plan.definitionsChanged.length > 0) lines.push(t('planDefinitions', { count: plan.definitionsChanged.length }));
  return lines;
}

/** Props of the publish dialog. */
export interface PublishDialogProps {
  readonly app: string;
  readonly state: PublishDialogState;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly onOpenForm: () => void;
}

/** The publish flow in a modal: the plan summary, a confirmation when data would be hidden, the result. */
export function PublishDialog({ app, state, onConfirm, onClose, onOpenForm }: PublishDialogProps) {
  const t = useDesignerT();
  const ts = useSubtableT();
  const ref = useRef<HTMLDialogElement>(null);
  const open = state.step !== 'closed';
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const hides = state.step === 'plan' ? [...state.hidesData.fields.map((f) => t('recordsCount', { name: `${f.form}.${f.key}`, count: f.records })), ...state.hidesData.forms.map((f) => t('recordsCount', { name: f.form, count: f.records }))] : [];
  return (
    <dialog
      ref={ref}
      className="dialog designer-publish"
      aria-labelledby="publish-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="publish-title" className="dialog-title">
        {t('publishTitle', { app })}
      </h2>
      {state.step === 'planning' ? <p>{t('publishing')}</p> : null}
      {state.step === 'problems' ? (
        <>
          <p>{t('problems')}</p>
          <ul className="designer-problems">
            {state.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.step === 'plan' ? (
        <>
          {state.plan.changed ? (
            <ul className="designer-plan">
              {[...planLines(state.plan, t), ...childPlanLines(state.plan, ts)].map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{t('planNothing')}</p>
          )}
          {hides.length > 0 ? (
            <p className="designer-warning" role="alert">
              {t('hidesData', { list: hides.join(', ') })}
            </p>
          ) : null}
        </>
      ) : null}
      {state.step === 'done' ? <p role="status">{t('published', { version: state.version })}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('cancel')}
        </button>
        {state.step === 'plan' && state.plan.changed ? (
          <button type="button" className={hides.length > 0 ? 'button button-danger' : 'button button-primary'} disabled={state.busy} onClick={onConfirm}>
            {hides.length > 0 ? t('confirmHide') : t('confirmPublish')}
          </button>
        ) : null}
        {state.step === 'done' ? (
          <button type="button" className="button button-primary" onClick={onOpenForm}>
            {t('openForm')}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
