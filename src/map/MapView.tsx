/**
 * The map behind one boundary: MapLibre with the local style and the deck.gl overlay.
 * Store changes reach MapLibre and deck.gl here; map events leave only as store actions.
 */
import { useEffect, useRef } from 'react';
import { Map as MaplibreMap, AttributionControl, LngLatBounds, NavigationControl, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { shallow } from 'zustand/shallow';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { EDITIONS, type Edition } from '../core/types.ts';
import { REGION_BOUNDS } from '../core/region.ts';
import { sceneZoom } from '../core/story.ts';
import { COMPACT_QUERY, freeInsets, openingPadding, panelOverMap, type Inset, type ScreenBox } from '../core/screen.ts';
import { sceneCamera, type SceneCameraOptions } from './frame.ts';
import {
  counterpartsOf,
  DEFAULT_VIEW,
  featuresOf,
  shownBaseline,
  useStoreApi,
  type AppStore,
  type MapBridge,
  type AppState,
  type FeatureRef,
  type MapCapture,
  type CaptureRequest,
  choroplethOf,
  type Choropleth,
} from '../state/store.ts';
import { DYNAMIC_PAINT, PICKABLE, selectedFeatureFilter, thematicStyleLayers } from './thematic-layers.ts';
import type { Layer } from '@deck.gl/core';
import type { UnitPolygon } from '../layers/analysis.ts';
import { metresPerPixel, MoveEndScaleControl } from './scale-control.ts';
import { onDemandFrames } from './deck-frames.ts';
import { gpuDrained, mapQuiet, warmDeck } from './deck-warm.ts';
import {
  admin1Filter,
  basemapLabelFilter,
  buildStyle,
  CAPITAL_BOX,
  capitalBoxImage,
  HATCH,
  hatchImage,
  LAYER,
  nameField,
  selectedCapitalFilter,
  USER_TABLE,
} from './style.ts';
import { CAPITAL_SELECTED_RADIUS_PX, capitalNear, capitalPoints } from '../core/capitals.ts';
import { PARAM_DEFS, readParam } from '../core/analysis.ts';
import { SCENARIO_LIMITS, inScenarioBounds } from '../core/scenario.ts';
import './worker.ts';

declare global {
  interface Window {
    /** Handles for browser tests and the benchmark. */
    __ntcc?: {
      map: MaplibreMap;
      store: AppStore;
      overlay?: MapLibreOverlay;
    };
  }
}

const EPS = 1e-6;
function sameView(map: MaplibreMap, v: AppState['view']): boolean {
  const c = map.getCenter();
  return (
    Math.abs(c.lng - v.center[0]) < 1e-4 &&
    Math.abs(c.lat - v.center[1]) < 1e-4 &&
    Math.abs(map.getZoom() - v.zoom) < 1e-2 &&
    Math.abs(map.getBearing() - v.bearing) < 0.1 &&
    Math.abs(map.getPitch() - v.pitch) < 0.1
  );
}

/**
 * The deck.gl overlay and its layer factories, in their own chunk, off the path to the map's
 * first idle: everything the app opens with is MapLibre's, from the tiles. deck.gl starts the
 * first time there is something for it to draw (an analysis result, an imported layer) or, in
 * the app, earlier: once the map is first idle and still, with its programs made ready
 * (deck-warm.ts), so that the first analysis does not hold the page.
 */
type DeckModule = {
  /**
   * Makes luma.gl's device for the map's context now (deck.gl finds it there when it starts):
   * its many questions to the context then wait for no frame of the map's.
   */
  attach: () => Promise<void>;
  overlay: MapLibreOverlay;
  layersFor: (s: AppState) => Layer[];
  /** Gives deck.gl's animation loop a few frames (it waits between changes: deck-frames.ts). */
  wake: (frames?: number) => void;
  /** The warm-up's steps: an empty layer of each kind the analyses draw, hidden or shown. */
  warmSteps: (visible: boolean) => Layer[][];
  /** Sets the warm-up layers drawn beside the app's own (none between steps). */
  setWarm: (layers: Layer[]) => void;
};
/** Whether anything is for deck.gl to draw: an analysis result on show, or a visible imported layer. */
const needsDeck = (s: AppState): boolean =>
  (s.analysisOpen && s.analysis.result !== null) ||
  s.imported.some((l) => l.visible) ||
  Boolean(s.userNetwork?.visible) ||
  s.scenario.edits.length > 0 ||
  (s.mapPick !== null && s.mapPick.kind !== 'origin');
/** Hands deck.gl the layers for a state, and its loop the frames to notice them. */
function showLayers(deck: DeckModule, s: AppState): void {
  deck.overlay.setProps({ layers: deck.layersFor(s) });
  deck.wake();
}
/** The name of the luma.gl device the app makes for the map's context (a test looks for it on deck.gl's). */
const DECK_DEVICE_ID = 'ntcc-map';
async function loadDeck(map: MaplibreMap): Promise<DeckModule> {
  const [{ MapLibreOverlay }, { webgl2Adapter }, analysis, imported, scenario, network] = await Promise.all([
    import('@deck.gl/maplibre'),
    import('@luma.gl/webgl'),
    import('../layers/analysis.ts'),
    import('../layers/imported.ts'),
    import('../layers/scenario.ts'),
    import('../layers/network.ts'),
  ]);
  const frames = onDemandFrames();
  let warm: Layer[] = [];
  // How many of the app's own layers deck.gl was last given (the warm-up's are not the app's).
  let ownLayers = 0;
  return {
    attach: async () => {
      const gl = map.getCanvas().getContext('webgl2');
      // The caches deck.gl asks for when it attaches a device itself (it finds this one instead,
      // so `deviceProps` given to the overlay would not reach it: set them here).
      if (gl) await webgl2Adapter.attach(gl, { id: DECK_DEVICE_ID, _cacheShaders: true, _cachePipelines: true });
    },
    overlay: new MapLibreOverlay({
      // Not in deck.gl's types: deck.gl hands it to luma.gl's AnimationLoop (deck-frames.ts).
      ...({ animationFrameProvider: frames.provider } as object),
      interleaved: true,
      layers: [],
      // deck.gl would set its own cursor ('grab') on MapLibre's canvas at every frame it runs,
      // over the pointer the app shows above a province or feature: keep whatever is there.
      getCursor: () => map.getCanvas().style.cursor,
      onAfterRender: () => {
        // The first frame with something of the app's own (the warm-up's empty layers do not count).
        if (ownLayers > 0 && performance.getEntriesByName('deck-first-draw').length === 0) performance.mark('deck-first-draw');
      },
    }),
    layersFor: (s) => {
      const own = ownLayersFor(s);
      ownLayers = own.length;
      return [...own, ...warm];
    },
    wake: frames.wake,
    // Beneath every layer of the map: drawn first in a frame, when the GPU process has the least of
    // that frame queued before them (their programs are the same at any place in the stack).
    warmSteps: (visible) => analysis.warmLayers(map.getLayersOrder().find((id) => !id.startsWith('deck-')) ?? null, visible),
    setWarm: (layers) => {
      warm = layers;
    },
  };
  function ownLayersFor(s: AppState): Layer[] {
    return [
      // The user's own road network, under everything else deck.gl draws.
      ...(s.userNetwork?.visible
        ? [network.createNetworkLayer({ id: s.userNetwork.info.id, beforeId: LAYER.seaLabels }, s.userNetwork.drawing)]
        : []),
      ...s.imported.flatMap((l, index) =>
        l.visible ? [imported.createImportedLayer({ id: l.id, index, beforeId: LAYER.seaLabels }, l.fc)] : [],
      ),
      ...(s.analysisOpen && s.analysis.result
        ? analysis.createAnalysisLayers(
            {
              ...s.analysisView,
              selected: s.selected,
              hovered: s.analysisHover,
              beforeId: LAYER.seaLabels,
              compare: compareOf(map, s),
            },
            s.analysis.result,
            resultPolygons(s, s.analysis.result),
          )
        : []),
      ...(s.scenario.edits.length || (s.mapPick && s.mapPick.kind !== 'origin')
        ? scenario.createScenarioLayers(
            s.scenario,
            s.mapPick && s.mapPick.kind !== 'origin' ? s.mapPick : null,
            corridorLines(s),
            LAYER.seaLabels,
          )
        : []),
    ];
  }
}

/** How near (CSS px) a click must be to a corridor for a drawn vertex to be put on it. */
const SNAP_PX = 12;

/**
 * The point of the nearest road or expressway (bundled, or added by the scenario) within SNAP_PX
 * of a click, or the click itself. A vertex on a road is joined to it (the network joins lines
 * within its tolerance, 0.5 km; a hand's click rarely lands that close). Railways are left out: a
 * railway meets a road only at its stations, so a new road put on one would join nothing.
 */
function snapToCorridor(map: MaplibreMap, s: AppState, click: { x: number; y: number }, at: [number, number]): [number, number] {
  const lines = [...roadLines(s), ...s.scenario.edits.flatMap((e) => (e.action === 'add' && e.kind === 'corridor' ? [e.coordinates] : []))];
  let best: [number, number] = at;
  let bestPx = SNAP_PX;
  for (const line of lines) {
    const px = line.map((c) => map.project(c));
    for (let i = 0; i + 1 < px.length; i++) {
      const a = px[i]!;
      const b = px[i + 1]!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((click.x - a.x) * dx + (click.y - a.y) * dy) / len2)) : 0;
      const d = Math.hypot(a.x + t * dx - click.x, a.y + t * dy - click.y);
      if (d < bestPx) {
        bestPx = d;
        const [p, q] = [line[i]!, line[i + 1]!];
        best = [Math.round((p[0] + t * (q[0] - p[0])) * 1e6) / 1e6, Math.round((p[1] + t * (q[1] - p[1])) * 1e6) / 1e6];
      }
    }
  }
  return best;
}

