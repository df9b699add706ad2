import { useSyncExternalStore } from 'react';

import { COMPACT_QUERY } from '../core/screen.ts';

const subscribe = (onChange: () => void): (() => void) => {
  const m = window.matchMedia(COMPACT_QUERY);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
};

/** Whether the screen is compact (a phone, a tablet, a small laptop); follows rotation and resizing. */
export function useCompact(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(COMPACT_QUERY).matches,
    () => false,
  );
}
