import type { paths } from './schema';
import { ApiError, type Problem } from './errors';

/** The API's paths relative to the base `/api` (the OpenAPI document's paths start with `/api`). */
type Strip<P> = P extends `/api${infer R}` ? R : never;
type ApiPaths = { [P in keyof paths as Strip<P>]: paths[P] };

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
/** The paths that answer `M`. */
export type PathsFor<M extends Method> = {
  [P in keyof ApiPaths]: ApiPaths[P] extends { [K in M]: infer O } ? (O extends object ? P : never) : never;
}[keyof ApiPaths];
type Operation<P extends keyof ApiPaths, M extends Method> = ApiPaths[P] extends { [K in M]: infer O } ? O : never;

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
/**
 * The body of a successful answer: the server's document names each operation's success (200, 201 or 202 with
 * its body, 204 with none); its `default` response is the problem+json of every error (see errors.ts).
 */
export type Answer<O> = O extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonContent<R[200]>
    : 201 extends keyof R
      ? JsonContent<R[201]>
      : 202 extends keyof R
        ? JsonContent<R[202]>
        : undefined
  : undefined;
type Body<O> = O extends { requestBody?: infer RB } ? JsonBody<NonNullable<RB>> : never;
type JsonBody<RB> = [RB] extends [never] ? never : RB extends { content: { 'application/json': infer B } } ? B : never;
type PathParams<O> = O extends { parameters: { path: infer PP } } ? PP : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

type Options<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: QueryParams<O> }) &
  ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

/** The cookie the server sets at sign-in for the double-submit CSRF check; its value goes in {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'sf_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The value of a cookie readable by the page (the session cookie itself is httpOnly and never seen here). */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

function expand(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null) search.append(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ApiClientOptions {
  /** Where the API is; `/api` on the server that serves the app. */
  baseUrl?: string;
  /** The fetch to use (tests pass a fake); the global one by default, looked up at each call. */
  fetch?: typeof fetch;
}

/**
 * A client typed by the server's OpenAPI document (src/api/schema.d.ts, generated from openapi.json). It sends the
 * browser's cookies (`credentials: 'include'`: the httpOnly session cookie `sf_session`), adds the CSRF header to
 * every request that is not a read, and throws an {@link ApiError} for every answer that is not a success.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api';

  /**
   * Sends a request and answers the successful Response (or throws an {@link ApiError}): the cookies included, the
   * CSRF header on every write. `json` is sent as JSON; `body` as it is (a FormData gets its multipart boundary from
   * the browser, so no Content-Type is set for it).
   */
  async function send(method: Method, path: string, o: SendOptions): Promise<Response> {
    const upper = method.toUpperCase();
    const headers: Record<string, string> = { Accept: o.accept ?? 'application/json, application/problem+json' };
    if (o.json !== undefined) headers['Content-Type'] = 'application/json';
    if (!SAFE_METHODS.has(upper)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    Object.assign(headers, o.headers);
    const url = baseUrl + expand(path, o.path) + queryString(o.query);
    let response: Response;
    try {
      const f = options.fetch ?? globalThis.fetch;
      response = await f(url, {
        method: upper,
        headers,
        credentials: 'include',
        body: o.json !== undefined ? JSON.stringify(o.json) : o.body,
        signal: o.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0);
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return response;
  }

  async function parsed<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function request<O>(method: Method, path: string, opts: Options<O>): Promise<Answer<O>> {
    const o = opts as { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const response = await send(method, path, {
      path: o.path,
      query: o.query,
      json: o.body,
      headers: opts.headers,
      signal: opts.signal,
    });
    return parsed<Answer<O>>(response);
  }

  return {
    get: <P extends PathsFor<'get'>>(path: P, ...[opts]: OptionalIfEmpty<Options<Operation<P, 'get'>>>) =>
      request<Operation<P, 'get'>>('get', path, (opts ?? {}) as Options<Operation<P, 'get'>>),
    put: <P extends PathsFor<'put'>>(path: P, opts: Options<Operation<P, 'put'>>) =>
      request<Operation<P, 'put'>>('put', path, opts),
    post: <P extends PathsFor<'post'>>(path: P, ...[opts]: OptionalIfEmpty<Options<Operation<P, 'post'>>>) =>
      request<Operation<P, 'post'>>('post', path, (opts ?? {}) as Options<Operation<P, 'post'>>),
    patch: <P extends PathsFor<'patch'>>(path: P, opts: Options<Operation<P, 'patch'>>) =>
      request<Operation<P, 'patch'>>('patch', path, opts),
    delete: <P extends PathsFor<'delete'>>(path: P, opts: Options<Operation<P, 'delete'>>) =>
      request<Operation<P, 'delete'>>('delete', path, opts),
    /**
     * Any route, untyped, answering the Response itself: for bodies that are not JSON (multipart uploads, binary
     * downloads) and for routes the OpenAPI snapshot does not have yet. Errors are thrown as for the typed calls.
     */
    raw: (method: Method, path: string, opts: SendOptions = {}) => send(method, path, opts),
    /** {@link raw} with the JSON answer parsed (undefined for 204): `T` is the caller's word for its shape. */
    untyped: async <T>(method: Method, path: string, opts: SendOptions = {}): Promise<T> =>
      parsed<T>(await send(method, path, opts)),
  };
}

/** The options of {@link ApiClient.raw}: path parameters for the `{name}`s of the path, the query, one body. */
export interface SendOptions {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is: FormData (multipart), a Blob, text. */
  body?: BodyInit | undefined;
  /** The Accept header; JSON or a problem by default. */
  accept?: string;
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

/** Options may be left out when nothing in them is required. */
type OptionalIfEmpty<T> = {} extends T ? [opts?: T] : [opts: T];

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return { status: response.status, title: response.statusText };
  try {
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null ? (body as Problem) : {};
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export const api = createApiClient();
export type ApiClient = ReturnType<typeof createApiClient>;