/** Where an isochrone's origin may be, in words for the notice. */
const originBounds = (): Record<string, string> => {
  const [lon, lat] = PARAM_DEFS.from.bounds;
  return { lon: lon.join('–'), lat: lat.join('–') };
};

/** The bundled corridors' lines by id (the scenario draws the ones it removes or slows over them). */
function corridorLines(s: AppState): Map<string, [number, number][]> {
  const fc = s.thematic.corridors;
  if (!fc) return new Map();
  let m = corridorCache.get(fc);
  if (!m) {
    m = new Map(fc.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number][]]));
    corridorCache.set(fc, m);
  }
  return m;
}
const corridorCache = new WeakMap<object, Map<string, [number, number][]>>();

/** The bundled roads and expressways as lines (no railway), for snapping a drawn vertex. */
function roadLines(s: AppState): [number, number][][] {
  const fc = s.thematic.corridors;
  if (!fc) return [];
  let lines = roadCache.get(fc);
  if (!lines) {
    lines = fc.features
      .filter((f) => f.properties.mode !== 'railway' && f.properties.mode !== 'high_speed_railway')
      .map((f) => f.geometry.coordinates as [number, number][]);
    roadCache.set(fc, lines);
  }
  return lines;
}
const roadCache = new WeakMap<object, [number, number][][]>();

