// Aggregates kept per database and key for a while; once a value is older than that, the next
// reader still gets it at once while one refresh runs in the background (stale-while-refresh), so
// only the very first reader after a start waits for the computation. Pure bookkeeping: no I/O.
type Entry<T> = { value?: T; until: number; refreshing?: Promise<T> };

export function refreshingCache<T>(ttlMs: number, maxKeys = 2_000) {
  const byDatabase = new WeakMap<object, Map<string, Entry<T>>>();
  return {
    get(db: object, key: string, now: Date, load: () => Promise<T>): Promise<T> {
      let entries = byDatabase.get(db);
      if (!entries) {
        entries = new Map();
        byDatabase.set(db, entries);
      }
      let entry = entries.get(key);
      if (!entry) {
        if (entries.size >= maxKeys) entries.clear();
        entry = { until: 0 };
        entries.set(key, entry);
      }
      const e = entry;
      if (e.value !== undefined && e.until > now.getTime()) return Promise.resolve(e.value);
      e.refreshing ??= load()
        .then((value) => {
          e.value = value;
          e.until = now.getTime() + ttlMs;
          return value;
        })
        .finally(() => {
          e.refreshing = undefined;
        });
      return e.value !== undefined ? Promise.resolve(e.value) : e.refreshing;
    },
    /** Drops every value kept for this database: the next reader waits for fresh figures. */
    clear(db: object) {
      byDatabase.delete(db);
    },
  };
}
