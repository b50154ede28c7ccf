import type { PendingChange } from './changes';

/** Where the queue keeps its changes between page loads. */
export interface QueueStorage {
  /** Every stored change, in any order. */
  load(): Promise<PendingChange[]>;
  put(change: PendingChange): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

/** A storage that lives as long as the page (tests, and browsers without IndexedDB). */
export function memoryStorage(): QueueStorage {
  const items = new Map<string, PendingChange>();
  return {
    load: async () => [...items.values()],
    put: async (c) => void items.set(c.id, c),
    remove: async (id) => void items.delete(id),
    clear: async () => items.clear(),
  };
}

const DB = 'steadfast-offline';
const STORE = 'changes';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The changes in IndexedDB (database `steadfast-offline`, store `changes`, keyed by the change's id). */
export async function indexedDbStorage(factory: IDBFactory = indexedDB): Promise<QueueStorage> {
  const open = factory.open(DB, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const db = await done(open);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    load: () => done(store('readonly').getAll() as IDBRequest<PendingChange[]>),
    put: async (c) => void (await done(store('readwrite').put(c))),
    remove: async (id) => void (await done(store('readwrite').delete(id))),
    clear: async () => void (await done(store('readwrite').clear())),
  };
}

/** IndexedDB when the browser has it (and lets this page use it), memory otherwise. */
export async function defaultStorage(): Promise<QueueStorage> {
  if (typeof indexedDB === 'undefined') return memoryStorage();
  try {
    return await indexedDbStorage();
  } catch {
    // private windows of some browsers refuse IndexedDB: the queue then lasts as long as the page
    return memoryStorage();
  }
}