/**
 * How the result is compared, for its layers: the baseline run and the view, with the swipe
 * line's longitude taken from where it stands on the map now; null when not comparing.
 */
function compareOf(map: MaplibreMap, s: AppState): import('../layers/analysis.ts').CompareLayerProps | null {
  const base = shownBaseline(s);
  if (!base) return null;
  const el = map.getContainer();
  const swipeLon = map.unproject([el.clientWidth * s.compare.swipe, el.clientHeight / 2]).lng;
  return { baseline: base, view: s.compare.view, swipeLon };
}

/** The unit polygons a result was computed on: the bundled edition's, or an imported layer's. */
function resultPolygons(s: AppState, r: NonNullable<AppState['analysis']['result']>): UnitPolygon[] {
  const src = r.units_source;
  if (!src) return unitPolygons(featuresOf({ data: s.data, edition: r.params.edition }));
  const layer = s.imported.find((l) => l.id === src.layer);
  if (!layer) return [];
  const key = `${src.code}`;
  const cached = importedPolygonCache.get(layer.fc)?.get(key);
  if (cached) return cached;
  const out = layer.fc.features.flatMap((f) => {
    const code = f.properties?.[src.code];
    const id = typeof code === 'string' ? code.trim() : typeof code === 'number' ? String(code) : '';
    if (!id) return [];
    const g = f.geometry;
    if (g.type === 'Polygon') return [{ id, polygon: g.coordinates as unknown as UnitPolygon['polygon'] }];
    if (g.type === 'MultiPolygon') return g.coordinates.map((p) => ({ id, polygon: p as unknown as UnitPolygon['polygon'] }));
    return [];
  });
  const m = importedPolygonCache.get(layer.fc) ?? new Map<string, UnitPolygon[]>();
  m.set(key, out);
  importedPolygonCache.set(layer.fc, m);
  return out;
}
const importedPolygonCache = new WeakMap<object, Map<string, UnitPolygon[]>>();

const polygonCache = new WeakMap<object, UnitPolygon[]>();
/** Unit outlines (one entry per polygon part) for the analysis choropleths. */
function unitPolygons(features: ReturnType<typeof featuresOf>): UnitPolygon[] {
  let out = polygonCache.get(features);
  if (!out) {
    out = features.flatMap((f) =>
      f.geometry.type === 'Polygon'
        ? [{ id: f.properties.iso, polygon: f.geometry.coordinates as unknown as UnitPolygon['polygon'] }]
        : f.geometry.coordinates.map((polygon) => ({ id: f.properties.iso, polygon: polygon as unknown as UnitPolygon['polygon'] })),
    );
    polygonCache.set(features, out);
  }
  return out;
}

/** Shows, filters and fades the thematic style layers (MapLibre ignores values that did not change). */
function applyThematicLayers(map: MaplibreMap, s: Pick<AppState, 'layers' | 'horizon' | 'statuses' | 'beltKm'>): void {
  // The selection's layers are not in DYNAMIC_PAINT: applySelectedFeature sets their filters.
  for (const spec of thematicStyleLayers({ ...s, feature: null })) {
    if (!(spec.id in DYNAMIC_PAINT)) continue;
    map.setLayoutProperty(spec.id, 'visibility', spec.layout?.visibility ?? 'visible');
    if ('filter' in spec && spec.filter) map.setFilter(spec.id, spec.filter);
    const paint = (spec.paint ?? {}) as Record<string, unknown>;
    for (const prop of DYNAMIC_PAINT[spec.id] ?? []) map.setPaintProperty(spec.id, prop as 'line-opacity', paint[prop] as number);
  }
}

