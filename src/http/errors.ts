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

/** An RFC 9457 problem: the status and the body the API answers with. */
export interface Problem {
  status: number;
  body: { type: string; title: string; status: number; code: string; detail?: string; errors?: FieldError[] };
}

const problem = (status: number, code: string, title: string, detail?: string, errors?: FieldError[]): Problem => ({
  status,
  body: { type: problemType(code), title, status, code, ...(detail ? { detail } : {}), ...(errors?.length ? { errors } : {}) },
});

/**
 * What an error becomes for the caller: domain and validation errors keep their code and fields; anything else is
 * logged and answered as 500 without detail.
 */
export function problemOf(error: FastifyError | DomainError | unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) {
    return problem(statusOf[error.kind], error.code, error.code.replaceAll('_', ' '), error.message, error.errors.length ? error.errors : undefined);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const errors = fieldErrors(fastifyError.validation as AjvIssue[], fastifyError.validationContext ?? 'body');
    return problem(400, 'validation_failed', 'validation failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  const statusCode = fastifyError.statusCode;
  if (statusCode === 415) return problem(415, 'unsupported_media_type', 'unsupported media type', fastifyError.message);
  if (statusCode === 413) return problem(413, 'payload_too_large', 'payload too large', fastifyError.message);
  if (statusCode && statusCode >= 400 && statusCode < 500) return problem(statusCode, 'bad_request', 'bad request', fastifyError.message);
  request.log.error({ err: error }, 'unexpected error');
  return problem(500, 'internal_error', 'internal error');
}

const send = (reply: FastifyReply, { status, body }: Problem) => reply.status(status).type('application/problem+json; charset=utf-8').send(body);

/** The one error handler: domain and validation errors become problem+json; only the unexpected is logged as 500. */
export function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  return send(reply, problemOf(error, request));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, problem(404, 'not_found', 'not found', `no route ${request.method} ${request.url.split('?')[0]}`));
}
