import { useEffect, useMemo, useState } from 'react';
import { pairKey } from '../core/analysis.ts';
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import type { ResultTable, Row } from '../export/results.ts';
import {
  bandColumn,
  bandOf,
  baseColumn,
  columnDef,
  isDelta,
  isMatrix,
  type BaseColumn,
  type Column,
  type NumberStyle,
} from '../core/columns.ts';

const MAX_ROWS = 300;
/**
 * Rows added per frame: a new result's rows arrive 50 at a time, each step after the browser
 * has drawn the last, so that laying out a long table (300 rows of nine columns: 140–150 ms
 * under software WebGL's CPU load) never holds the page in one piece (steps one task apart
 * all met in the next frame's layout); the first rows show at once and the rest within a few
 * frames.
 */
const ROWS_PER_STEP = 50;
/** A column's name: a difference column is Δ and its figure's name, a band's end its figure's name and the end, a matrix column the place's. */
export function columnLabel(lang: Lang, c: Column, names?: ReadonlyMap<string, string>): string {
  if (isMatrix(c)) return names?.get(c.slice(3)) ?? c.slice(3);
  const base = baseColumn(c);
  if (!base) return c;
  const label = t(lang, `Col.${base}`);
  const band = bandOf(c);
  if (band) return t(lang, band === 'low' ? 'Col.low' : 'Col.high', { col: label });
  return isDelta(c) ? t(lang, 'Col.delta', { col: label }) : label;
}

/** The key a row is hovered and highlighted by: a pair `a>b`, a unit id, or a port id. */
export function rowKey(row: Row): string | null {
  if (typeof row.a === 'string' && typeof row.b === 'string') return pairKey(row.a, row.b);
  if (typeof row.port === 'string' && row.cell === undefined) return row.port;
  if (typeof row.unit === 'string' && row.cell === undefined) return row.unit;
  if (typeof row.id === 'string' && typeof row.name_vi === 'string') return row.id;
  if (typeof row.target === 'string') return row.target;
  return null;
}

/** A figure's value with its band over the sensitivity runs, where the table has one: `v (low–high)`. */
function bandText(lang: Lang, col: Column, row: Row, names: ReadonlyMap<string, string>): string {
  const text = cellText(lang, col, row[col] ?? null, names);
  const base = baseColumn(col);
  if (!base || base !== col) return text;
  const lo = row[bandColumn(base as BaseColumn, 'low')];
  const hi = row[bandColumn(base as BaseColumn, 'high')];
  if (typeof lo !== 'number' || typeof hi !== 'number') return text;
  return `${text} (${cellText(lang, col, lo, names)}–${cellText(lang, col, hi, names)})`;
}

/** A number as its column's definition writes it (fixed decimals, a percentage, powers of ten). */
function numberText(lang: Lang, v: number, style: NumberStyle | undefined): string {
  if (!style) return formatNumber(lang, v, 2);
  if (style.kind === 'percent') return `${formatNumber(lang, v * 100, style.digits)} %`;
  if (style.kind === 'scientific') return v.toExponential(style.digits);
  return formatNumber(lang, v, style.digits);
}

function cellText(lang: Lang, col: Column, v: Row[string], names: ReadonlyMap<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(lang, v ? 'Table.Yes' : 'Table.No');
  if (typeof v !== 'number' && typeof v !== 'string') return `${formatNumber(lang, v[0], 4)}; ${formatNumber(lang, v[1], 4)}`;
  const def = columnDef(col);
  if (typeof v === 'string') return def.names === 'unit' ? `${names.get(v) ?? v}` : v;
  return numberText(lang, v, def.style);
}

/**
 * A sortable table of one result table, linked to the map: hovering a row highlights it
 * there, clicking a row selects its unit.
 */
export function AnalysisTable(props: {
  lang: Lang;
  table: ResultTable;
  names: ReadonlyMap<string, string>;
  hovered: string | null;
  onHover: (key: string | null) => void;
  onPick: (unit: string) => void;
}) {
  const { lang, table, names } = props;
  const [sort, setSort] = useState<{ col: string; dir: 1 | -1 } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const { col, dir } = sort;
    return [...table.rows].sort((p, q) => {
      const a = p[col] ?? null;
      const b = q[col] ?? null;
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return (a < b ? -1 : 1) * dir;
    });
  }, [table, sort]);
  // How many rows are drawn so far: a new table starts again from the first step (a new sort keeps them all).
  const [grown, setGrown] = useState({ table, n: ROWS_PER_STEP });
  const drawn = grown.table === table ? grown.n : ROWS_PER_STEP;
  const target = Math.min(rows.length, MAX_ROWS);
  useEffect(() => {
    if (drawn >= target) return;
    // After the next frame (a task after its callbacks, so the frame lays out these rows alone);
    // in a hidden tab, where no frame comes, a task at a time.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grow = (): void => {
      timer = setTimeout(() => setGrown({ table, n: drawn + ROWS_PER_STEP }), 0);
    };
    let frame = 0;
    if (document.hidden) grow();
    else frame = requestAnimationFrame(grow);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [table, drawn, target]);
  if (!rows.length) return <p className="empty">{t(lang, 'Analysis.NoRows')}</p>;
  const shown = rows.slice(0, Math.min(drawn, MAX_ROWS));
  // A figure with a band over the sensitivity runs shows it beside itself, so its low and high columns are not repeated.
  const columns = table.columns.filter((c) => !bandOf(c));
  return (
    <div className="analysis-table-wrap">
      <table className="analysis-table" data-testid="analysis-table" aria-busy={drawn < target}>
        <thead>
          <tr>
            {columns.map((c) => {
              const label = columnLabel(lang, c, names);
              const dir = sort?.col === c ? sort.dir : 0;
              return (
                <th key={c} scope="col" aria-sort={dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none'}>
                  <button
                    type="button"
                    title={t(lang, 'Analysis.Sort', { col: label })}
                    onClick={() => setSort({ col: c, dir: sort?.col === c ? (sort.dir === 1 ? -1 : 1) : 1 })}
                  >
                    {label}
                    {dir === 1 ? ' ▲' : dir === -1 ? ' ▼' : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onMouseLeave={() => props.onHover(null)}>
          {shown.map((row, i) => {
            const key = rowKey(row);
            const unit =
              typeof row.unit === 'string'
                ? row.unit
                : typeof row.a === 'string'
                  ? row.a
                  : typeof row.name_vi === 'string' && typeof row.id === 'string'
                    ? row.id
                    : null;
            return (
              <tr
                key={key ?? i}
                className={key !== null && key === props.hovered ? 'hovered' : undefined}
                onMouseEnter={() => props.onHover(key)}
                onClick={() => unit && props.onPick(unit)}
              >
                {columns.map((c) => (
                  <td key={c} className={typeof row[c] === 'number' ? 'num' : undefined}>
                    {bandText(lang, c, row, names)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && <p className="hint-muted">{t(lang, 'Analysis.Rows', { n: `${MAX_ROWS}/${rows.length}` })}</p>}
    </div>
  );
}
