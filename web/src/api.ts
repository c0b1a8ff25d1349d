// The one fetch client of the web app. The server answers JSON and, on failure,
// application/problem+json with a stable `code` that the app translates.

import { isProgressLine, JsonLinesReader, type StreamedLine } from './json-lines';

export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** The shape of every list the server returns. */
export interface Items<T> {
  items: T[];
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const BASE = '/api/v1';

// The session cookie is HttpOnly; state-changing requests also carry this token (double submit).
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request comes back 401, i.e. the session ended on the server. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

async function readProblem(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return { ...body, status: response.status };
  return { status: response.status, code: response.status >= 500 ? 'internal_error' : 'unknown' };
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
    throw new ApiError(problem);
  }
  return response;
}

// The server's answers are trusted to match the documented shapes; they are not re-validated here.
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

export const api = {
  get: async <T>(path: string) => json<T>(await send('GET', path)),
  post: async <T>(path: string, body: unknown = {}) => json<T>(await send('POST', path, body)),
  patch: async <T>(path: string, body: unknown) => json<T>(await send('PATCH', path, body)),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, body)),
  /** A POST answered with 204 No Content. */
  postNoContent: async (path: string, body: unknown = {}) => {
    await send('POST', path, body);
  },
  delete: async (path: string) => {
    await send('DELETE', path);
  },
};

/** Builds `path?key=value…`, leaving out empty values. */
/**
 * A write made at the version the page read: when someone else changed the record first (`version_conflict`),
 * `onStale` lets the page read it again; the error still goes to the form, which says why.
 */
export async function unlessStale<T>(write: Promise<T>, onStale?: () => void): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'version_conflict') onStale?.();
    throw error;
  }
}

export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface UploadOptions {
  /** Called as the body goes out: the share sent, 0–1. */
  onProgress?: (share: number) => void;
  /** Called once the whole body is sent, while the server works on it. */
  onSent?: () => void;
  /**
   * For long operations that can report their progress (a member import): asks for the answer as JSON lines and
   * calls this with the share of the work done, 0–1, as the server reports it.
   */
  onServerProgress?: (share: number) => void;
  signal?: AbortSignal;
}

function problemOf(status: number, text: string): Problem {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (isProblem(body)) return { ...body, status };
  return { status, code: status >= 500 ? 'internal_error' : 'unknown' };
}

/**
 * POSTs a file as the raw body and answers its JSON. XMLHttpRequest, not fetch: only it reports upload progress.
 */
export function uploadFile<T>(path: string, file: Blob, contentType: string, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', BASE + path);
    request.withCredentials = true;
    const streamed = options.onServerProgress !== undefined;
    request.setRequestHeader('accept', streamed ? 'application/x-ndjson, application/json;q=0.9' : 'application/json');
    request.setRequestHeader('content-type', contentType);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.upload.onload = () => {
      options.onProgress?.(1);
      options.onSent?.();
    };
    const lines = new JsonLinesReader();
    let outcome: StreamedLine<T> | null = null;
    const readLines = () => {
      if (!streamed || !(request.getResponseHeader('content-type') ?? '').startsWith('application/x-ndjson')) return;
      for (const line of lines.next(request.responseText)) {
        if (isProgressLine(line)) options.onServerProgress?.(line.progress.total > 0 ? line.progress.written / line.progress.total : 1);
        else outcome = line as StreamedLine<T>;
      }
    };
    request.onprogress = readLines;
    request.onload = () => {
      readLines();
      const streamedOutcome = outcome as StreamedLine<T> | null;
      if (streamedOutcome && 'result' in streamedOutcome) {
        resolve(streamedOutcome.result);
        return;
      }
      if (streamedOutcome && 'error' in streamedOutcome) {
        reject(new ApiError(problemOf(streamedOutcome.error.status, JSON.stringify(streamedOutcome.error))));
        return;
      }
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as T);
        } catch {
          reject(new ApiError({ status: request.status, code: 'internal_error' }));
        }
        return;
      }
      const problem = problemOf(request.status, request.responseText);
      if (problem.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
      reject(new ApiError(problem));
    };
    request.onerror = () => reject(new ApiError({ status: 0, code: 'network_error' }));
    request.onabort = () => reject(new ApiError({ status: 0, code: 'aborted' }));
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

/** POSTs a file as the raw body and answers the file the server sends back (a report to download). */
export async function postFileForFile(path: string, file: Blob, contentType: string): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(BASE + path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
    throw new ApiError(problem);
  }
  return response.blob();
}

/** The address of a GET under the API, for a plain link (a download: the session cookie goes along). */
export function apiHref(path: string): string {
  return BASE + path;
}
