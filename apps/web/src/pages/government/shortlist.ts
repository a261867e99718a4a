import { useSyncExternalStore } from 'react';
import type { Reason } from '../../components/matching/ReasonsBar';

/** What the shortlist keeps of a counterpart: enough to show its composition and why it was chosen. */
export interface ShortlistEntry {
  id: string;
  slug: string;
  name: string;
  kind: string;
  womenLed: boolean;
  youthLed: boolean;
  residence: { code: string; name: string }[];
  origin: { code: string; name: string }[];
  score: number;
  reasons: Reason[];
}

/**
 * The shortlist a government officer builds in the counterpart finder and invites from a consultation:
 * kept in this browser (localStorage, one list per signed-in user) so it survives moving between the
 * finder and a consultation. It holds public profile facts only.
 */
const PREFIX = 'nexus.government.shortlist.';
const listeners = new Set<() => void>();
const cache = new Map<string, ShortlistEntry[]>();
const EMPTY: ShortlistEntry[] = [];

function read(userId: string): ShortlistEntry[] {
  if (!cache.has(userId)) {
    let entries: ShortlistEntry[] = [];
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + userId) ?? '[]');
      if (Array.isArray(parsed)) entries = parsed as ShortlistEntry[];
    } catch {
      entries = [];
    }
    cache.set(userId, entries);
  }
  return cache.get(userId) ?? EMPTY;
}

function write(userId: string, entries: ShortlistEntry[]) {
  cache.set(userId, entries);
  try {
    localStorage.setItem(PREFIX + userId, JSON.stringify(entries));
  } catch {
    // storage full or refused: the list still lives for this page
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShortlist(userId: string | null | undefined) {
  const entries = useSyncExternalStore(
    subscribe,
    () => (userId ? read(userId) : EMPTY),
    () => EMPTY,
  );
  return {
    entries,
    has: (id: string) => entries.some((e) => e.id === id),
    add: (entry: ShortlistEntry) => {
      if (userId && !entries.some((e) => e.id === entry.id)) write(userId, [...entries, entry]);
    },
    remove: (id: string) => {
      if (userId)
        write(
          userId,
          entries.filter((e) => e.id !== id),
        );
    },
    clear: () => {
      if (userId) write(userId, []);
    },
  };
}
