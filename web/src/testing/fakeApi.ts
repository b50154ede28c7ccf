import { vi } from 'vitest';

/** A request as the fake API saw it. */
export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export type Handler = (req: FakeRequest) => Response | Promise<Response>;

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A problem+json answer (docs/api.md, "Errors"). */
export function problem(status: number, fields: Record<string, unknown> = {}): Response {
  const body = { type: 'urn:steadfast:problem:test', title: 'Problem', status, requestId: 'req-1', ...fields };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** A promise the test settles when it wants to: to look at the screen while a request is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A tiny fake of the API for component tests: routes such as `'PUT /api/v1/habits/{id}/checkins/{date}'` answered
 * by handlers; anything else is a 404 problem. Installs itself as the global fetch and records every request.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, template] = key.split(' ') as [string, string];
    const names: string[] = [];
    const pattern = new RegExp(
      '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      }) + '$',
    );
    return { method, pattern, names, handler };
  });

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const base = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      // a JSON body parsed; a FormData (an upload) as it was sent
      body: text === undefined ? (init.body instanceof FormData ? init.body : undefined) : JSON.parse(text),
    };
    for (const route of compiled) {
      const m = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!m) continue;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
      const req = { ...base, params };
      calls.push(req);
      return route.handler(req);
    }
    calls.push({ ...base, params: {} });
    return problem(404, { detail: `no fake for ${method} ${url.pathname}` });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}
