import type { LegendEntry } from '../core/thematic-style.ts';

const rgb = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** A small picture of one legend entry, drawn from the same constants as the map. */
export function LegendSwatch({ e }: { e: LegendEntry }) {
  const c = rgb(e.color);
  return (
    <svg width="26" height="14" aria-hidden="true" className="legend-swatch">
      {e.kind === 'line' && (
        <line x1="1" y1="7" x2="25" y2="7" stroke={c} strokeWidth={e.widthPx ?? 2} strokeDasharray={e.dashed ? '6 4' : undefined} />
      )}
      {e.kind === 'point' && (
        <circle
          cx="13"
          cy="7"
          r={Math.min(6.5, e.radiusPx ?? 5)}
          fill={e.hollow ? '#fff' : c}
          stroke={e.hollow ? c : '#fff'}
          strokeWidth={e.hollow ? 2 : 1}
        />
      )}
      {e.kind === 'area' && (
        <rect x="2" y="2" width="22" height="10" fill={c} fillOpacity="0.35" stroke={c} strokeDasharray={e.dashed ? '4 3' : undefined} />
      )}
    </svg>
  );
}
