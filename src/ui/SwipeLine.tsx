import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { comparable } from '../core/compare.ts';
import { panelOverMap } from '../core/screen.ts';
import { t } from '../i18n/index.ts';
import { shownBaseline, useAppStore, useStoreApi } from '../state/store.ts';

/**
 * The swipe line over the map while comparing: the baseline west of it, this run east. Drag
 * its handle (mouse or touch), or focus it and use the arrow keys.
 */
export function SwipeLine() {
  const store = useStoreApi();
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      on:
        x.analysisOpen &&
        x.compare.with !== 'none' &&
        x.compare.view === 'swipe' &&
        comparable(x.analysis.result) &&
        shownBaseline(x) !== null,
      swipe: x.compare.swipe,
    })),
  );
  const line = useRef<HTMLDivElement>(null);
  if (!s.on) return null;
  const setFrom = (clientX: number): void => {
    const box = line.current?.parentElement?.getBoundingClientRect();
    if (box && box.width > 0)
      store.getState().setCompare({ swipe: Math.min(shownShare(box), Math.max(0, (clientX - box.left) / box.width)) });
  };
  return (
    <div ref={line} className="swipe-line" style={{ left: `${s.swipe * 100}%` }} data-testid="swipe-line">
      <button
        type="button"
        className="swipe-handle"
        role="slider"
        aria-label={t(s.lang, 'Compare.Swipe')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(s.swipe * 100)}
        onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) setFrom(e.clientX);
        }}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowLeft' ? -0.05 : e.key === 'ArrowRight' ? 0.05 : 0;
          if (!step) return;
          e.preventDefault();
          const box = line.current?.parentElement?.getBoundingClientRect();
          store.getState().setCompare({ swipe: Math.min(box ? shownShare(box) : 1, Math.max(0, s.swipe + step)) });
        }}
      >
        ⇔
      </button>
    </div>
  );
}

/** The share of the map's width that shows (up to the analysis panel, which may lie over its right edge); the line stops short of it. */
function shownShare(box: DOMRect): number {
  const covered = panelOverMap(box);
  return covered > 0 ? Math.min(1, Math.max(0, (box.width - covered - 16) / box.width)) : 1;
}
