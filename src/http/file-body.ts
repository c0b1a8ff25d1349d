import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/shared/errors.js';

/** The largest file a route takes as its body: 50 MB, about 300,000 member rows. */
const fileBodyLimit = 50 * 1024 * 1024;

/** Lets the routes of a plugin take a CSV file as the raw request body (text/csv or application/octet-stream). */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: fileBodyLimit }, (_request, body, done) => done(null, body));
}

/** The file's bytes, without copying them; an empty body is refused. */
export function fileBytes(body: unknown): Uint8Array {
  if (!(body instanceof Buffer) || body.length === 0) throw new DomainError('invalid', 'empty_file', 'send the CSV file as the request body');
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