/** Draws the shown table's choropleth (or hides it): each unit's polygon with its class colour, null for no figure. */
function applyChoropleth(map: MaplibreMap, c: Choropleth | null, s: AppState): void {
  const vis = c && !c.wrongEdition ? 'visible' : 'none';
  for (const id of [USER_TABLE.fill, USER_TABLE.noData, USER_TABLE.line]) map.setLayoutProperty(id, 'visibility', vis);
  const source = map.getSource(USER_TABLE.source) as import('maplibre-gl').GeoJSONSource | undefined;
  if (!source) return;
  if (!c || c.wrongEdition || !s.data) {
    source.setData({ type: 'FeatureCollection', features: [] });
    return;
  }
  const polygons = new Map(featuresOf(s).map((f) => [f.properties.iso, f.geometry]));
  source.setData({
    type: 'FeatureCollection',
    features: c.units.flatMap((u) => {
      const geometry = polygons.get(u.iso);
      return geometry ? [{ type: 'Feature' as const, geometry, properties: { iso: u.iso, color: u.color } }] : [];
    }),
  });
}

/** Emphasises the selected thematic feature. */
function applySelectedFeature(map: MaplibreMap, f: FeatureRef | null): void {
  for (const g of ['point', 'line', 'area'] as const) map.setFilter(`th-selected-${g}`, selectedFeatureFilter(f, g));
}

/** The thematic feature drawn under a screen point (points first, then lines, then areas). */
function thematicAt(map: MaplibreMap, x: number, y: number): FeatureRef | null {
  const r = 5;
  const layers = PICKABLE.filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
  if (!layers.length) return null;
  const hits = map.queryRenderedFeatures(
    [
      [x - r, y - r],
      [x + r, y + r],
    ],
    { layers },
  );
  const hit = [...hits].sort((a, b) => PICKABLE.indexOf(a.layer.id) - PICKABLE.indexOf(b.layer.id))[0];
  const id = hit?.properties['id'];
  const layer = hit?.properties['layer'];
  return typeof id === 'string' && typeof layer === 'string' ? { layer: layer as FeatureRef['layer'], id } : null;
}

/** Two caption boxes the same within a pixel (or both absent). */
function sameBox(a: ScreenBox | null, b: ScreenBox | null): boolean {
  if (!a || !b) return a === b;
  return (
    Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.right - b.right) < 1 && Math.abs(a.bottom - b.bottom) < 1
  );
}

/** The map is already at (or within a hair of) this camera. */
function nearCamera(map: MaplibreMap, c: SceneCameraOptions): boolean {
  const at = map.getCenter();
  return (
    Math.abs(at.lng - c.center[0]) < 1e-5 &&
    Math.abs(at.lat - c.center[1]) < 1e-5 &&
    Math.abs(map.getZoom() - c.zoom) < 1e-3 &&
    Math.abs(map.getBearing() - c.bearing) < 0.01 &&
    Math.abs(map.getPitch() - c.pitch) < 0.01
  );
}

/**
 * Where a story scene may put its subject: while presenting (or under the offline file's title
 * card), beside, above or below the caption (whichever shows it largest); otherwise clear of the
 * panels that float over the map (as the opening view), or, for a scene without a subject, the
 * whole map.
 */
function framingParts(map: MaplibreMap, s: AppState, subject: boolean): Inset[] {
  const el = map.getContainer();
  const size = { width: el.clientWidth, height: el.clientHeight };
  // (The offline file's title card is such a caption too, before the story starts.)
  if (s.presenting || s.captionBox) return freeInsets(size, s.captionBox);
  return [subject ? openingPadding(window.matchMedia(COMPACT_QUERY).matches) : { top: 0, right: 0, bottom: 0, left: 0 }];
}

/**
 * The map follows the store: each part it draws is a subscription to the state that part
 * reads (zustand's subscribeWithSelector), run once at the start and then on each change.
 * @returns a function that ends them all
 * @param deck the deck.gl module once loaded; `deck(true)` starts loading it if it is not (the
 *   map shows the layers when it arrives), and returns null until then
 */
