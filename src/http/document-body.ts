import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { DomainError } from '../domain/shared/errors.js';
import { maxDocumentBytes } from '../domain/shared/file-name.js';

/** What a document may be sent as: a PDF, or any other file as bytes. Any other type is refused with 415. */
export const documentContentTypes = ['application/pdf', 'application/octet-stream'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

/** The query of an upload: the body is the file, its name comes here (the raw body has none). */
export const DocumentUploadQuery = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'the file name as the user sees it: 意見書.pdf' }),
}, { additionalProperties: false });

/**
 * Lets the routes of a plugin take a document (the meeting's agenda, a campaign's petition) as the raw request body;
 * a body over maxDocumentBytes is refused with 413.
 */
export function acceptDocumentBodies(app: FastifyInstance): void {
  app.addContentTypeParser([...documentContentTypes], { parseAs: 'buffer', bodyLimit: maxDocumentBytes }, (_request, body, done) => done(null, body));
}

/** The document's bytes; an empty body is refused. */
export function documentBytes(body: unknown): Buffer {
  if (!(body instanceof Buffer) || body.length === 0) {
    throw new DomainError('invalid', 'empty_file', 'send the document as the request body (application/pdf or application/octet-stream)');
  }
  return body;
}

/** The type a document is kept and served under: the media type it was sent as, without parameters. */
export function documentContentType(header: string | undefined): DocumentContentType {
  const media = header?.split(';')[0]?.trim().toLowerCase();
  return media === 'application/pdf' ? 'application/pdf' : 'application/octet-stream';
}

/**
 * The Content-Disposition of a download under its stored name: `filename*` in UTF-8 (RFC 6266, RFC 8187), so that
 * 意見書.pdf arrives as 意見書.pdf. RFC 8187's attr-char excludes ' ( ) *, which encodeURIComponent leaves as they are.
 */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
