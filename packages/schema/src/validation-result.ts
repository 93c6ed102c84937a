import type { ErrorDetail } from './trellis-error.js';

/**
 * The outcome of validating untrusted input: the typed value, or every problem found.
 *
 * @example
 * const result = validateAppPackage(json);
 * if (!result.ok) for (const e of result.errors) console.log(e.path, e.message);
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ErrorDetail[] };

/** Builds a successful `ValidationResult`. */
export function ok<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

/** Builds a failed `ValidationResult` (at least one error). */
export function fail<T = never>(errors: readonly ErrorDetail[]): ValidationResult<T> {
  return { ok: false, errors };
}
