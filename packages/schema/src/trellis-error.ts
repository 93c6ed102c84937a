/** One problem inside a request or definition, located by a JSON path such as `/forms/0/fields/2/key`. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
  /** Optional machine-readable code of this single problem (e.g. `FIELD_REQUIRED`). */
  readonly code?: string;
  /** The record the problem refers to, when there is one (the record already holding a unique value). */
  readonly recordId?: string;
}

/** The JSON body every failing API call answers with. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly ErrorDetail[];
  };
}

/**
 * The one error type of Trellis. Every package keeps its codes in an `errors.ts`
 * catalogue; the server maps `status` to the HTTP status and `toJSON()` to the body.
 *
 * @example
 * throw new TrellisError('SCHEMA_INVALID', 400, '[schema] the app package has 2 problems', details);
 */
export class TrellisError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: readonly ErrorDetail[];

  constructor(code: string, status: number, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'TrellisError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }

  static is(value: unknown): value is TrellisError {
    return value instanceof TrellisError;
  }
}

/** A catalogue entry: the code, its HTTP status and a one-line description for `docs/errors.md`. */
export interface ErrorCodeEntry {
  readonly status: number;
  readonly description: string;
}

/**
 * Declares a package's error catalogue and returns a typed factory for it.
 *
 * @example
 * export const SchemaErrors = defineErrors({ SCHEMA_INVALID: { status: 400, description: '…' } });
 * throw SchemaErrors.create('SCHEMA_INVALID', 'message', details);
 */
export function defineErrors<const C extends Record<string, ErrorCodeEntry>>(catalogue: C) {
  return {
    catalogue,
    create(code: keyof C & string, message: string, details: readonly ErrorDetail[] = []): TrellisError {
      return new TrellisError(code, catalogue[code]!.status, message, details);
    },
  };
}
