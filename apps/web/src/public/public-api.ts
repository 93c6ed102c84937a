import type { FormDef, LocalizedText } from '@trellis/schema';
import { api } from '../api/api.js';

const seg = encodeURIComponent;

/** A public link as the management routes return it. */
export interface PublicLinkDto {
  readonly id: string;
  readonly token: string;
  /** `/f/<token>` */
  readonly url: string;
  readonly app: string;
  readonly form: string;
  readonly enabled: boolean;
  readonly thankYou: LocalizedText | null;
  readonly onePerField: string | null;
  readonly fields: readonly string[] | null;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Options of a link on create and change. */
export interface PublicLinkInput {
  readonly enabled?: boolean;
  readonly thankYou?: LocalizedText | null;
  readonly onePerField?: string | null;
  readonly fields?: readonly string[] | null;
  readonly expiresAt?: string | null;
}

/** What `GET /api/public/forms/:token` answers. */
export interface PublicFormDto {
  readonly form: FormDef;
  readonly thankYou: LocalizedText | null;
  readonly honeypotField: string;
  readonly onePerField: string | null;
}

/** What an accepted submission answers. */
export interface SubmissionDto {
  readonly status: 'received';
  readonly thankYou: LocalizedText | null;
}

const linksPath = (app: string, form: string) => `/api/apps/${seg(app)}/forms/${seg(form)}/public-links`;

/**
 * The public-forms routes through the app's one API client (`ApiError`s, `Accept-Language`).
 *
 * @example const { form } = await publicApi.getForm(token);
 */
export const publicApi = {
  getForm: (token: string): Promise<PublicFormDto> => api.request('GET', `/api/public/forms/${seg(token)}`),
  submit: (token: string, data: Readonly<Record<string, unknown>>, honeypot: string): Promise<SubmissionDto> =>
    api.request('POST', `/api/public/forms/${seg(token)}/submissions`, honeypot === '' ? { data } : { data, website: honeypot }),
  listLinks: async (app: string, form: string): Promise<PublicLinkDto[]> => (await api.request<{ items: PublicLinkDto[] }>('GET', linksPath(app, form))).items,
  createLink: (app: string, form: string, input: PublicLinkInput): Promise<PublicLinkDto> => api.request('POST', linksPath(app, form), input),
  updateLink: (app: string, form: string, id: string, input: PublicLinkInput): Promise<PublicLinkDto> =>
    api.request('PATCH', `${linksPath(app, form)}/${seg(id)}`, input),
  deleteLink: async (app: string, form: string, id: string): Promise<void> => {
    await api.request('DELETE', `${linksPath(app, form)}/${seg(id)}`);
  },
};
