/**
 * deck.gl layer factory for analysis results: arcs for gravity flows (width and colour by
 * intensity), lines for shared borders, network paths, choropleths of units (reach share,
 * linkage index) and hexagonal cells (hinterlands by port, accessibility, optionally
 * extruded). Stable ids per analysis; `updateTriggers` name what hover and selection change.
 */
import { ArcLayer, LineLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, Position } from '@deck.gl/core';
import {
  accessValues,
  hexCorners,
  pairKey,
  sameKind,
  type AccessMeasure,
  type AnalysisKind,
  type AnalysisResult,
} from '../core/analysis.ts';
import {
  CATEGORICAL,
  HIGHLIGHT,
  NO_DATA,
  RAMP_DISTANCE,
  RAMP_STRENGTH,
  EXISTING,
  coverageBands,
  extent,
  gainColor,
  isochroneColor,
  rampColor,
  siteColor,
} from '../core/analysis-style.ts';
import { cellDelta, symmetricExtent } from '../core/compare.ts';
import type { RGB } from '../core/thematic-style.ts';

export interface AnalysisLayerProps {
  /** Access grid: which distance colours the cells. */
  measure: AccessMeasure;
  /** Hinterlands: straight line, network km, or travel minutes. */
  method: 'straight' | 'network' | 'minutes';
  extrude: boolean;
  /** The selected unit: its linkages stand out, the others fade. */
  selected: string | null;
  /** The table row under the pointer: a unit id, a pair key `a>b`, or a port id. */
  hovered: string | null;
  /** Interleaved with MapLibre: the id of the map layer to draw beneath. */
  beforeId: string | null;
  /** Comparing with a baseline run: a difference map, or the two sides of a swipe line. */
  compare?: CompareLayerProps | null;
}

/** How a result is compared on the map (accessibility cells and the linkage index). */
export interface CompareLayerProps {
  baseline: AnalysisResult;
  view: 'difference' | 'swipe';
  /** The swipe line's longitude: the baseline is drawn west of it. */
  swipeLon: number;
}

export const ANALYSIS_LAYER_DEFAULTS: AnalysisLayerProps = {
  measure: 'seaport_km',
  method: 'network',
  extrude: false,
  selected: null,
  hovered: null,
  beforeId: null,
};

/** Unit outlines for choropleths: one entry per polygon part. */
export interface UnitPolygon {
  id: string;
  polygon: Position[][];
}

const FADED = 50;
const rgba = (c: RGB, a = 255): [number, number, number, number] => [c[0], c[1], c[2], a];

/**
 * A grid's hexagons as deck.gl binary data: each a closed clockwise ring of seven corners and its
 * four triangles, so deck.gl neither normalises nor tessellates them on the page's thread (with
 * some thousands of cells that took 100–250 ms on a result's first draw). `cell` maps a row to its
 * cell (a subset's rows are not the grid's).
 */
interface Hexes {
  data: {
    length: number;
    startIndices: Uint32Array;
    attributes: { getPolygon: { value: Float64Array; size: 2 }; indices: Uint32Array };
  };
  cell: Uint32Array;
}
type HexGrid = { centres: Float64Array; cellKm: number; lat0: number };
const hexCache = new WeakMap<object, Hexes>();
/** Corners per ring (six and the first again) and triangles' corners per cell (a fan of four). */
const RING = 7;
const TRIANGLES = 12;

function buildHexes(grid: HexGrid, cells: Uint32Array): Hexes {
  const n = cells.length;
  const value = new Float64Array(n * RING * 2);
  const startIndices = new Uint32Array(n + 1);
  const indices = new Uint32Array(n * TRIANGLES);
  for (let row = 0; row < n; row++) {
    const i = cells[row]!;
    const corners = hexCorners(grid.centres[2 * i]!, grid.centres[2 * i + 1]!, grid.cellKm, grid.lat0);
    const first = row * RING;
    // hexCorners goes anticlockwise; deck.gl's default winding for data it does not normalise is clockwise.
    for (let k = 0; k < RING; k++) {
      const [lon, lat] = corners[(6 - k) % 6]!;
      value[2 * (first + k)] = lon;
      value[2 * (first + k) + 1] = lat;
    }
    startIndices[row] = first;
    for (let t = 0; t < 4; t++) {
      indices[row * TRIANGLES + 3 * t] = first;
      indices[row * TRIANGLES + 3 * t + 1] = first + t + 1;
      indices[row * TRIANGLES + 3 * t + 2] = first + t + 2;
    }
  }
  startIndices[n] = n * RING;
  return { data: { length: n, startIndices, attributes: { getPolygon: { value, size: 2 }, indices } }, cell: cells };
}

