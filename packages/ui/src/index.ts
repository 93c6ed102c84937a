/**
 * `@trellis/ui` — the React widgets shared by the designer and the runtime: the form
 * renderer, one editor widget per field type in a registry plugins extend, list cell
 * renderers and the filter builder. Pure helpers (formatting, error grouping, filter →
 * json-logic) are exported too, so apps and tests use exactly what the widgets use.
 */
export { FieldWidgetRegistry, defineFieldWidget, type FieldWidget, type FieldWidgetProps, type CellContext } from './field-widget.js';
export { fieldWidgets, builtInWidgets } from './built-in-widgets.js';
export { FormRenderer, type FormRendererProps } from './form-renderer.js';
export { formLayout, formSections, type FormBlock, type FormSection, type FormTab } from './form-sections.js';
export { FormTabs, type FormTabsProps } from './form-tabs.js';
export { nextTabIndex } from './tab-keys.js';
export { focusFirstInvalidField, revealField } from './reveal-field.js';
export { readOnlyFieldKeys } from './form-read-only.js';
export { cascadeClears, cascadeField } from './form-cascade.js';
export { DescriptionText, descriptionWidget } from './widgets/description-widget.js';
export { hiddenFieldKeys } from './form-visibility.js';
export { liveValues } from './form-compute.js';
export { groupErrorsByField, type FieldErrors } from './field-errors.js';
export { CellValue, type CellValueProps } from './cell-value.js';
export { formatCell, formatDate, formatDateTime, formatNumber, type CellDisplay } from './cell-display.js';
export { choiceTag, fieldChoices, type ChoiceTag } from './choices.js';
export { isoToLocalInput, localInputToIso } from './datetime-input.js';
export { parseNumberInput } from './number-input.js';
export { FilterBuilder, type FilterBuilderProps } from './filter-builder.js';
export {
  EMPTY_FILTER,
  activeClauseCount,
  clauseToJsonLogic,
  filterKindOf,
  filterOperators,
  filterToJsonLogic,
  operatorTakesValue,
  type FilterClause,
  type FilterKind,
  type FilterOperator,
  type FilterState,
} from './filter-clauses.js';
export { uiText, type UiMessageKey } from './ui-messages.js';
export { TextEditor, textWidget } from './widgets/text-widget.js';
export { LongTextEditor, longTextWidget } from './widgets/long-text-widget.js';
export { NumberEditor, numberWidget } from './widgets/number-widget.js';
export { DateEditor, dateWidget } from './widgets/date-widget.js';
export { DateTimeEditor, dateTimeWidget } from './widgets/datetime-widget.js';
export { SingleSelectEditor, singleSelectWidget } from './widgets/single-select-widget.js';
export { MultiSelectEditor, multiSelectWidget } from './widgets/multi-select-widget.js';
export { BooleanEditor, booleanWidget } from './widgets/boolean-widget.js';
export { FallbackEditor, fallbackWidget } from './widgets/fallback-widget.js';
export { PhoneEditor, EmailEditor, UrlEditor, IdNumberEditor, phoneWidget, emailWidget, urlWidget, idNumberWidget } from './widgets/contact-widgets.js';
export { MoneyEditor, PercentEditor, moneyWidget, percentWidget, currencySymbol } from './widgets/money-widgets.js';
export { RatingEditor, ratingWidget } from './widgets/rating-widget.js';
export { TimeEditor, timeWidget } from './widgets/time-widget.js';
export { FormulaEditor, formulaWidget, formatFormulaValue } from './widgets/formula-widget.js';
export { TagsEditor, tagsWidget } from './widgets/tags-widget.js';
export { RichTextEditor, RichTextView, richTextWidget } from './widgets/rich-text-widget.js';
export { SingleSelectOtherEditor } from './widgets/select-other-editor.js';
export { formatTypedCell, formatTagsCell } from './type-cell-format.js';
export { SubtableEditor, subtableWidget } from './widgets/subtable-widget.js';
export { subtableText, type SubtableMessageKey } from './subtable-messages.js';
export { moveBy, newRow, removeAt, rowsOf, setCell, type SubtableRow } from './subtable-rows.js';
export { parseTagsInput, tagsToInput } from './tags-input.js';
export { otherValues, withOtherValues } from './select-other.js';
export { ConditionBuilder, type ConditionBuilderProps } from './condition-builder.js';
export { conditionToFilter } from './condition-parse.js';
export { AddressEditor, IdsEditor, OwnerEditor, catalogWidgets } from './widgets/catalog-widgets.js';
export { addressDraft, addressOptions, chooseAddressPart, type AddressDraft } from './address-choices.js';
export { catalogText, type CatalogMessageKey } from './catalog-messages.js';
export { RelationSourceContext, useRelationSource, optionLabel, optionDetail, type RelationSource, type RelationOption, type RelationSearchResult } from './relation-source.js';
export { RelationEditor, relationWidget, RELATION_SEARCH_DEBOUNCE_MS } from './widgets/relation-widget.js';
export { ComputedDisplay, computedText, lookupWidget, rollupWidget } from './widgets/computed-widgets.js';
export { relationCell, type RelatedById } from './relation-cell.js';
export { relationText, type RelationMessageKey } from './relation-messages.js';
export { FileAccessProvider, useFileAccess, xhrUpload, UploadError, type FileAccess, type UploadProgress } from './files/file-access.js';
export { FileListEditor } from './files/file-list-editor.js';
export { SignatureEditor } from './files/signature-editor.js';
export { FileCell, formatFileCell } from './files/file-cell.js';
export { attachmentWidget, imageWidget, signatureWidget } from './files/file-widgets.js';
export { checkChosenFile, acceptAttribute, type ChosenFile } from './files/file-checks.js';
export { renderTypedSignature, SIGNATURE_FONTS } from './files/signature-drawing.js';
export { fileText, type FileMessageKey } from './files/file-messages.js';