function followStore(map: MaplibreMap, store: AppStore, deck: (load?: boolean) => DeckModule | null): () => void {
  const now = { fireImmediately: true };
  /** Flies there, or cuts when the system asks for reduced motion. */
  const fly = (camera: Partial<SceneCameraOptions>): void => {
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) map.jumpTo(camera);
    else map.flyTo({ ...camera, duration: 1600, essential: false });
  };
  /** While a caption shows, the scene's camera again for its box and the map's size now: within the flight under way, or at once. */
  const reframe = (): void => {
    const s = store.getState();
    const target = s.flyTarget;
    if (!s.captionBox || !target) return;
    const camera = sceneCamera(map, target, framingParts(map, s, Boolean(target.subject)));
    if (map.isMoving()) fly(camera);
    else if (!nearCamera(map, camera)) map.jumpTo(camera);
  };
  // A screen turned or resized while presenting: the scene's subject stays whole and clear of the caption.
  // (After the task that resized: a camera being worked out may itself tell MapLibre the new size.)
  const onResize = (): void => queueMicrotask(reframe);
  map.on('resize', onResize);
  const subs = [
    store.subscribe(
      (s) => s.edition,
      (edition) => {
        for (const e of EDITIONS) {
          const vis = e === edition ? 'visible' : 'none';
          for (const id of [
            ...LAYER.fills(e),
            LAYER.hover(e),
            LAYER.line(e),
            LAYER.selected(e),
            LAYER.labels(e),
            LAYER.capitals(e),
            LAYER.capitalSelected(e),
            LAYER.capitalBoxes(e),
          ])
            map.setLayoutProperty(id, 'visibility', vis);
        }
        map.setFilter(LAYER.admin1, admin1Filter(edition));
        map.setFilter(LAYER.basemapLabels, basemapLabelFilter(edition));
      },
      now,
    ),
    store.subscribe(
      (s) => s.lang,
      (lang) => {
        for (const id of [LAYER.labels('2022'), LAYER.labels('2025'), LAYER.basemapLabels, LAYER.seaLabels])
          map.setLayoutProperty(id, 'text-field', nameField(lang));
      },
      now,
    ),
    store.subscribe(
      (s) => [s.hovered, s.edition] as const,
      ([hovered, edition]) => map.setFilter(LAYER.hover(edition), ['==', ['get', 'iso'], hovered ?? '']),
      { ...now, equalityFn: shallow },
    ),
    store.subscribe(
      (s) => [s.selected, s.edition, s.data] as const,
      () => {
        const s = store.getState();
        const other: Edition = s.edition === '2022' ? '2025' : '2022';
        map.setFilter(LAYER.selected(s.edition), ['==', ['get', 'iso'], s.selected ?? '']);
        map.setFilter(LAYER.capitalSelected(s.edition), selectedCapitalFilter(s.edition, s.selected));
        const counterparts = counterpartsOf(s);
        map.setFilter(LAYER.counterpart(other), ['in', ['get', 'iso'], ['literal', counterparts]]);
        map.setLayoutProperty(LAYER.counterpart(other), 'visibility', counterparts.length ? 'visible' : 'none');
        map.setLayoutProperty(LAYER.counterpart(s.edition), 'visibility', 'none');
      },
      { ...now, equalityFn: shallow },
    ),
    store.subscribe(
      (s) => s.presenting,
      (presenting) => {
        // The story drives the camera while presenting: a finger swipes scenes instead of panning.
        if (presenting) {
          map.dragPan.disable();
          map.touchZoomRotate.disable();
        } else {
          map.dragPan.enable();
          map.touchZoomRotate.enable();
        }
      },
      now,
    ),
    // The style was built with the layer state the map opened with: only changes apply.
    store.subscribe(
      (s) => [s.layers, s.horizon, s.statuses, s.beltKm] as const,
      () => applyThematicLayers(map, store.getState()),
      { equalityFn: shallow },
    ),
    store.subscribe(
      (s) => s.feature,
      (f) => applySelectedFeature(map, f),
      now,
    ),
    // The user's table as a choropleth over the current edition's units.
    store.subscribe(
      (s) => choroplethOf(s),
      (c) => applyChoropleth(map, c, store.getState()),
      now,
    ),
    // What deck.gl draws: the analysis result, imported layers (deck.gl loads when first needed).
    store.subscribe(
      (s) =>
        [
          s.edition,
          s.selected,
          s.data,
          s.analysisOpen,
          s.analysis.result,
          s.analysisView,
          s.analysisHover,
          s.imported,
          s.userNetwork,
          s.scenario,
          s.mapPick,
          s.baseline.result,
          s.compare,
          s.thematic,
        ] as const,
      () => {
        const s = store.getState();
        const d = deck(needsDeck(s));
        if (d) showLayers(d, s);
      },
      { ...now, equalityFn: shallow },
    ),
    store.subscribe(
      (s) => s.flyTarget,
      (target) => {
        if (!target) return;
        const { center, bearing, pitch, viewport } = target;
        const el = map.getContainer();
        if (target.subject || store.getState().presenting) {
          // A story scene: its subject whole (or its camera's centre), clear of the caption.
          fly(sceneCamera(map, target, framingParts(map, store.getState(), Boolean(target.subject))));
        } else {
          // A scene made on another screen shows the same area on this one.
          const zoom = sceneZoom(target.zoom, viewport, { width: el.clientWidth, height: el.clientHeight });
          fly({ center, zoom, ...(bearing === undefined ? {} : { bearing }), ...(pitch === undefined ? {} : { pitch }) });
        }
        // Nowhere to go (already there): show a pending scene now.
        if (!map.isMoving() && store.getState().pendingScene !== null) queueMicrotask(() => store.getState().revealScene());
      },
    ),
    // The caption's box changed (a new scene's caption, another language, a resized screen): the
    // scene's subject moves clear of it, in the same flight when one is under way.
    store.subscribe(
      (s) => s.captionBox,
      (box) => {
        if (box) reframe();
      },
      { equalityFn: sameBox },
    ),
    // A view set from outside (the address, a test); the map's own moves set the same view and stop here.
    store.subscribe(
      (s) => s.view,
      (view) => {
        if (!sameView(map, view)) map.jumpTo({ center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch });
      },
    ),
  ];
  return () => {
    subs.forEach((u) => u());
    map.off('resize', onResize);
  };
}

