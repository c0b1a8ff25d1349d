import { DomainError } from '../../src/domain/shared/errors.js';

/** The DomainError code a call throws, or null when it returns; any other error is thrown on. */
export const codeOf = (call: () => unknown): string | null => {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

/** An error answer of the API (application/problem+json), as the tests read it. */
export interface Problem {
  code: string;
  errors?: { field: string; code: string; message: string }[];
}