/**
 * Every cell of a grid, or the cells whose `keep` entry is at least 0; made once per grid (and
 * per `keep` array), so a redraw on hover or selection hands deck.gl the same data.
 */
function hexesOf(grid: HexGrid, keep?: ArrayLike<number> & object): Hexes {
  const key = keep ?? grid;
  let hexes = hexCache.get(key);
  if (!hexes) {
    const n = grid.centres.length / 2;
    const cells: number[] = [];
    for (let i = 0; i < n; i++) if (!keep || keep[i]! >= 0) cells.push(i);
    hexes = buildHexes(grid, Uint32Array.from(cells));
    hexCache.set(key, hexes);
  }
  return hexes;
}

/** No hexagons, made as hexesOf makes them (the warm-up's layers). */
const NO_HEXES: Hexes = buildHexes({ centres: new Float64Array(0), cellKm: 1, lat0: 0 }, new Uint32Array(0));

/** A layer of hexagons coloured (and, where asked, raised) by their cell. */
function hexLayer(
  id: string,
  base: DrawContext['base'],
  hexes: Hexes,
  color: (cell: number) => [number, number, number, number],
  more: { extruded?: boolean; elevation?: (cell: number) => number; parameters?: object; updateTriggers: Record<string, unknown> },
): Layer {
  const { cell } = hexes;
  return new SolidPolygonLayer({
    id,
    ...base,
    ...(more.parameters ? { parameters: more.parameters } : {}),
    data: hexes.data as never,
    _normalize: false,
    extruded: more.extruded ?? false,
    getFillColor: (_: unknown, { index }: { index: number }) => color(cell[index]!),
    ...(more.elevation ? { getElevation: (_: unknown, { index }: { index: number }) => more.elevation!(cell[index]!) } : {}),
    updateTriggers: more.updateTriggers,
  });
}

/** What every kind's drawing reads. */
interface DrawContext {
  props: AnalysisLayerProps;
  /** Interleaving and depth settings every layer takes. */
  base: { beforeId?: string; parameters: { depthCompare: 'always' } };
  centre: ReadonlyMap<string, [number, number]>;
  /** Whether a pair touches the selected unit (all do when none is selected). */
  touches: (a: string, b: string) => boolean;
  units: readonly UnitPolygon[];
}

type Of<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;

/** Units coloured by a value (NaN: no value, drawn grey). */
function choropleth(id: string, value: ReadonlyMap<string, number>, c: DrawContext, range?: [number, number]): Layer {
  const { selected, hovered } = c.props;
  const [min, max] = range ?? extent(value.values());
  return new SolidPolygonLayer<UnitPolygon>({
    id,
    ...c.base,
    data: c.units.filter((u) => value.has(u.id)),
    getPolygon: (d) => d.polygon,
    getFillColor: (d) => {
      const v = value.get(d.id)!;
      const alpha = hovered === d.id || selected === d.id ? 245 : hovered ? 120 : 200;
      return Number.isNaN(v) ? rgba(NO_DATA, alpha) : rgba(rampColor(RAMP_STRENGTH, (v - min) / (max - min || 1)), alpha);
    },
    updateTriggers: { getFillColor: [hovered, selected] },
  });
}

/** Interleaving and depth settings every analysis layer takes. */
const baseOf = (beforeId: string | null | undefined): DrawContext['base'] => ({
  ...(beforeId ? { beforeId } : {}),
  parameters: { depthCompare: 'always' as const },
});

/**
 * One empty layer of each layer kind the analyses draw, with the props that shape its GPU
 * programs (units, strokes, rounded joints, the text's sublayers) and the same interleaving
 * and depth settings; a step of `warmDeck` (deck-warm.ts) each. Started hidden, then drawn
 * once with no data, they leave luma.gl's pipeline cache holding the pipelines a result's
 * layers will ask for. A new layer kind or program-shaping prop in DRAW belongs here too; the
 * browser test tests/browser/deck-warm.test.ts fails when a first run still links a program.
 * @param visible - false to start them (deck.gl makes each program), true to draw them once
 * @example warmLayers(LAYER.seaLabels, false).map((step) => step.map((l) => l.id))
 */
