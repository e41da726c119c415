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
  const { listen, notify: maybeNotify } = handle;
  if (!listen || !maybeNotify) return undefined;
  const notify = maybeNotify;
  const self = randomUUID();
  let stop: (() => Promise<void>) | undefined;
  // One announcement at a time: every change while one is on its way is covered by one more after
  // it (sent after those changes committed), not by one each. PostgreSQL serialises the commits of
  // transactions that notify, so one NOTIFY per write would line up every write of the installation.
  let sending = false;
  let again = false;
  function send(): void {
    sending = true;
    notify(PAGE_CACHE_CHANNEL, self)
      .catch(onError)
      .finally(() => {
        if (again) {
          again = false;
          send();
        } else sending = false;
      });
  }
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
      if (sending) again = true;
      else send();
    },
    async stop() {
      await stop?.();
    },
  };
}
