import type { FastifyRequest } from 'fastify';
import { requestLocale } from '../record-service.js';
import { ServerErrors } from '../errors.js';

/** The request's language for messages: `en` or `zh-CN`. */
export const localeOf = (request: FastifyRequest): string => requestLocale(request);

/** Picks the text of the request's language (for error details). */
export const text = (request: FastifyRequest, en: string, zh: string): string => (localeOf(request) === 'en' ? en : zh);

/** Picks the message of the request's language, with the `[server]` source prefix. */
export const say = (request: FastifyRequest, en: string, zh: string): string => `[server] ${text(request, en, zh)}`;

/**
 * `AUTH_REQUIRED` (401) in the request's language.
 *
 * @example throw authRequired(request);
 */
export function authRequired(request: FastifyRequest) {
  return ServerErrors.create('AUTH_REQUIRED', say(request, 'log in first (or send an API key as `Authorization: Bearer …`)', '请先登录（或以 `Authorization: Bearer …` 发送 API 密钥）'));
}

/**
 * `AUTH_ADMIN_REQUIRED` (403) in the request's language.
 *
 * @example throw adminRequired(request);
 */
export function adminRequired(request: FastifyRequest) {
  return ServerErrors.create('AUTH_ADMIN_REQUIRED', say(request, 'only an administrator may do this', '只有系统管理员可以执行此操作'));
}