export function warmLayers(beforeId: string | null, visible: boolean): Layer[][] {
  const base = { ...baseOf(beforeId), data: [] as never[], visible };
  const dot = { radiusUnits: 'pixels', lineWidthUnits: 'pixels', stroked: true } as const;
  return [
    [new SolidPolygonLayer({ id: 'warm-polygons', ...base, getPolygon: () => [] })],
    [new LineLayer({ id: 'warm-lines', ...base, widthUnits: 'pixels' })],
    [new PathLayer({ id: 'warm-paths', ...base, widthUnits: 'pixels', jointRounded: true, capRounded: true })],
    [new ScatterplotLayer({ id: 'warm-dots', ...base, ...dot })],
    [new ArcLayer({ id: 'warm-arcs', ...base, widthUnits: 'pixels' })],
    [new TextLayer({ id: 'warm-text', ...base, sizeUnits: 'pixels', fontWeight: 700 })],
    // Hexagons come as finished geometry (binary attributes): a pipeline of their own, flat and raised.
    [hexLayer('warm-hexes', baseOf(beforeId), NO_HEXES, () => [0, 0, 0, 0], { updateTriggers: {} }).clone({ visible })],
    [
      hexLayer('warm-hexes-raised', baseOf(beforeId), NO_HEXES, () => [0, 0, 0, 0], {
        extruded: true,
        elevation: () => 0,
        parameters: {},
        updateTriggers: {},
      }).clone({ visible }),
    ],
  ];
}

