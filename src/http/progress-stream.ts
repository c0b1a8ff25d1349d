import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImportProgressListener } from '../app/members/import-members.js';
import { problemOf } from './errors.js';

/** The media type of an answer streamed as JSON lines. */
export const ndjson = 'application/x-ndjson';
/** Whether the request accepts a media type (the Accept header, parameters aside). */
export const accepts = (request: FastifyRequest, type: string): boolean => (request.headers.accept ?? '').split(',').some((t) => t.trim().split(';')[0] === type);

/**
 * Answers a long import as a stream of JSON lines, so a browser can show a real progress bar. Until the first
 * report (the file read and checked) nothing is sent, so a refused file or a forbidden caller gets the usual
 * status and problem. After it the status is 200 and the outcome comes as the last line.
 */
export async function streamProgress(request: FastifyRequest, reply: FastifyReply, run: (onProgress: ImportProgressListener) => Promise<unknown>) {
  let stream: PassThrough | null = null;
  let lastPercent = -1;
  const onProgress: ImportProgressListener = async ({ written, total }) => {
    if (!stream) {
      stream = new PassThrough();
      void reply.type(`${ndjson}; charset=utf-8`).send(stream);
    }
    // At most a line per percent; each one is let out (and other requests served) before the next batch.
    const percent = total === 0 ? 100 : Math.floor((written / total) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    stream.write(`${JSON.stringify({ progress: { written, total } })}\n`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    const result = await run(onProgress);
    if (!stream) return result;
    (stream as PassThrough).end(`${JSON.stringify({ result })}\n`);
  } catch (error) {
    if (!stream) throw error;
    (stream as PassThrough).end(`${JSON.stringify({ error: problemOf(error, request).body })}\n`);
  }
  return reply;
}