/**
 * Draws the map at a chosen size and pixel ratio, showing the same area as on screen (or a
 * scene's camera), and
 * returns a copy of the canvas; the map is put back as it was afterwards.
 */
async function captureMap(
  map: MaplibreMap,
  el: HTMLElement,
  size: CaptureRequest,
  deck: DeckModule | null,
  s: AppState,
): Promise<MapCapture> {
  const bounds = visibleBounds(map, el);
  // A print's basemap: the map without what the print draws as vectors (names, capitals, the
  // region's outlines, thematic layers, selection and the deck.gl overlay); put back after.
  const hidden = size.basemapOnly ? basemapOnlyHidden(map) : [];
  for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'none');
  if (size.basemapOnly && deck) deck.overlay.setProps({ layers: [] });
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const style = { width: el.style.width, height: el.style.height, position: el.style.position };
  const ratio = map.getPixelRatio();
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  try {
    Object.assign(el.style, { width: `${size.width}px`, height: `${size.height}px`, position: 'fixed' });
    map.setPixelRatio(size.pixelRatio);
    map.resize();
    // A scene's camera, zoomed to show the scene's area at this size; else the area on screen.
    if (size.camera) {
      const c = size.camera;
      map.jumpTo({ center: c.center, zoom: sceneZoom(c.zoom, c.viewport, size), bearing: c.bearing, pitch: c.pitch });
    } else if (camera.bearing === 0 && camera.pitch === 0) map.fitBounds(bounds, { duration: 0, padding: 0 });
    await idle();
    const src = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = src.width;
    copy.height = src.height;
    copy.getContext('2d')?.drawImage(src, 0, 0);
    return { canvas: copy, metresPerPixel: metresPerPixel(map), bearing: map.getBearing() };
  } finally {
    for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'visible');
    if (size.basemapOnly && deck) showLayers(deck, s);
    Object.assign(el.style, style);
    map.setPixelRatio(ratio);
    map.resize();
    map.jumpTo(camera);
  }
}

/**
 * The area the user sees: the map less the strip the analysis panel lies over on a wide screen
 * (app.css), with the camera upright; else the whole map.
 */
function visibleBounds(map: MaplibreMap, el: HTMLElement): LngLatBounds {
  const box = el.getBoundingClientRect();
  const covered = Math.min(box.width - 1, panelOverMap(box));
  if (covered <= 0 || map.getBearing() !== 0 || map.getPitch() !== 0) return map.getBounds();
  return new LngLatBounds(map.unproject([0, box.height]), map.unproject([box.width - covered, 0]));
}

/** The visible layers a print's basemap leaves out: every symbol layer, the capitals, outlines and highlights, the thematic layers. */
function basemapOnlyHidden(map: MaplibreMap): string[] {
  const keep = new Set([
    'background',
    'basemap-land',
    'basemap-vietnam',
    LAYER.admin1,
    'basemap-country-lines',
    ...EDITIONS.flatMap((e) => LAYER.fills(e)),
    USER_TABLE.fill,
    USER_TABLE.noData,
    USER_TABLE.line,
  ]);
  return (map.getStyle().layers ?? [])
    .filter((l) => !keep.has(l.id) && map.getLayoutProperty(l.id, 'visibility') !== 'none')
    .map((l) => l.id);
}

/**
 * The map: MapLibre with the deck.gl overlay, following the store. It lends the page its
 * capture (image export) through `bridge` while it is shown.
 */