/** Each analysis kind's drawing, by kind (a kind without one fails to compile). */
const DRAW: { [K in AnalysisKind]: (r: Of<K>, c: DrawContext) => Layer[] } = {
  coverage: drawCoverage,
  od: drawOd,
  siting: drawSiting,
  gravity: (r, c) => {
    const { base, centre, touches } = c;
    const { selected, hovered } = c.props;
    const max = Math.max(...r.rows.map((x) => x.intensity), 1e-300);
    const data = r.rows.filter((x) => centre.has(x.a) && centre.has(x.b));
    const color = (d: (typeof data)[number]) => {
      if (hovered === pairKey(d.a, d.b)) return rgba(HIGHLIGHT);
      return rgba(rampColor(RAMP_STRENGTH, Math.sqrt(d.intensity / max)), touches(d.a, d.b) ? 230 : FADED);
    };
    return [
      new ArcLayer<(typeof data)[number]>({
        id: 'analysis-gravity',
        ...base,
        data,
        getSourcePosition: (d) => centre.get(d.a)!,
        getTargetPosition: (d) => centre.get(d.b)!,
        getWidth: (d) => 1 + 11 * Math.sqrt(d.intensity / max) + (hovered === pairKey(d.a, d.b) ? 3 : 0),
        widthUnits: 'pixels',
        getSourceColor: color,
        getTargetColor: color,
        getHeight: 0.5,
        updateTriggers: { getSourceColor: [hovered, selected], getTargetColor: [hovered, selected], getWidth: [hovered] },
      }),
    ];
  },
  adjacency: (r, c) => {
    const { base, centre, touches } = c;
    const { selected, hovered } = c.props;
    const max = Math.max(...r.rows.map((x) => x.shared_km), 1);
    return [
      new LineLayer<(typeof r.rows)[number]>({
        id: 'analysis-adjacency',
        ...base,
        data: r.rows.filter((x) => centre.has(x.a) && centre.has(x.b)),
        getSourcePosition: (d) => centre.get(d.a)!,
        getTargetPosition: (d) => centre.get(d.b)!,
        getWidth: (d) => 2 + 8 * (d.shared_km / max) + (hovered === pairKey(d.a, d.b) ? 3 : 0),
        widthUnits: 'pixels',
        getColor: (d) =>
          hovered === pairKey(d.a, d.b)
            ? rgba(HIGHLIGHT)
            : rgba(rampColor(RAMP_STRENGTH, d.shared_km / max), touches(d.a, d.b) ? 230 : FADED),
        updateTriggers: { getColor: [hovered, selected], getWidth: [hovered] },
      }),
    ];
  },
  distance: (r, c) => {
    const { base, touches } = c;
    const { selected, hovered } = c.props;
    const [min, max] = extent(r.rows.map((x) => x.network_km ?? NaN));
    const data = r.rows.filter((x) => r.paths[pairKey(x.a, x.b)] && touches(x.a, x.b));
    return [
      new PathLayer<(typeof data)[number]>({
        id: 'analysis-distance',
        ...base,
        data,
        getPath: (d) => r.paths[pairKey(d.a, d.b)]!,
        getWidth: (d) => (hovered === pairKey(d.a, d.b) ? 6 : selected ? 3 : 1.5),
        widthUnits: 'pixels',
        getColor: (d) =>
          hovered === pairKey(d.a, d.b)
            ? rgba(HIGHLIGHT)
            : rgba(rampColor(RAMP_DISTANCE, ((d.network_km ?? max) - min) / (max - min || 1)), selected ? 230 : 140),
        jointRounded: true,
        capRounded: true,
        updateTriggers: { getColor: [hovered, selected], getWidth: [hovered, selected] },
      }),
    ];
  },
  reach: (r, c) => [choropleth('analysis-reach', new Map(r.shares.map((x) => [x.unit, x.share])), c)],
  // A unit without an index (no mass in the run's base) is drawn grey, not left out.
  index: (r, c) => {
    const cmp = c.props.compare;
    const now = new Map(r.rows.map((x) => [x.unit, x.index ?? NaN]));
    const baseline = cmp && sameKind(r, cmp.baseline) ? cmp.baseline : null;
    if (!cmp || !baseline) return [choropleth('analysis-index', now, c)];
    const before = new Map(baseline.rows.map((x) => [x.unit, x.index ?? NaN]));
    if (cmp.view === 'swipe') {
      // West of the line the baseline's index, east of it this run's, on one scale.
      const centre = new Map(r.units.map((u) => [u.id, u.centre[0]]));
      const shown = new Map([...now].map(([id, v]) => [id, (centre.get(id) ?? 0) < cmp.swipeLon ? (before.get(id) ?? NaN) : v]));
      return [choropleth('analysis-index-swipe', shown, c, extent([...now.values(), ...before.values()]))];
    }
    const gain = new Map([...now].map(([id, v]) => [id, v - (before.get(id) ?? NaN)]));
    const half = symmetricExtent(gain.values());
    return [
      new SolidPolygonLayer<UnitPolygon>({
        id: 'analysis-index-difference',
        ...c.base,
        data: c.units.filter((u) => gain.has(u.id)),
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => rgba(gainColor(gain.get(d.id)!, half), c.props.selected === d.id ? 245 : 210),
        updateTriggers: { getFillColor: [c.props.selected, half] },
      }),
    ];
  },
  hinterland: (r, c) => {
    const { props, base } = c;
    const { selected, hovered } = props;
    const port =
      props.method === 'straight'
        ? r.grid.port_straight
        : props.method === 'minutes' && r.grid.port_minutes
          ? r.grid.port_minutes
          : r.grid.port_network;
    const hoveredPort = hovered ? r.port_ids.indexOf(hovered) : -1;
    const selectedUnit = selected ? r.units.findIndex((u) => u.id === selected) : -1;
    return [
      hexLayer(
        'analysis-hinterland',
        base,
        hexesOf(r.grid),
        (i) => {
          const p = port[i]!;
          if (p < 0) return [200, 200, 200, 120];
          const dim = (hoveredPort >= 0 && p !== hoveredPort) || (selectedUnit >= 0 && r.grid.unit[i] !== selectedUnit);
          return rgba(CATEGORICAL[p % CATEGORICAL.length]!, dim ? 40 : 190);
        },
        { updateTriggers: { getFillColor: [props.method, hovered, selected] } },
      ),
    ];
  },
  isochrone: (r, c) => {
    const { base } = c;
    const { hovered } = c.props;
    const n = r.bands.length;
    // The widest band first, so the nearer ones lie on top of it.
    const parts = r.bands
      .map((b, i) => ({ b, i }))
      .reverse()
      .flatMap(({ b, i }) =>
        b.geometry.coordinates.map((polygon) => ({ i, minutes: b.minutes, polygon: polygon as unknown as Position[][] })),
      );
    return [
      new SolidPolygonLayer<(typeof parts)[number]>({
        id: 'analysis-isochrone',
        ...base,
        data: parts,
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => rgba(isochroneColor(d.i, n), hovered === String(d.minutes) ? 200 : 110),
        updateTriggers: { getFillColor: [hovered] },
      }),
      new ScatterplotLayer<{ at: [number, number] }>({
        id: 'analysis-isochrone-origin',
        ...base,
        data: [{ at: r.from }],
        getPosition: (d) => d.at,
        getRadius: 7,
        radiusUnits: 'pixels',
        getFillColor: rgba(HIGHLIGHT),
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        stroked: true,
      }),
    ];
  },
  access: (r, c) => {
    const { props, base } = c;
    const { selected } = props;
    const cmp = props.compare && sameKind(r, props.compare.baseline) ? { ...props.compare, baseline: props.compare.baseline } : null;
    if (cmp?.view === 'difference') return [accessDifference(r, cmp.baseline, c)];
    const here = accessValues(r.grid, props.measure).values;
    const before = cmp ? accessValues(cmp.baseline.grid, props.measure).values : null;
    // Swiping: west of the line the baseline's values, east of it this run's, on one scale.
    const values =
      before && before.length === here.length && cmp ? here.map((v, i) => (r.grid.centres[2 * i]! < cmp.swipeLon ? before[i]! : v)) : here;
    const [min, max] = before ? extent([...here, ...before]) : extent(values);
    const selectedUnit = selected ? r.units.findIndex((u) => u.id === selected) : -1;
    return [
      hexLayer(
        'analysis-access',
        base,
        hexesOf(r.grid),
        (i) =>
          rgba(
            rampColor(RAMP_DISTANCE, (values[i]! - min) / (max - min || 1)),
            selectedUnit >= 0 && r.grid.unit[i] !== selectedUnit ? 60 : 200,
          ),
        {
          extruded: props.extrude,
          elevation: (i) => (Number.isFinite(values[i]!) ? values[i]! * 200 : 0),
          ...(props.extrude ? { parameters: {} } : {}),
          updateTriggers: { getFillColor: [props.measure, selected, values], getElevation: [props.measure, values] },
        },
      ),
    ];
  },
};

