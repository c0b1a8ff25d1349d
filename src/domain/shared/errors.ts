/** How a failure is presented: the HTTP layer maps each kind to one status code. */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rule_violation' | 'rate_limited';

/** One field that failed validation: the web app translates `code`; `message` is for scripts and logs. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The one error type of the domain, with a stable machine-readable code (`version_conflict`, `duplicate_code`). */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string): DomainError => new DomainError('not_found', 'not_found', `${entity} not found`);
export const forbidden = (why = 'not allowed for your role'): DomainError => new DomainError('forbidden', 'forbidden', why);
export const invalid = (errors: FieldError[]): DomainError =>
  new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
