import type { CSSProperties } from 'react';
import { useRef } from 'react';
import { useDrag, useDrop, type DropTargetMonitor } from 'react-dnd';
import { localize, type FieldDef, type FormDef, type LayoutSection } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { useLocale } from '../i18n/use-t.js';
import { DND, type FieldItem, type PaletteTypeItem } from './dnd-items.js';
import { useDesignerT } from './designer-messages.js';
import { normalizedNodes, type DropTarget } from './draft-ops.js';
import { CanvasTabs } from './canvas-tabs.js';
import { sectionNumbers } from './tab-ops.js';
import { SubtableColumns } from './subtable-canvas.js';

/** What the canvas asks its page to do. */
export interface CanvasActions {
  addType(fieldType: string, target: DropTarget): void;
  move(key: string, target: DropTarget): void;
  nudge(key: string, delta: -1 | 1): void;
  remove(key: string): void;
  select(key: string): void;
  addSection(): void;
  updateSection(section: number, change: { columns?: number; title?: string }): void;
  removeSection(section: number): void;
  /** Adds a tab group at the end of the form. */
  addTabGroup(): void;
  addTab(group: number): void;
  renameTab(group: number, tab: number, title: string): void;
  moveTab(group: number, tab: number, delta: -1 | 1): void;
  removeTab(group: number, tab: number): void;
  removeTabGroup(group: number): void;
  /** Adds a section to tab `tab` of group `group`. */
  addSectionInTab(group: number, tab: number): void;
}

/** Props of the canvas. */
export interface CanvasProps {
  readonly form: FormDef;
  readonly selected: string | undefined;
  readonly actions: CanvasActions;
}

/** The form being designed: its sections, each a grid of field cards that take drops. */
export function Canvas({ form, selected, actions }: CanvasProps) {
  const t = useDesignerT();
  const nodes = normalizedNodes(form);
  const numbers = sectionNumbers(nodes);
  const count = numbers.length === 0 ? 0 : nodes.flatMap((n) => (n.kind === 'tabs' ? n.tabs.flatMap((t) => t.sections) : [n])).length;
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const [{ over }, drop] = useDrop(
    () => ({ accept: DND.paletteSection, drop: () => actions.addSection(), collect: (m) => ({ over: m.isOver() }) }),
    [actions],
  );
  return (
    <section className="designer-canvas" aria-label={t('canvas')}>
      {nodes.map((node, n) =>
        node.kind === 'tabs' ? (
          <CanvasTabs key={`tabs-${n}`} group={n} node={node} firstSections={numbers[n]!.tabs!} count={count} byKey={byKey} selected={selected} actions={actions} />
        ) : (
          <CanvasSection key={numbers[n]!.first} index={numbers[n]!.first} count={count} section={node} fields={node.fields.map((k) => byKey.get(k)!).filter(Boolean)} selected={selected} actions={actions} />
        ),
      )}
      <div
        ref={(node) => {
          drop(node);
        }}
        className={`designer-section-drop${over ? ' is-over' : ''}`}
      >
        + {t('sectionItem')}
      </div>
    </section>
  );
}

