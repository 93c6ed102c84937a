/**
 * The codes of problems with one field's value, as they appear in `ErrorDetail.code`
 * of a refused submission (`{ path: '/data/name', code: 'FIELD_REQUIRED', message }`).
 * Clients may switch on them; the message is already in the user's language.
 */
export type FieldIssueCode =
  | 'FIELD_REQUIRED'
  | 'FIELD_UNKNOWN'
  | 'FIELD_TYPE'
  | 'FIELD_TOO_SHORT'
  | 'FIELD_TOO_LONG'
  | 'FIELD_TOO_SMALL'
  | 'FIELD_TOO_LARGE'
  | 'FIELD_PRECISION'
  | 'FIELD_NOT_A_CHOICE'
  | 'FIELD_TOO_FEW'
  | 'FIELD_TOO_MANY'
  | 'FIELD_PATTERN'
  | 'FIELD_DATE_INVALID'
  | 'FIELD_DATE_TOO_EARLY'
  | 'FIELD_DATE_TOO_LATE'
  | 'FIELD_DUPLICATE'
  | 'FIELD_INVALID';

/**
 * One problem with a field's value, before it becomes a message. `params` fill the
 * message: `limit`, `value`, `expected` (a value type), `allowed` (choice labels), `message`
 * (a custom message given in the field's options).
 */
export interface FieldIssue {
  readonly code: FieldIssueCode;
  readonly params?: { readonly [name: string]: unknown };
}
