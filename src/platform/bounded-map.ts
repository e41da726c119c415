/**
 * Sets `key` as the newest entry of `map` and drops the oldest entries so that at most `limit`
 * remain: a Map keeps insertion order, so setting a key again on use makes the map least
 * recently used first. For what a process keeps per state of its data (ADR 0022).
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  while (map.size >= limit) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
  map.set(key, value);
}
