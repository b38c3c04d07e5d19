/** Snapshots kept in the browser (IndexedDB), one per name. */
const DB = "xv6-web";
const STORE = "snapshots";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = f(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

export function saveSnapshot(name: string, bytes: Uint8Array): Promise<unknown> {
  return run("readwrite", (s) => s.put(bytes, name));
}

export async function loadSnapshot(name: string): Promise<Uint8Array | undefined> {
  const v = await run("readonly", (s) => s.get(name));
  return v instanceof Uint8Array ? v : undefined;
}
