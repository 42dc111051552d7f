/** What the quota handlers need from the hub beyond the store. */
export interface QuotaDeps {
  /** The records key, read or made on first use (records-key.ts `recordsKeyFor`). */
  recordsKey: () => Buffer;
}
