import type { NotSentReason, OutboxEntry } from '../../shared/bridge';

/** A draft typed while the host was out of reach; text '' means the worker cleared it. */
export interface BufferedDraft {
  worker: string;
  key: string;
  text: string;
  updatedAt: number;
}

/** A command "sent" while the host was out of reach, in the order it was sent. */
export interface BufferedEntry {
  /** IndexedDB's own increasing key: the order the worker sent them in. */
  local: number;
  worker: string;
  entry: OutboxEntry;
  /** Set if the hub refused it while the host was away; handed over as "not sent". */
  notSent: NotSentReason | null;
  /** The hub applied it (sent straight from the page while the host was away). */
  delivered: boolean;
}

const dbName = 'wings-host-buffer';
const draftsStore = 'drafts';
const outboxStore = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * The browser's copy of what a worker typed while the web-mode host was out
 * of reach, in IndexedDB (it survives a reload and a closed tab). Every row
 * names its worker, and rows leave once the host has them, so the next
 * worker on a shared PC never sees the last one's text.
 */
export class HostBufferStore {
  private opening: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory | undefined = globalThis.indexedDB) {}

  /** Opens the database; rejects when the browser keeps none (private mode, storage off). */
  open(): Promise<IDBDatabase> {
    this.opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!this.factory) {
        reject(new Error('This browser keeps no IndexedDB'));
        return;
      }
      const req = this.factory.open(dbName, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore(draftsStore, { keyPath: ['worker', 'key'] }).createIndex('worker', 'worker');
        db.createObjectStore(outboxStore, { keyPath: 'local', autoIncrement: true }).createIndex(
          'worker',
          'worker',
        );
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      this.opening = null;
      throw error;
    });
    return this.opening;
  }

  async putDraft(draft: BufferedDraft): Promise<void> {
    const tx = (await this.open()).transaction(draftsStore, 'readwrite');
    tx.objectStore(draftsStore).put(draft);
    await done(tx);
  }

  async getDraft(worker: string, key: string): Promise<BufferedDraft | null> {
    const tx = (await this.open()).transaction(draftsStore, 'readonly');
    const row = (await request(tx.objectStore(draftsStore).get([worker, key]))) as BufferedDraft | undefined;
    return row ?? null;
  }

  async drafts(worker: string): Promise<BufferedDraft[]> {
    const tx = (await this.open()).transaction(draftsStore, 'readonly');
    return (await request(tx.objectStore(draftsStore).index('worker').getAll(worker))) as BufferedDraft[];
  }

  /** Removes a handed-over draft, unless it was typed again since (then the newer text is handed over next). */
  async dropDraft(draft: BufferedDraft): Promise<void> {
    const tx = (await this.open()).transaction(draftsStore, 'readwrite');
    const store = tx.objectStore(draftsStore);
    const current = (await request(store.get([draft.worker, draft.key]))) as BufferedDraft | undefined;
    if (current?.updatedAt === draft.updatedAt && current.text === draft.text) {
      store.delete([draft.worker, draft.key]);
    }
    await done(tx);
  }

  async addEntry(worker: string, entry: OutboxEntry): Promise<BufferedEntry> {
    const tx = (await this.open()).transaction(outboxStore, 'readwrite');
    const row: Omit<BufferedEntry, 'local'> = { worker, entry, notSent: null, delivered: false };
    const local = Number(await request(tx.objectStore(outboxStore).add(row)));
    await done(tx);
    return { ...row, local };
  }

  async entries(worker: string): Promise<BufferedEntry[]> {
    const tx = (await this.open()).transaction(outboxStore, 'readonly');
    const rows = (await request(
      tx.objectStore(outboxStore).index('worker').getAll(worker),
    )) as BufferedEntry[];
    return rows.sort((a, b) => a.local - b.local);
  }

  async updateEntry(row: BufferedEntry): Promise<void> {
    const tx = (await this.open()).transaction(outboxStore, 'readwrite');
    tx.objectStore(outboxStore).put(row);
    await done(tx);
  }

  async dropEntry(local: number): Promise<void> {
    const tx = (await this.open()).transaction(outboxStore, 'readwrite');
    tx.objectStore(outboxStore).delete(local);
    await done(tx);
  }

  /** How much is kept, of every worker: counts only, for a page that does not know who is signing in. */
  async counts(): Promise<{ drafts: number; sends: number }> {
    const tx = (await this.open()).transaction([draftsStore, outboxStore], 'readonly');
    const [drafts, sends] = await Promise.all([
      request(tx.objectStore(draftsStore).count()),
      request(tx.objectStore(outboxStore).count()),
    ]);
    return { drafts, sends };
  }
}
