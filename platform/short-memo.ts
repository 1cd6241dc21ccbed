// A value read often and changed rarely (a campaign, its supporters, a member count), kept for a
// few seconds per process instead of being read on every request. Concurrent readers share one
// load; a failed load is not kept.
export function shortMemo<T>(ttlMs: number) {
  const entries = new Map<string, { value: Promise<T>; until: number }>();
  return {
    get(key: string, now: Date, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.until > now.getTime()) return hit.value;
      const value = load();
      entries.set(key, { value, until: now.getTime() + ttlMs });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}

/** The same, kept apart per database (a process may hold several: tests, tools). */
export function shortMemoPerDatabase<T>(ttlMs: number) {
  const byDatabase = new WeakMap<object, ReturnType<typeof shortMemo<T>>>();
  const memoOf = (db: object) => {
    let memo = byDatabase.get(db);
    if (!memo) {
      memo = shortMemo<T>(ttlMs);
      byDatabase.set(db, memo);
    }
    return memo;
  };
  return {
    get: (db: object, key: string, now: Date, load: () => Promise<T>) => memoOf(db).get(key, now, load),
    clear: (db: object) => memoOf(db).clear(),
  };
}
