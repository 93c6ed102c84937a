import type { FieldTypeDefinition } from '@trellis/forms';
import type { DesignerMessageKey } from './designer-messages.js';

/** The palette's groups, in order. */
export const PALETTE_GROUPS = ['basic', 'advanced', 'relation', 'system', 'layout'] as const;

/** A palette group. */
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** The heading of each palette group. */
export const PALETTE_GROUP_LABELS: Record<PaletteGroup, DesignerMessageKey> = {
  basic: 'groupBasic',
  advanced: 'groupAdvanced',
  relation: 'groupRelation',
  system: 'groupSystem',
  layout: 'groupLayout',
};

const BY_REGISTRY_GROUP: Record<string, PaletteGroup> = {
  basic: 'basic',
  choice: 'basic',
  datetime: 'basic',
  text: 'basic',
  number: 'basic',
  contact: 'advanced',
  advanced: 'advanced',
  media: 'advanced',
  computed: 'advanced',
  relation: 'relation',
  relations: 'relation',
  system: 'system',
  layout: 'layout',
};

/** The palette group of a registry entry; groups the palette does not know go to "advanced". */
export function paletteGroupOf(type: Pick<FieldTypeDefinition, 'group'>): PaletteGroup {
  return BY_REGISTRY_GROUP[type.group] ?? 'advanced';
}

/**
 * The registry's field types by palette group, in registry order: types registered by
 * others (plugins, new built-ins) appear without changes here.
 *
 * @example groupFieldTypes(fieldTypes.list()).basic.map((t) => t.type) // ['text', 'long_text', …]
 */
export function groupFieldTypes(types: readonly FieldTypeDefinition[]): Record<PaletteGroup, FieldTypeDefinition[]> {
  const out: Record<PaletteGroup, FieldTypeDefinition[]> = { basic: [], advanced: [], relation: [], system: [], layout: [] };
  for (const t of types) out[paletteGroupOf(t)].push(t);
  return out;
}
