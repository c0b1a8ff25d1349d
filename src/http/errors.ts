import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind, type FieldError } from '../domain/shared/errors.js';

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  rate_limited: 429,
};

/** Maps an Ajv keyword to the stable per-field code the web app translates. */
const keywordCodes: Record<string, string> = {
  required: 'required',
  maxLength: 'too_long',
  minLength: 'required',
  pattern: 'invalid_format',
  format: 'invalid_format',
  enum: 'invalid_value',
  const: 'invalid_value',
  anyOf: 'invalid_value',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
  type: 'invalid_type',
  additionalProperties: 'unknown_field',
  uniqueItems: 'duplicate',
  maxItems: 'too_many',
};

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** One error per field, named by its path in the body (`nameJa`, `businessLines.2`). */
function fieldErrors(issues: AjvIssue[], part: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    let field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'required') field = [field, String(issue.params.missingProperty)].filter(Boolean).join('.');
    if (issue.keyword === 'additionalProperties') field = [field, String(issue.params.additionalProperty)].filter(Boolean).join('.');
    field ||= part;
    const existing = byField.get(field);
    // A union reports every branch that failed; the branch error that is not about type says most.
    if (existing && existing.code !== 'invalid_type' && existing.code !== 'invalid_value') continue;
    byField.set(field, { field, code: keywordCodes[issue.keyword] ?? 'invalid', message: issue.message ?? issue.keyword });
  }
  return [...byField.values()];
}

const problemType = (code: string) => `urn:kyodo:problem:${code}`;

function send(reply: FastifyReply, status: number, code: string, title: string, detail?: string, errors?: FieldError[]) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: problemType(code), title, status, code, ...(detail ? { detail } : {}), ...(errors?.length ? { errors } : {}) });
}

/** The one error handler: domain and validation errors become problem+json; only the unexpected is logged as 500. */
export function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = statusOf[error.kind];
    return send(reply, status, error.code, error.code.replaceAll('_', ' '), error.message, error.errors.length ? error.errors : undefined);
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation as AjvIssue[], error.validationContext ?? 'body');
    return send(reply, 400, 'validation_failed', 'validation failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  if (error.statusCode === 415) return send(reply, 415, 'unsupported_media_type', 'unsupported media type', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, 'bad_request', 'bad request', error.message);
  }
  request.log.error({ err: error }, 'unexpected error');
  return send(reply, 500, 'internal_error', 'internal error');
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', 'not found', `no route ${request.method} ${request.url.split('?')[0]}`);
}