/** The cells by band of minutes to the nearest place of a kind: the one whose table row is hovered, else the first. */
function drawCoverage(r: Of<'coverage'>, c: DrawContext): Layer[] {
  const { hovered, selected } = c.props;
  const target = r.targets.find((t) => t === hovered) ?? r.targets[0];
  const minutes = target ? r.grid.minutes[target] : undefined;
  if (!minutes) return [];
  const bands = coverageBands(r.params.minutes);
  const bandOf = (m: number): number => {
    const k = r.params.minutes.findIndex((t) => m <= t);
    return k < 0 ? bands.length - 1 : k;
  };
  const selectedUnit = selected ? r.units.findIndex((u) => u.id === selected) : -1;
  return [
    hexLayer(
      'analysis-coverage',
      c.base,
      hexesOf(r.grid),
      (i) => rgba(bands[bandOf(minutes[i]!)]!.color, selectedUnit >= 0 && r.grid.unit[i] !== selectedUnit ? 60 : 190),
      { updateTriggers: { getFillColor: [target, selected] } },
    ),
  ];
}

/** Paths between the pairs, coloured by minutes; the places as dots. */
function drawOd(r: Of<'od'>, c: DrawContext): Layer[] {
  const { hovered, selected } = c.props;
  const [min, max] = extent(r.rows.map((x) => x.minutes ?? NaN));
  const touches = (x: { a: string; b: string }): boolean => !selected || x.a === selected || x.b === selected;
  const data = r.rows.filter((x) => r.paths[pairKey(x.a, x.b)] && touches(x));
  const places = [...new Map([...r.from_places, ...r.to_places].map((p) => [p.id, p])).values()];
  return [
    new PathLayer<(typeof data)[number]>({
      id: 'analysis-od',
      ...c.base,
      data,
      getPath: (d) => r.paths[pairKey(d.a, d.b)]!,
      getWidth: (d) => (hovered === pairKey(d.a, d.b) ? 6 : selected ? 3 : 1.5),
      widthUnits: 'pixels',
      getColor: (d) =>
        hovered === pairKey(d.a, d.b)
          ? rgba(HIGHLIGHT)
          : rgba(rampColor(RAMP_DISTANCE, ((d.minutes ?? max) - min) / (max - min || 1)), selected ? 230 : 120),
      jointRounded: true,
      capRounded: true,
      updateTriggers: { getColor: [hovered, selected], getWidth: [hovered, selected] },
    }),
    new ScatterplotLayer<(typeof places)[number]>({
      id: 'analysis-od-places',
      ...c.base,
      data: places,
      getPosition: (d) => d.coordinates,
      getRadius: 4,
      radiusUnits: 'pixels',
      getFillColor: [40, 40, 40, 230],
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      stroked: true,
    }),
  ];
}

