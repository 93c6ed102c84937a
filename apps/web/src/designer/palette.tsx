import { useMemo } from 'react';
import { useDrag } from 'react-dnd';
import { fieldTypes, type FieldTypeDefinition } from '@trellis/forms';
import { localize } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { DND } from './dnd-items.js';
import { useDesignerT } from './designer-messages.js';
import { groupFieldTypes, PALETTE_GROUP_LABELS, PALETTE_GROUPS } from './palette-groups.js';

/** Props of the palette. */
export interface PaletteProps {
  /** Adds a field of this type at the end of the form (Enter or click). */
  readonly onAdd: (type: FieldTypeDefinition) => void;
  /** Adds a layout section. */
  readonly onAddSection: () => void;
  /** Adds a tab group. */
  readonly onAddTabs: () => void;
}

/** The field types of the registry, grouped; drag one onto the canvas, or press Enter on it. */
export function Palette({ onAdd, onAddSection, onAddTabs }: PaletteProps) {
  const t = useDesignerT();
  const groups = useMemo(() => groupFieldTypes(fieldTypes.list()), []);
  return (
    <aside className="designer-palette" aria-label={t('palette')}>
      <h2 className="designer-panel-title">{t('palette')}</h2>
      <p className="designer-hint">{t('paletteHint')}</p>
      {PALETTE_GROUPS.map((group) => {
        const types = groups[group];
        if (group !== 'layout' && types.length === 0) return null;
        return (
          <section key={group} className="designer-palette-group">
            <h3>{t(PALETTE_GROUP_LABELS[group])}</h3>
            <ul>
              {types.map((type) => (
                <li key={type.type}>
                  <PaletteTypeButton type={type} onAdd={onAdd} />
                </li>
              ))}
              {group === 'layout' ? (
                <li>
                  <PaletteSectionButton onAdd={onAddSection} label={t('sectionItem')} />
                </li>
              ) : null}
              {group === 'layout' ? (
                <li>
                  <button type="button" className="designer-palette-item" data-field-type="tabs" onClick={onAddTabs}>
                    {t('tabGroupItem')}
                  </button>
                </li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function PaletteTypeButton({ type, onAdd }: { type: FieldTypeDefinition; onAdd: (type: FieldTypeDefinition) => void }) {
  const locale = useLocale();
  const [{ dragging }, drag] = useDrag(() => ({ type: DND.paletteType, item: { fieldType: type.type }, collect: (m) => ({ dragging: m.isDragging() }) }), [type.type]);
  return (
    <button
      type="button"
      ref={(node) => {
        drag(node);
      }}
      className={`designer-palette-item${dragging ? ' is-dragging' : ''}`}
      data-field-type={type.type}
      onClick={() => onAdd(type)}
    >
      {localize(type.label, locale)}
    </button>
  );
}

function PaletteSectionButton({ onAdd, label }: { onAdd: () => void; label: string }) {
  const [, drag] = useDrag(() => ({ type: DND.paletteSection, item: {} }), []);
  return (
    <button
      type="button"
      ref={(node) => {
        drag(node);
      }}
      className="designer-palette-item"
      data-field-type="section"
      onClick={onAdd}
    >
      {label}
    </button>
  );
}
