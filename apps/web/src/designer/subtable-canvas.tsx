import { createContext, useContext, useRef } from 'react';
import { useDrag, useDrop, type DropTargetMonitor } from 'react-dnd';
import { fieldTypes } from '@trellis/forms';
import { localize, type FieldDef } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { DND, type PaletteTypeItem } from './dnd-items.js';
import { canBeColumn, columnsOf, columnSelection } from './subtable-ops.js';
import { useSubtableT } from './subtable-messages.js';

/** react-dnd item type of a sub-table column being moved: `{ subtable, key }`. */
export const COLUMN_ITEM = 'designer/subtable-column';

interface ColumnItem {
  readonly subtable: string;
  readonly key: string;
}

/** What the sub-table cards of the canvas ask the page to do (each goes through a designer store action). */
export interface SubtableActions {
  addColumn(subtable: string, fieldType: string, index?: number): void;
  moveColumn(subtable: string, key: string, index: number): void;
  nudgeColumn(subtable: string, key: string, delta: -1 | 1): void;
  removeColumn(subtable: string, key: string): void;
  /** Selects `items/qty` (a column) for the properties panel. */
  select(selection: string): void;
  readonly selected: string | undefined;
}

/** Provides the sub-table actions to the canvas's sub-table cards. */
export const SubtableActionsContext = createContext<SubtableActions | undefined>(undefined);

/**
 * The columns of a sub-table field card on the canvas: a react-dnd drop target of palette
 * types (a new column, before the column hovered or at the end) and of its own columns
 * (reordering); each column chip is draggable, selectable, and has left/right/remove buttons.
 * Only shown for `subtable` fields, inside their `FieldCard`.
 */
export function SubtableColumns({ field }: { field: FieldDef }) {
  const actions = useContext(SubtableActionsContext);
  const t = useSubtableT();
  const locale = useLocale();
  const columns = columnsOf(field);
  const [{ over }, drop] = useDrop(
    () => ({
      accept: [DND.paletteType, COLUMN_ITEM],
      canDrop: (item: PaletteTypeItem | ColumnItem) => ('fieldType' in item ? canBeColumn(fieldTypes.get(item.fieldType) ?? { type: '', storesValue: false }) : item.subtable === field.key),
      drop: (item: PaletteTypeItem | ColumnItem, monitor) => {
        if (monitor.didDrop() || !actions) return;
        if ('fieldType' in item) actions.addColumn(field.key, item.fieldType);
        else actions.moveColumn(field.key, item.key, columns.length);
        return { handled: true };
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }) && m.canDrop() }),
    }),
    [field.key, columns.length, actions],
  );
  if (!actions) return null;
  const name = localize(field.label, locale) || field.key;
  return (
    <div
      ref={(node) => {
        drop(node);
      }}
      className={`designer-subtable${over ? ' is-over' : ''}`}
      data-subtable={field.key}
      role="group"
      aria-label={t('subtableColumns', { name })}
    >
      {columns.map((c, i) => (
        <ColumnChip key={c.id} subtable={field.key} column={c} index={i} count={columns.length} actions={actions} />
      ))}
      <span className="designer-subtable-drop" data-drop-subtable={field.key}>
        {columns.length === 0 ? t('subtableDrop') : t('subtableDropMore')}
      </span>
      {/* the keyboard way to add a column */}
      <select
        className="tr-input tr-select designer-subtable-add"
        aria-label={t('addColumn', { name })}
        value=""
        onChange={(e) => {
          if (e.target.value !== '') actions.addColumn(field.key, e.target.value);
        }}
      >
        <option value="">{t('addColumnOption')}</option>
        {fieldTypes
          .list()
          .filter(canBeColumn)
          .map((type) => (
            <option key={type.type} value={type.type}>
              {localize(type.label, locale)}
            </option>
          ))}
      </select>
    </div>
  );
}

function ColumnChip({ subtable, column, index, count, actions }: { subtable: string; column: FieldDef; index: number; count: number; actions: SubtableActions }) {
  const t = useSubtableT();
  const locale = useLocale();
  const element = useRef<HTMLDivElement | null>(null);
  const [{ dragging }, drag] = useDrag(() => ({ type: COLUMN_ITEM, item: { subtable, key: column.key }, collect: (m) => ({ dragging: m.isDragging() }) }), [subtable, column.key]);
  // the left half of a chip means "before it", the right half "after it"
  const indexAt = (monitor: DropTargetMonitor) => {
    const offset = monitor.getClientOffset();
    const rect = element.current?.getBoundingClientRect();
    return offset && rect && offset.x > rect.left + rect.width / 2 ? index + 1 : index;
  };
  const [{ over }, drop] = useDrop(
    () => ({
      accept: [DND.paletteType, COLUMN_ITEM],
      canDrop: (item: PaletteTypeItem | ColumnItem) => ('fieldType' in item ? canBeColumn(fieldTypes.get(item.fieldType) ?? { type: '', storesValue: false }) : item.subtable === subtable),
      drop: (item: PaletteTypeItem | ColumnItem, monitor) => {
        if (monitor.didDrop()) return;
        if ('fieldType' in item) actions.addColumn(subtable, item.fieldType, indexAt(monitor));
        else actions.moveColumn(subtable, item.key, indexAt(monitor));
        return { handled: true };
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }) && m.canDrop() }),
    }),
    [subtable, index, actions],
  );
  const selection = columnSelection(subtable, column.key);
  const label = localize(column.label, locale) || column.key;
  const typeLabel = localize(fieldTypes.get(column.type)?.label ?? column.type, locale);
  return (
    <div
      ref={(node) => {
        element.current = node;
        drag(drop(node));
      }}
      className={`designer-column${actions.selected === selection ? ' is-selected' : ''}${over ? ' is-over' : ''}${dragging ? ' is-dragging' : ''}`}
      data-column-key={column.key}
    >
      <button type="button" className="designer-column-main" aria-current={actions.selected === selection ? 'true' : undefined} onClick={() => actions.select(selection)}>
        <span className="designer-field-label">
          {label}
          {column.required ? <span className="tr-required"> *</span> : null}
        </span>
        <span className="designer-field-type">
          {typeLabel} · {column.key}
        </span>
      </button>
      <span className="designer-column-tools">
        <button type="button" className="button" aria-label={`${t('columnLeft')} ${label}`} title={t('columnLeft')} disabled={index === 0} onClick={() => actions.nudgeColumn(subtable, column.key, -1)}>
          ←
        </button>
        <button type="button" className="button" aria-label={`${t('columnRight')} ${label}`} title={t('columnRight')} disabled={index === count - 1} onClick={() => actions.nudgeColumn(subtable, column.key, 1)}>
          →
        </button>
        <button type="button" className="button" aria-label={`${t('columnRemove')} ${label}`} title={t('columnRemove')} onClick={() => actions.removeColumn(subtable, column.key)}>
          ✕
        </button>
      </span>
    </div>
  );
}
