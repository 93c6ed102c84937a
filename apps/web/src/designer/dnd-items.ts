/** react-dnd item types of the designer. */
export const DND = {
  /** A field type dragged from the palette: `{ fieldType }`. */
  paletteType: 'designer/palette-type',
  /** The layout section item of the palette. */
  paletteSection: 'designer/palette-section',
  /** A field of the canvas being moved: `{ key }`. */
  field: 'designer/field',
} as const;

/** A field type dragged from the palette. */
export interface PaletteTypeItem {
  readonly fieldType: string;
}

/** A canvas field being moved. */
export interface FieldItem {
  readonly key: string;
}
