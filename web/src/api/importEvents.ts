import type { QueryClient, QueryKey } from '@tanstack/react-query';

/*
 * What the app's one event stream (events.ts, in the first chunk) needs of imports: the keys and the `import` event.
 * Kept apart from transfer.ts so that the sign-in page does not load the import and export code.
 */

/** The status of an import: queued, running, done, failed. */
type Status = 'queued' | 'running' | 'done' | 'failed' | (string & {});

/** The data of the event stream's `import` events: how far an import is. */
export interface ImportEvent {
  id: string;
  status: Status;
  progress?: { done?: number; total?: number };
}

/** Every import query starts with this key. */
export const importsKey = ['me', 'imports'] as const;
export const importListKey = [...importsKey, 'list'] as const;
export const importKey = (id: string) => [...importsKey, 'one', id] as const;

/** What an import that is done changes: the habits and everything computed from their days. */
export const IMPORTED_KEYS: readonly QueryKey[] = [['habits'], ['habit'], ['today'], ['calendar'], ['achievements']];

/** The part of an import an event changes. */
interface Progressing {
  status: Status;
  progress?: { done?: number; total?: number } | null;
}

/** A live `import` event: its progress goes into the cached import at once, and the import is asked for again. */
export function applyImportEvent(client: QueryClient, event: ImportEvent) {
  if (!event.id) return;
  client.setQueryData<Progressing>(importKey(event.id), (old) =>
    old ? { ...old, status: event.status, progress: event.progress ?? old.progress } : old,
  );
  void client.invalidateQueries({ queryKey: importsKey });
}
