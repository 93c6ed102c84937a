import type { ComponentType } from 'react';
import type { FieldDef } from '@trellis/schema';
import type { CellDisplay } from './cell-display.js';
import type { FieldErrors } from './field-errors.js';
import type { RelatedById } from './relation-cell.js';

/** What a list page knows besides the value: the related records' display values of this field. */
export interface CellContext {
  readonly related?: RelatedById;
}

/** What the form renderer hands to a field's editor. */
export interface FieldWidgetProps {
  readonly field: FieldDef;
  /** The current value, in the wire format of the field's value type (`null` when empty). */
  readonly value: unknown;
  /** Reports a new value in the wire format (strings that do not parse are passed on so validation can name them). */
  readonly onChange: (value: unknown) => void;
  /** The id the editor's focusable element must carry: the renderer's `<label htmlFor>` points at it. */
  readonly id: string;
  /** Ids of the description and error elements, for `aria-describedby`. */
  readonly describedBy?: string;
  readonly invalid: boolean;
  readonly required: boolean;
  readonly disabled: boolean;
  readonly locale: string;
  /**
   * Messages of problems inside the value, keyed by the path below the field (`0/qty` for
   * `/data/items/0/qty`): editors of nested values (a sub-table) show them where they belong.
   */
  readonly nestedErrors?: FieldErrors;
  /** The renderer's widget registry, for editors that render other fields' editors (sub-table cells). */
  readonly widgets?: FieldWidgetRegistry;
}

/**
 * A field widget: how one field type is edited in a form and shown in a list cell.
 * Built-in types and plugins register the same kind of descriptor, keyed by field type.
 */
export interface FieldWidget {
  /** The field type this widget serves (an entry of the forms engine's field-type registry). */
  readonly type: string;
  readonly Editor: ComponentType<FieldWidgetProps>;
  /**
   * `'group'` when the editor is a group of inputs (checkboxes, radios): the renderer then
   * wraps it in a `<fieldset>` with a `<legend>` instead of a `<label>`. `'none'` for layout
   * elements (description text) that show no label, description or error.
   */
  readonly labelling?: 'label' | 'group' | 'none';
  /**
   * The editor shows the problems inside its value itself (`nestedErrors`); the renderer then
   * shows under the field only the problems of the field as a whole.
   */
  readonly showsNestedErrors?: boolean;
  /** Spans the whole row of a multi-column section (long text). */
  readonly fullWidth?: boolean;
  /**
   * How a stored value is shown in lists; when absent the value type's default is used.
   * `context.related` holds the display values of related records (relation fields).
   */
  readonly formatCell?: (value: unknown, field: FieldDef, locale: string, context?: CellContext) => CellDisplay;
}

/**
 * Declares a field widget. The identity function exists for type inference and as the
 * one recognisable way plugins write widgets.
 *
 * @example
 * fieldWidgets.register(defineFieldWidget({ type: 'rating', Editor: RatingStars }));
 */
export function defineFieldWidget(widget: FieldWidget): FieldWidget {
  return widget;
}

/**
 * Widgets by field type. The default instance `fieldWidgets` holds the built-in widgets;
 * a plugin registers its own with `register`.
 */
export class FieldWidgetRegistry {
  readonly #widgets = new Map<string, FieldWidget>();

  /** Adds a widget; a second widget for the same type replaces the first (plugins may override built-ins). */
  register(widget: FieldWidget): this {
    this.#widgets.set(widget.type, widget);
    return this;
  }

  /** The widget for a field type, or undefined when none is registered. */
  get(type: string): FieldWidget | undefined {
    return this.#widgets.get(type);
  }

  has(type: string): boolean {
    return this.#widgets.has(type);
  }

  /** Registered field types, in registration order. */
  types(): string[] {
    return [...this.#widgets.keys()];
  }
}
