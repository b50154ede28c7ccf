import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { IMPORTED_KEYS, importKey, importListKey } from './importEvents';

export { applyImportEvent, IMPORTED_KEYS, importKey, importListKey, importsKey, type ImportEvent } from './importEvents';

/*
 * Imports and exports (docs/api.md, "Imports"). The shapes below mirror `ImportDto` of the OpenAPI snapshot
 * (openapi.json) with the statuses spelled out; the calls go through the client's untyped path (multipart bodies and
 * file downloads, which the typed client does not send).
 */

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** An import of a file of history: GET /me/imports/{id}. */
export interface ImportJob {
  id: string;
  status: ImportStatus | (string & {});
  /** What the file was read as: loop-sqlite, loop-csv, habitica, csv, steadfast. */
  format?: string | null;
  fileName?: string | null;
  size?: number;
  /** The file's day records handled so far, of all. */
  progress?: { done?: number; total?: number } | null;
  summary?: {
    /** Habits created. */
    habits?: number;
    /** Days added (days already recorded here are kept as they are). */
    checkins?: number;
    /** What was left out, each explained in `warnings`. */
    skipped?: number;
    /** Photos stored (the CSV zip's; one the day had already is not counted). */
    photos?: number;
    warnings?: string[];
  } | null;
  /** Why a failed import failed. */
  error?: string | null;
  createdAt?: string;
  finishedAt?: string | null;
}

export type ExportFormat = 'json' | 'csv' | 'ics';

/** Whether an import is still to finish. */
export function isRunning(job: Pick<ImportJob, 'status'> | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** How often an import that runs is asked for, besides its events (a fallback when the stream is away). */
export const IMPORT_POLL_MS = 2000;

/** The user's imports, newest first (GET /me/imports, the last 50). */
export function useImports() {
  return useQuery({
    queryKey: importListKey,
    queryFn: ({ signal }) => api.untyped<ImportJob[]>('get', '/v1/me/imports', { signal }),
  });
}

/** One import (GET /me/imports/{id}), asked for every 2 s while it is queued or running. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: ({ signal }) => api.untyped<ImportJob>('get', '/v1/me/imports/{id}', { path: { id }, signal }),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (isRunning(query.state.data) ? IMPORT_POLL_MS : false),
  });
}

/** Makes the habit screens load again once an import is done. */
export function refreshImported(client: QueryClient) {
  return Promise.all(IMPORTED_KEYS.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * Sends a file to import (POST /me/imports, multipart `file`): 202 with the queued import. The file is read at once:
 * 413 too large, 422 malformed or of no known format, 429 too many waiting; nothing changes then.
 */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.untyped<ImportJob>('post', '/v1/me/imports', { body: form });
    },
    onSuccess: (job) => {
      if (job?.id) client.setQueryData(importKey(job.id), job);
      return client.invalidateQueries({ queryKey: importListKey });
    },
  });
}

/** A file the server made, to be saved under `filename`. */
export interface Download {
  blob: Blob;
  filename: string;
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first, then `filename="…"`), if any. */
export function dispositionFilename(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return safeName(decodeURIComponent(star[2].trim().replace(/^"|"$/g, '')));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name ? safeName(name) : undefined;
}

/** A name without folders (the browser strips them too; this keeps the fallback honest). */
function safeName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop()?.trim();
  return base ? base : undefined;
}

const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'zip', ics: 'ics' };

/** `steadfast-export-2026-12-01.zip`, for the format and the day given (the user's today). */
export function exportFilename(format: ExportFormat, date: string | undefined): string {
  return date ? `steadfast-export-${date}.${EXTENSIONS[format]}` : `steadfast-export.${EXTENSIONS[format]}`;
}

/**
 * Fetches the export in a format (GET /me/export?format=…) as a file: the bytes as a Blob, the name from the server's
 * Content-Disposition, or `steadfast-export-<today>.<zip|ics|json>`.
 */
export async function fetchExport(format: ExportFormat, today: string | undefined): Promise<Download> {
  const response = await api.raw('get', '/v1/me/export', {
    query: { format },
    accept: '*/*',
  });
  const blob = await response.blob();
  const filename = dispositionFilename(response.headers.get('Content-Disposition')) ?? exportFilename(format, today);
  return { blob, filename };
}

/** Downloads the export in a format; `today` names the file when the server does not. */
export function useExportFile() {
  return useMutation({
    mutationFn: ({ format, today }: { format: ExportFormat; today: string | undefined }) => fetchExport(format, today),
  });
}
