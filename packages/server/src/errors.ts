import { defineErrors } from '@trellis/schema';

/**
 * The error codes `@trellis/server` raises itself. Errors of lower packages (`SCHEMA_INVALID`,
 * `RECORD_INVALID`, `STORE_APP_NOT_FOUND`, `RECORD_VERSION_CONFLICT`, …) pass through the one
 * error handler unchanged, and the server raises those codes itself where they mean the
 * same thing (one code per meaning); these cover what only the HTTP edge can see. `docs/errors.md` lists them.
 *
 * @example
 * throw ServerErrors.create('SERVER_FILTER_INVALID', '[server] the filter is not valid JSON; …', details);
 */
export const ServerErrors = defineErrors({
  SERVER_REQUEST_INVALID: {
    status: 400,
    description: 'The request breaks the route schema (params, query or body) or its JSON does not parse; `details` names each problem (`/query/limit`, `/version`).',
  },
  SERVER_FILTER_INVALID: {
    status: 400,
    description: 'The `filter` query parameter is not valid JSON or not a valid condition (unknown operator or field); `details` points into the condition.',
  },
  SERVER_FIELD_NOT_RELATION: {
    status: 404,
    description: 'The relation picker was asked about a field that is not a relation field of the form (or whose target form is gone).',
  },
  SERVER_ROUTE_NOT_FOUND: {
    status: 404,
    description: 'No API route answers this method and path.',
  },
  SERVER_BODY_TOO_LARGE: {
    status: 413,
    description: 'The request body is larger than the server accepts (`bodyLimit`, 1 MiB by default).',
  },
  SERVER_MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    description: 'The request body is not `application/json`.',
  },
  PUBLIC_FORM_NOT_FOUND: {
    status: 404,
    description: 'No public form answers this token: it is unknown, switched off, expired, or its form was removed (one answer for all, so they cannot be told apart).',
  },
  PUBLIC_FORM_RATE_LIMITED: {
    status: 429,
    description: 'Too many public-form submissions from this IP address in the current window; `Retry-After` says how many seconds to wait.',
  },
  PUBLIC_FORM_ALREADY_SUBMITTED: {
    status: 409,
    description: "The public form accepts one submission per phone/email (`onePerField`) and this value was already used; `details` names the field.",
  },
  PUBLIC_LINK_NOT_FOUND: {
    status: 404,
    description: 'The form has no public link with this id (managing links).',
  },
  PUBLIC_LINK_INVALID: {
    status: 400,
    description: "A public link's options do not fit the form (unknown shown field, `onePerField` not a text field, expiry in the past); `details` names each problem.",
  },
  DRAFT_NOT_FOUND: {
    status: 404,
    description: 'The app has no saved draft to plan or publish; save one with `PUT /api/apps/:app/draft` first.',
  },
  DRAFT_REVISION_CONFLICT: {
    status: 409,
    description: 'The draft was saved by someone else since it was read (its `revision` moved on); `details` gives the current revision. Reload the draft and apply the change again.',
  },
  DRAFT_PUBLISH_HIDES_DATA: {
    status: 409,
    description: 'Publishing the draft would hide fields or forms that hold data; `details` lists each with its record count. Send `{ "confirm": true }` to publish anyway (the data is kept, hidden).',
  },
  FILE_FIELD_NOT_FOUND: {
    status: 404,
    description: 'The form has no attachment, image or signature field with this key (or, on a public form, the link does not show it).',
  },
  FILE_UPLOAD_INVALID: {
    status: 400,
    description: 'An upload is not `multipart/form-data` with exactly one file part named `file`.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    description: "The uploaded file's type or extension is not in the field's `accept` list, or an image field got bytes that are not a PNG, JPEG, GIF or WebP image (an SVG or HTML file renamed to `.png`); nothing was stored.",
  },
  FILTER_FIELD_FORBIDDEN: {
    status: 400,
    description: 'A list filter or sort names a field the caller\'s roles hide or mask (it would reveal the values); `details` points at each reference.',
  },
  FIELD_READ_ONLY: {
    status: 403,
    description: "Record data names a field the caller may not write (read-only, masked or hidden for their roles, or the owner without `manage`); `details` names each as `/data/<key>`; nothing was written.",
  },
  ROLE_INVALID: {
    status: 400,
    description: 'A role definition names an unknown form or field, an unknown action or access level, or a row scope that does not compile against the form; `details` names each problem.',
  },
  ROLE_GRANT_FORBIDDEN: {
    status: 403,
    description: 'A role change would grant a right the caller does not hold themselves (an action, wider rows, a field access, or `design`); nobody can grant what they do not hold. `details` names each.',
  },
  AUTH_REQUIRED: {
    status: 401,
    description: 'The request needs a logged-in user: a session cookie (`POST /api/auth/login`) or `Authorization: Bearer <API key>`. A session that expired, was logged out, or whose user was suspended or changed password answers this too.',
  },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    description: 'Login failed: unknown username, wrong password or an account that may not log in (one answer for all, so accounts cannot be probed).',
  },
  AUTH_LOCKED: {
    status: 423,
    description: 'The account is locked for a while after too many consecutive failed logins; `Retry-After` says how many seconds remain.',
  },
  AUTH_RATE_LIMITED: {
    status: 429,
    description: 'Too many login attempts for this username from this address in the current window; `Retry-After` says how many seconds to wait.',
  },
  CSRF_INVALID: {
    status: 403,
    description: 'A state-changing request (POST, PUT, PATCH, DELETE) authenticated by the session cookie lacks the header `x-csrf-token` with the token of the session (from login or `GET /api/auth/me`).',
  },
  AUTH_SESSION_REQUIRED: {
    status: 403,
    description: 'This route manages accounts, API keys or the audit log and takes a logged-in browser session only, never an API key.',
  },
  AUTH_ADMIN_REQUIRED: {
    status: 403,
    description: 'Only a system administrator may use this route (users, audit log search and export).',
  },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    description: 'The new password breaks the password policy (at least 8 characters, at most 256); `details` names the field.',
  },
  AUTH_PASSWORD_WRONG: {
    status: 400,
    description: 'Changing the password: the current password given is not the account\'s password; nothing was changed.',
  },
  USER_SELF_LOCKOUT: {
    status: 400,
    description: 'An administrator tried to suspend their own account or take away their own administrator right; ask another administrator.',
  },
  EXPORT_TOO_LARGE: {
    status: 413,
    description: 'A record export would write more than 100 000 records; narrow it with a filter or search and export in parts. `details` points at the filter.',
  },
  SERVER_INTERNAL: {
    status: 500,
    description: 'An unexpected failure inside the server; the log holds the cause, the response never does.',
  },
});

/** The codes of `ServerErrors`. */
export type ServerErrorCode = keyof typeof ServerErrors.catalogue;
