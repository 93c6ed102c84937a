import type { ErrorDetail } from '@trellis/schema';
import { ApiError } from '../api/api-client.js';

/**
 * Whether an error says the thing was changed by someone else since it was loaded (a stale
 * `version`, HTTP 409 with a `…VERSION_CONFLICT` / `…STALE` code), as opposed to other 409s
 * such as a taken user name or a department that is not empty.
 *
 * @example isStale(new ApiError(409, 'USER_VERSION_CONFLICT', 'm')) // true
 */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && /VERSION|STALE/.test(error.code);
}

/** Error messages by the name of the input they belong to; `''` holds the ones of no input. */
export type InputErrors = Readonly<Record<string, readonly string[]>>;

/**
 * Puts an API error's details under the inputs they name. The server's paths are JSON
 * pointers or dotted names into the request body (`/username`, `name.en`, `forms/customer/scope`);
 * the first segment that is one of `inputs` picks the input, the rest goes to `''`.
 *
 * @example inputErrors(new ApiError(400, 'X', 'bad', [{ path: '/username', message: 'taken' }]), ['username']) // { username: ['taken'] }
 */
export function inputErrors(error: unknown, inputs: readonly string[]): InputErrors {
  if (!(error instanceof ApiError)) return { '': [error instanceof Error ? error.message : String(error)] };
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => (out[key] ??= []).push(message);
  for (const d of error.details) {
    const input = inputOfPath(d, inputs);
    add(input, d.message);
  }
  if (error.details.length === 0) add('', error.message);
  return out;
}

function inputOfPath(detail: ErrorDetail, inputs: readonly string[]): string {
  const segments = (detail.path ?? '').split(/[/.[\]]+/).filter((s) => s !== '' && s !== 'body');
  // the longest prefix that names an input wins: 'name.en' before 'name'
  for (let n = segments.length; n > 0; n--) {
    const joined = segments.slice(0, n).join('.');
    if (inputs.includes(joined)) return joined;
  }
  return '';
}