/** The area each new site brings within the minutes (its colour; the existing places' grey), and ranked markers. */
function drawSiting(r: Of<'siting'>, c: DrawContext): Layer[] {
  const { hovered } = c.props;
  const hoveredRank = r.sites.find((x) => x.id === hovered)?.rank ?? null;
  const sites = r.sites.map((x) => ({ rank: x.rank ?? 0, id: x.id, at: [x.lon, x.lat] as [number, number] }));
  return [
    hexLayer(
      'analysis-siting-cells',
      c.base,
      hexesOf(r.grid, r.grid.site),
      (i) => {
        const k = r.grid.site[i]!;
        const dim = hoveredRank !== null && k !== hoveredRank;
        return rgba(k === 0 ? EXISTING : siteColor(k), dim ? 50 : k === 0 ? 110 : 170);
      },
      { updateTriggers: { getFillColor: [hoveredRank] } },
    ),
    new ScatterplotLayer<(typeof sites)[number]>({
      id: 'analysis-siting-sites',
      ...c.base,
      data: sites,
      getPosition: (d) => d.at,
      getRadius: (d) => (d.id === hovered ? 13 : 10),
      radiusUnits: 'pixels',
      getFillColor: (d) => rgba(siteColor(d.rank)),
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      stroked: true,
      updateTriggers: { getRadius: [hovered] },
    }),
    new TextLayer<(typeof sites)[number]>({
      id: 'analysis-siting-ranks',
      ...c.base,
      data: sites,
      getPosition: (d) => d.at,
      getText: (d) => String(d.rank),
      getSize: 13,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}

/** Each run's cell differences against a baseline, per measure: worked out once per pair of runs, not at every redraw. */
const deltaCache = new WeakMap<AnalysisResult, { base: AnalysisResult; measure: AccessMeasure; delta: Float32Array; half: number }>();

/** Cells coloured by their gain over the baseline (baseline − this run: nearer is blue). */
function accessDifference(r: Of<'access'>, baseline: AnalysisResult, c: DrawContext): Layer {
  const { measure, selected } = c.props;
  // Worked out once per pair of runs and measure, not at every redraw (hover, selection, swipe).
  let cached = deltaCache.get(r);
  if (cached?.base !== baseline || cached.measure !== measure) {
    const d = cellDelta(r, baseline, measure);
    cached = { base: baseline, measure, delta: d, half: symmetricExtent(d) };
    deltaCache.set(r, cached);
  }
  const { delta, half } = cached;
  const selectedUnit = selected ? r.units.findIndex((u) => u.id === selected) : -1;
  return hexLayer(
    'analysis-access-difference',
    c.base,
    hexesOf(r.grid),
    (i) => rgba(gainColor(-delta[i]!, half), selectedUnit >= 0 && r.grid.unit[i] !== selectedUnit ? 60 : 215),
    { updateTriggers: { getFillColor: [measure, selected, delta] } },
  );
}

/**
 * The layers that draw a result.
 * @param units - unit polygons of the result's edition (for choropleths)
 * @example createAnalysisLayers({ ...ANALYSIS_LAYER_DEFAULTS, selected: 'VN-DN' }, gravityResult, units)
 */
export function createAnalysisLayers(props: AnalysisLayerProps, r: AnalysisResult, units: readonly UnitPolygon[]): Layer[] {
  const { selected, beforeId } = props;
  const base = baseOf(beforeId);
  const centre = new Map(r.units.map((u) => [u.id, u.centre]));
  const touches = (a: string, b: string): boolean => !selected || a === selected || b === selected;
  // The lookup is by the result's own kind (the union cannot follow it).
  return (DRAW[r.kind] as (r: AnalysisResult, c: DrawContext) => Layer[])(r, { props, base, centre, touches, units });
}
