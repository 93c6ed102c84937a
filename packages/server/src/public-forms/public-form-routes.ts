import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormsErrors } from '@trellis/forms';
import { TrellisError, type ErrorDetail } from '@trellis/schema';
import { isLive, type ClaimKey, type PublicLink, type PublicLinkRepository, type Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { FormResolver, ResolvedForm } from '../form-resolver.js';
import { createRecord, requestLocale } from '../record-service.js';
import { errorResponses } from '../route-schemas.js';
import { DEFAULT_PUBLIC_BODY_LIMIT, DEFAULT_PUBLIC_RATE_LIMIT, HONEYPOT_FIELD, type PublicFormsOptions } from './public-form-options.js';
import { publicFormSchema, submissionBodySchema, submissionResponseSchema, tokenParamsSchema } from './public-form-schemas.js';
import { claimHash, claimValue, publicFormDef, shownFieldKeys } from './public-form-view.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';
import { withoutOwnerFields } from './anonymous-owner.js';

interface TokenParams { token: string }
interface SubmissionBody { data: Record<string, unknown>; website?: string }

/** The one answer for unknown, switched-off and expired tokens, and for links whose form is gone. */
function publicFormNotFound(): TrellisError {
  return ServerErrors.create('PUBLIC_FORM_NOT_FOUND', '[server] this public form does not exist or is no longer available; ask its owner for a current link');
}

/** The rate-limit bucket of anonymous submissions (one allowance per client IP across all public links). */
export const PUBLIC_SUBMIT_BUCKET = 'public-submit';

/** Public answers are per visitor and must not be cached by proxies or indexed. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
}

/**
 * The anonymous routes of public forms: `GET /api/public/forms/:token` (the form narrowed to
 * its shown fields) and `POST /api/public/forms/:token/submissions`. A submission is rate
 * limited per IP (429 with `Retry-After`; counted in the database by default, so the limit holds
 * across server processes), has its own small body limit (413), is silently
 * dropped when the honeypot is filled (the answer looks like success), may be limited to one
 * per phone/email (409), and is created through {@link createRecord} — the same form-engine
 * pipeline and audit (actor null, the IP) as the record API.
 *
 * @example
 * registerPublicFormRoutes(app, store, links, resolver, { rateLimit: { max: 5, windowMs: 60_000 } });
 */
export function registerPublicFormRoutes(
  app: FastifyInstance,
  store: Store,
  links: PublicLinkRepository,
  resolver: FormResolver,
  options: PublicFormsOptions = {},
): void {
  const rateLimit = options.rateLimit ?? DEFAULT_PUBLIC_RATE_LIMIT;
  const memory = options.rateLimitStore === 'memory' ? new FixedWindowRateLimiter(rateLimit) : undefined;
  const hit = (ip: string) => (memory !== undefined ? memory.hit(ip) : store.rateLimits.hit(PUBLIC_SUBMIT_BUCKET, ip, rateLimit));
  const base = '/api/public/forms/:token';

  /** The live link and its live form, or the one 404. */
  const resolve = async (token: string): Promise<{ link: PublicLink; resolved: ResolvedForm }> => {
    const link = await links.findByToken(token);
    if (link === undefined || !isLive(link)) throw publicFormNotFound();
    try {
      return { link, resolved: await resolver.form(link.app, link.form) };
    } catch (e) {
      if (TrellisError.is(e) && e.status === 404) throw publicFormNotFound();
      throw e;
    }
  };

  app.get<{ Params: TokenParams }>(
    base,
    {
      schema: {
        tags: ['public forms'],
        security: [],
        summary: 'The public form of a token, narrowed to the fields it shows (no login)',
        params: tokenParamsSchema,
        response: { 200: publicFormSchema, ...errorResponses(404, 500) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { link, resolved } = await resolve(request.params.token);
      return {
        form: publicFormDef(resolved.form, shownFieldKeys(resolved.form, link)),
        thankYou: link.thankYou,
        honeypotField: HONEYPOT_FIELD,
        onePerField: link.onePerField,
      };
    },
  );

  app.post<{ Params: TokenParams; Body: SubmissionBody }>(
    `${base}/submissions`,
    {
      bodyLimit: options.bodyLimit ?? DEFAULT_PUBLIC_BODY_LIMIT,
      // Counted before the body is read, so oversized and malformed attempts use up the allowance too.
      onRequest: async (request, reply) => {
        const verdict = await hit(request.ip);
        if (!verdict.allowed) {
          reply.header('retry-after', String(verdict.retryAfterSeconds));
          throw ServerErrors.create(
            'PUBLIC_FORM_RATE_LIMITED',
            `[server] too many submissions from this address; wait ${verdict.retryAfterSeconds} s and send again`,
          );
        }
      },
      schema: {
        tags: ['public forms'],
        security: [],
        summary: 'Submit the public form of a token (no login; rate limited per IP)',
        description:
          'The data goes through the same form-engine pipeline as `POST …/records` (400 `RECORD_INVALID` naming each field). ' +
          'Filling the honeypot property `website` gets the same 201 answer, but nothing is stored.',
        params: tokenParamsSchema,
        body: submissionBodySchema,
        response: { 201: submissionResponseSchema, ...errorResponses(400, 404, 409, 413, 415, 429, 500) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { link, resolved } = await resolve(request.params.token);
      const accepted = { status: 'received' as const, thankYou: link.thankYou };
      if (typeof request.body.website === 'string' && request.body.website.trim() !== '') {
        request.log.info({ link: link.id }, 'public form: honeypot filled, submission dropped');
        return reply.status(201).send(accepted);
      }
      const locale = requestLocale(request);
      const data = withoutOwnerFields(resolved.form, request.body.data) as typeof request.body.data;
      refuseHiddenFields(resolved, shownFieldKeys(resolved.form, link), data, locale);
      const claimField = link.onePerField;
      let claim: ClaimKey | undefined;
      const record = await createRecord(store, resolver, link.app, link.form, data, {
        ctx: {},
        locale,
        write: { actor: null, ip: request.ip, locale },
        ...(claimField === null
          ? {}
          : {
              guard: async (clean) => {
                claim = await claimOnce(links, link, claimField, clean[claimField], resolved, locale);
                const taken = claim;
                return () => links.release(taken);
              },
            }),
      });
      if (claim !== undefined) await links.attachRecord(claim, record.id);
      return reply.status(201).send(accepted);
    },
  );
}

/** Refuses values for fields the link does not show (a visitor cannot see or fill them). */
function refuseHiddenFields(resolved: ResolvedForm, shown: readonly string[], data: Readonly<Record<string, unknown>>, locale: string): void {
  const allowed = new Set(shown);
  const details: ErrorDetail[] = Object.keys(data)
    .filter((key) => !allowed.has(key))
    .map((key) => ({
      path: `/data/${key}`,
      message: locale === 'en' ? `this form has no field '${key}'; remove it` : `此表单没有字段「${key}」，请删除它`,
      code: 'FIELD_UNKNOWN',
    }));
  if (details.length > 0) {
    throw FormsErrors.create('RECORD_INVALID', `[server] the submission for form '${resolved.form.key}' names fields the public form does not show; remove them`, details);
  }
}

/** Claims the normalised value of the "one per" field, or refuses the submission (400 without a value, 409 when used). */
async function claimOnce(links: PublicLinkRepository, link: PublicLink, field: string, value: unknown, resolved: ResolvedForm, locale: string): Promise<ClaimKey> {
  const normalised = claimValue(value);
  const path = `/data/${field}`;
  if (normalised === null) {
    throw FormsErrors.create('RECORD_INVALID', `[server] the public form of '${resolved.form.key}' needs a value in '${field}' (one submission per value)`, [
      { path, message: locale === 'en' ? 'this field is required on this form' : '此表单必须填写该字段', code: 'FIELD_REQUIRED' },
    ]);
  }
  const key: ClaimKey = { app: link.app, form: link.form, field, valueHash: claimHash(normalised) };
  if (!(await links.claim(key, link.id))) {
    throw ServerErrors.create('PUBLIC_FORM_ALREADY_SUBMITTED', `[server] this form was already submitted with this '${field}'; each value may be used once`, [
      { path, message: locale === 'en' ? 'a submission with this value was already received' : '已收到使用该值的提交，不能重复提交', code: 'PUBLIC_FORM_ALREADY_SUBMITTED' },
    ]);
  }
  return key;
}