/** One section of the canvas (numbered across tab groups): title, columns, its field cards and drop zones. */
export function CanvasSection({ index, count, section, fields, selected, actions }: { index: number; count: number; section: LayoutSection; fields: FieldDef[]; selected: string | undefined; actions: CanvasActions }) {
  const t = useDesignerT();
  const locale = useLocale();
  const columns = section.columns ?? 1;
  return (
    <div className="designer-section" data-section={index}>
      <div className="designer-section-bar">
        <input
          className="tr-input"
          aria-label={`${t('sectionTitle')} ${index + 1}`}
          placeholder={t('section', { n: index + 1 })}
          value={localize(section.title, locale)}
          onChange={(e) => actions.updateSection(index, { title: e.target.value })}
        />
        <label className="designer-inline">
          {t('columns')}
          <select className="tr-input tr-select" value={columns} onChange={(e) => actions.updateSection(index, { columns: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {count > 1 ? (
          <button type="button" className="button" onClick={() => actions.removeSection(index)}>
            {t('removeSection')}
          </button>
        ) : null}
      </div>
      <div className="designer-grid" style={{ ['--designer-columns' as string]: String(columns) } as CSSProperties}>
        {fields.map((field, i) => (
          <FieldCard key={field.id} field={field} section={index} index={i} columns={columns} selected={selected === field.key} actions={actions} />
        ))}
        <EndDrop section={index} empty={fields.length === 0} actions={actions} />
      </div>
    </div>
  );
}

function useFieldDrop(target: DropTarget, actions: CanvasActions, element?: { current: HTMLElement | null }, sideways = false) {
  // over a field card, the first half of the card means "before it", the second "after it"
  const resolve = (monitor: DropTargetMonitor): DropTarget => {
    const offset = monitor.getClientOffset();
    const rect = element?.current?.getBoundingClientRect();
    if (!offset || !rect || target.index === undefined) return target;
    const after = sideways ? offset.x > rect.left + rect.width / 2 : offset.y > rect.top + rect.height / 2;
    return after ? { section: target.section, index: target.index + 1 } : target;
  };
  return useDrop(
    () => ({
      accept: [DND.paletteType, DND.field],
      drop: (item: PaletteTypeItem | FieldItem, monitor) => {
        if (monitor.didDrop()) return;
        const at = resolve(monitor);
        if ('fieldType' in item) actions.addType(item.fieldType, at);
        else actions.move(item.key, at);
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }), after: m.isOver({ shallow: true }) && resolve(m) !== target }),
    }),
    [target.section, target.index, actions, sideways],
  );
}

function FieldCard({ field, section, index, columns, selected, actions }: { field: FieldDef; section: number; index: number; columns: number; selected: boolean; actions: CanvasActions }) {
  const t = useDesignerT();
  const locale = useLocale();
  const [{ dragging }, drag] = useDrag(() => ({ type: DND.field, item: { key: field.key }, collect: (m) => ({ dragging: m.isDragging() }) }), [field.key]);
  const element = useRef<HTMLDivElement | null>(null);
  const [{ over, after }, drop] = useFieldDrop({ section, index }, actions, element, columns > 1);
  const typeLabel = localize(fieldTypes.get(field.type)?.label ?? field.type, locale);
  return (
    <div
      ref={(node) => {
        element.current = node;
        drag(drop(node));
      }}
      className={`designer-field${selected ? ' is-selected' : ''}${over ? (after ? ' is-over-after' : ' is-over') : ''}${dragging ? ' is-dragging' : ''}${columns > 1 ? ' is-sideways' : ''}`}
      data-field-key={field.key}
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" className="designer-field-main" onClick={() => actions.select(field.key)}>
        <span className="designer-field-label">
          {localize(field.label, locale)}
          {field.required ? <span className="tr-required"> *</span> : null}
        </span>
        <span className="designer-field-type">
          {typeLabel} · {field.key}
        </span>
      </button>
      <span className="designer-field-tools">
        <button type="button" className="button" aria-label={`${t('moveUp')} ${localize(field.label, locale)}`} title={t('moveUp')} onClick={() => actions.nudge(field.key, -1)}>
          ↑
        </button>
        <button type="button" className="button" aria-label={`${t('moveDown')} ${localize(field.label, locale)}`} title={t('moveDown')} onClick={() => actions.nudge(field.key, 1)}>
          ↓
        </button>
        <button type="button" className="button" aria-label={`${t('removeField')} ${localize(field.label, locale)}`} title={t('removeField')} onClick={() => actions.remove(field.key)}>
          ✕
        </button>
      </span>
      {field.type === 'subtable' ? <SubtableColumns field={field} /> : null}
    </div>
  );
}

function EndDrop({ section, empty, actions }: { section: number; empty: boolean; actions: CanvasActions }) {
  const t = useDesignerT();
  const [{ over }, drop] = useFieldDrop({ section }, actions);
  return (
    <div
      ref={(node) => {
        drop(node);
      }}
      className={`designer-drop${over ? ' is-over' : ''}${empty ? ' is-empty' : ''}`}
      data-drop-section={section}
    >
      {empty ? t('canvasEmpty') : t('dropHere')}
    </div>
  );
}