export function MapView({
  bridge,
  tiles,
  warm = false,
}: {
  bridge: MapBridge;
  tiles?: { base: string; maxZoom: number };
  /** Start deck.gl and make its programs ready once the map is first idle and still (the app; not the offline file). */
  warm?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  const tileBase = tiles?.base;
  const tileMaxZoom = tiles?.maxZoom;

  useEffect(() => {
    const el = container.current;
    const initial = store.getState();
    if (!el) return;
    const map = new MaplibreMap({
      container: el,
      style: buildStyle({
        // The offline file serves its own tiles through a protocol of its own.
        base: tileBase ?? new URL(import.meta.env.BASE_URL, window.location.href).href,
        ...(tileMaxZoom === undefined ? {} : { maxZoom: tileMaxZoom }),
        edition: initial.edition,
        lang: initial.lang,
        // Built with the store's layer state and selection, so nothing is re-laid-out once the map loads.
        thematic: initial,
        selected: initial.selected,
      }),
      center: initial.view.center,
      zoom: initial.view.zoom,
      bearing: initial.view.bearing,
      pitch: initial.view.pitch,
      minZoom: 3,
      maxZoom: 13,
      attributionControl: false,
      // Keeps the canvas readable for image export and pixel tests.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    // The style's two made images, given when a tile first asks for them (MapLibre waits for
    // the resolver; an image added from the later `styleimagemissing` event comes too late for
    // that tile and leaves a warning in the console).
    map.setMissingStyleImageResolver((id) => {
      if (id === CAPITAL_BOX && !map.hasImage(CAPITAL_BOX)) map.addImage(CAPITAL_BOX, capitalBoxImage());
      if (id === HATCH && !map.hasImage(HATCH)) map.addImage(HATCH, hatchImage());
    });
    // Opened without a view in the address: the whole region, Hoàng Sa and Trường Sa
    // included, fills the part of the map that nothing floats over, on any screen.
    if (initial.view === DEFAULT_VIEW) {
      const fit = map.cameraForBounds(REGION_BOUNDS, { padding: openingPadding(window.matchMedia(COMPACT_QUERY).matches) });
      if (fit) map.jumpTo({ ...fit, bearing: 0, pitch: 0 });
    }
    map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new MoveEndScaleControl(), 'bottom-left');
    performance.mark('map-created');
    let capturing = false;
    const takeBack = bridge.lend(async (size) => {
      capturing = true;
      try {
        return await captureMap(map, el, size, deck, store.getState());
      } finally {
        capturing = false;
      }
    });
    window.__ntcc = { map, store };
    let deck: DeckModule | null = null;
    let removed = false;

    // The benchmark reads these marks: time from navigation to the map's first idle, and to
    // the first idle with every visible thematic layer drawn. Every layer is drawn from the
    // tiles, so both come at once; the second stays for the benchmark's every-layer page.
    map.once('idle', () => {
      performance.mark('map-first-idle');
      performance.mark('layers-drawn');
    });
    // (The analysis panel, wider than the layer panel, lies over the map's edge: the canvas keeps its size, app.css.)
    const recordSize = (): void => store.getState().setMapSize({ width: el.clientWidth, height: el.clientHeight });
    map.on('resize', () => {
      // Not while an image export draws the map at another size (it restores the size after).
      if (!capturing) recordSize();
    });
    let unsubscribe = (): void => {};
    map.on('load', () => {
      performance.mark('map-load');
      recordSize();
      unsubscribe = followStore(map, store, deckFor);
    });
    map.once('idle', () => store.getState().setMapReady());
    let deckLoading: Promise<DeckModule | null> | null = null;
    /** deck.gl, loaded and added to the map once (null if the map went first or it failed to load). */
    const deckReady = (): Promise<DeckModule | null> =>
      (deckLoading ??= loadDeck(map)
        .then(async (d) => {
          // deck.gl asks the context many things as it starts (luma.gl's device): each answer
          // waits for the GPU process's queue, so it starts when that queue is done.
          await gpuDrained(map.getCanvas());
          if (removed) return null;
          await d.attach();
          if (removed) return null;
          deck = d;
          map.addControl(d.overlay);
          if (window.__ntcc) window.__ntcc.overlay = d.overlay;
          performance.mark('deck-added');
          showLayers(d, store.getState());
          // After each frame MapLibre draws, the loop looks once more for what deck.gl still has
          // to draw (a resized canvas, say) and asks MapLibre for another frame if so.
          map.on('render', () => d.wake(2));
          return d;
        })
        .catch((e: unknown) => {
          deckLoading = null;
          console.error('deck.gl overlay failed to load', e);
          return null;
        }));
    const deckFor = (load = false): DeckModule | null => {
      if (deck || !load) return deck;
      void deckReady();
      return null;
    };
    // In the app (not the story's offline file; the presenter's window has no map), deck.gl
    // starts and makes its programs ready once the map is first idle and still (deck-warm.ts).
    const stopWarm = (): boolean => removed;
    // Only while the user looks at the map: not beside an analysis, an imported layer or a
    // scenario that deck.gl draws or is about to (its frames and GPU work would meet the
    // warm-up's, and each would wait for the other's), nor while presenting or exporting an image.
    const busy = (): boolean => {
      const s = store.getState();
      return capturing || s.presenting || s.analysisOpen || needsDeck(s) || s.analysis.status === 'running';
    };
    if (warm)
      map.once('idle', () => {
        void (async () => {
          await mapQuiet(map, busy, stopWarm);
          if (stopWarm()) return;
          const d = await deckReady();
          if (!d || stopWarm()) return;
          const done = await warmDeck({
            map,
            layers: d.warmSteps,
            show: (layers) => {
              d.setWarm(layers);
              showLayers(d, store.getState());
              // deck.gl puts its layers in the map's style only while the style is loaded (not
              // while tiles load): once it is, take away what the warm-up left there.
              if (layers.length === 0 && !map.isStyleLoaded()) map.once('idle', () => showLayers(d, store.getState()));
            },
            busy,
            stopped: stopWarm,
          });
          if (done) performance.mark('deck-warm');
        })();
      });

    const fillLayers = EDITIONS.flatMap((e) => LAYER.fills(e));
    const capitalAt = (s: AppState, x: number, y: number): string | null =>
      capitalNear(capitalPoints(featuresOf(s)), (p) => map.project(p), x, y, CAPITAL_SELECTED_RADIUS_PX);
    const isoAt = (e: MapMouseEvent): string | null => {
      const layers = fillLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const hit = map.queryRenderedFeatures(e.point, { layers })[0];
      const iso = hit?.properties?.['iso'];
      return typeof iso === 'string' ? iso : null;
    };
    map.on('mousemove', (e) => {
      const iso = isoAt(e);
      map.getCanvas().style.cursor = store.getState().mapPick ? 'crosshair' : iso || thematicAt(map, e.point.x, e.point.y) ? 'pointer' : '';
      if (store.getState().hovered !== iso) store.getState().hover(iso);
    });
    map.on('mouseout', () => store.getState().hover(null));
    map.on('click', (e) => {
      // Placing something (an isochrone's origin, a scenario's corridor or point) takes the click.
      const pick = store.getState().mapPick;
      if (pick) {
        const at: [number, number] = [Math.round(e.lngLat.lng * 1e5) / 1e5, Math.round(e.lngLat.lat * 1e5) / 1e5];
        const st = store.getState();
        // A place the address, story files and scenario files could not hold is refused here.
        if (pick.kind === 'origin') {
          const from = readParam('from', `${at[0]},${at[1]}`);
          if (!from) return st.setNotice({ key: 'Analysis.OriginOutside', vars: originBounds(), tone: 'error' });
          st.setAnalysisParams({ from });
          st.setMapPick(null);
          return;
        }
        if (!inScenarioBounds(at)) return st.setNotice({ key: 'Scenario.OutOfBounds', vars: {}, tone: 'error' });
        if (pick.kind === 'corridor') {
          if (pick.done) return;
          if (pick.coordinates.length >= SCENARIO_LIMITS.vertices)
            return st.setNotice({ key: 'Scenario.TooManyVertices', vars: { max: SCENARIO_LIMITS.vertices }, tone: 'error' });
          // A vertex clicked near a corridor is put on it, so the new line joins the network there.
          st.setMapPick({ kind: 'corridor', coordinates: [...pick.coordinates, snapToCorridor(map, st, e.point, at)] });
        } else st.setMapPick({ kind: 'point', coordinates: at });
        return;
      }
      // A thematic feature or a capital wins over the province beneath it.
      const feature = thematicAt(map, e.point.x, e.point.y);
      if (feature) store.getState().selectFeature(feature);
      else store.getState().select(capitalAt(store.getState(), e.point.x, e.point.y) ?? isoAt(e));
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      const view = { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      const cur = store.getState().view;
      if (
        Math.abs(cur.center[0] - view.center[0]) > EPS ||
        Math.abs(cur.center[1] - view.center[1]) > EPS ||
        Math.abs(cur.zoom - view.zoom) > EPS ||
        cur.bearing !== view.bearing ||
        cur.pitch !== view.pitch
      )
        store.getState().setView(view);
      // A story scene's layers and analysis appear once its camera has arrived.
      if (store.getState().pendingScene !== null && !map.isMoving()) store.getState().revealScene();
      // The swipe line stays where it is on the screen: the cells on each side follow the map.
      const st = store.getState();
      if (st.compare.with !== 'none' && st.compare.view === 'swipe' && deck) showLayers(deck, st);
    });

    return () => {
      removed = true;
      takeBack();
      unsubscribe();
      delete window.__ntcc;
      map.remove();
    };
  }, [store, bridge, tileBase, tileMaxZoom, warm]);

  return <div ref={container} className="map" data-testid="map" />;
}
