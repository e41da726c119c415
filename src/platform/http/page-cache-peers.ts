import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../db/connect.ts';
import type { CachePeers } from './page-cache.ts';

/** The channel every instance of an installation listens on; the payload names the sender. */
export const PAGE_CACHE_CHANNEL = 'vv_page_cache';

/**
 * The instances on one PostgreSQL database tell each other about changes with LISTEN/NOTIFY
 * (ADR 0019): a change through one instance empties the page cache of all of them within
 * milliseconds. PGlite serves a single process, so there is nobody to tell.
 */
export function databaseCachePeers(handle: DatabaseHandle, onError: (error: Error) => void): CachePeers | undefined {
  const { listen, notify } = handle;
  if (!listen || !notify) return undefined;
  const self = randomUUID();
  let stop: (() => Promise<void>) | undefined;
  return {
    async start(onChange, onState) {
      stop = await listen(
        PAGE_CACHE_CHANNEL,
        (sender) => {
          if (sender !== self) onChange();
        },
        onState,
      );
    },
    announce() {
      notify(PAGE_CACHE_CHANNEL, self).catch(onError);
    },
    async stop() {
      await stop?.();
    },
  };
}
