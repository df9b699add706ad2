/**
 * The map behind one boundary: MapLibre with the local style and the deck.gl overlay.
 * Store changes reach MapLibre and deck.gl here; map events leave only as store actions.
 */
import { useEffect, useRef } from 'react';
import { Map as MaplibreMap, setWorkerUrl, AttributionControl, NavigationControl, ScaleControl, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { EDITIONS, type Edition } from '../core/types.ts';
import { counterpartsOf, featuresOf, shownFeatures, useAppStore, type AppState, type FeatureRef } from '../state/store.ts';
import type { ThematicLayerId } from '../core/layers.ts';
import type { Layer } from '@deck.gl/core';
import { admin1Filter, basemapLabelFilter, buildStyle, LAYER, nameField } from './style.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Handles for browser tests and the benchmark. */
    __ntcc?: {
      map: MaplibreMap;
      store: typeof useAppStore;
      overlay?: MapLibreOverlay;
      /** The deck.gl layers drawn now, with the ids of their features. */
      deckLayers?: () => { id: string; ids: string[] }[];
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
 * The deck.gl overlay and its layer factories, in their own chunk. They are loaded after
 * the map's first idle: MapLibre draws the basemap and provinces as fast as a bare map
 * would, and deck.gl's start-up (module evaluation, shader compilation: about 0.4–0.7 s
 * under software WebGL) follows instead of delaying it.
 */
type DeckModule = { overlay: MapLibreOverlay; layersFor: (s: AppState) => Layer[] };
async function loadDeck(): Promise<DeckModule> {
  const [{ MapLibreOverlay }, capitals, th] = await Promise.all([
    import('@deck.gl/maplibre'),
    import('../layers/capitals.ts'),
    import('../layers/thematic.ts'),
  ]);
  return {
    overlay: new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => {
        if (performance.getEntriesByName('deck-first-draw').length === 0) performance.mark('deck-first-draw');
      },
    }),
    layersFor: (s) => {
      // Everything sits under the first label layer, so place names stay readable.
      const beforeId = LAYER.seaLabels;
      const on = (id: ThematicLayerId) => s.layers[id].visible;
      const props = (id: ThematicLayerId) => ({ opacity: s.layers[id].opacity, selectedId: s.feature?.id ?? null, beforeId });
      const out: Layer[] = [];
      if (on('border-belt') && s.belt) out.push(...th.createBeltLayer(s.belt.polygons, props('border-belt')));
      if (on('economic-zones')) out.push(...th.createZonesLayer(shownFeatures(s, 'economic-zones'), props('economic-zones')));
      if (on('military-regions'))
        out.push(...th.createMilitaryRegionsLayer(shownFeatures(s, 'military-regions'), props('military-regions')));
      if (on('border-line')) out.push(...th.createBorderLineLayer(shownFeatures(s, 'border-line'), props('border-line')));
      if (on('corridors')) out.push(...th.createCorridorsLayer(shownFeatures(s, 'corridors'), props('corridors')));
      for (const id of ['border-gates', 'airports', 'seaports', 'islands', 'baseline-points'] as const)
        if (on(id)) out.push(...th.createPointsLayer(id, shownFeatures(s, id), props(id)));
      out.push(
        capitals.createCapitalsLayer(
          { ...capitals.CAPITALS_DEFAULTS, edition: s.edition, selected: s.selected, beforeId },
          capitals.capitalPoints(featuresOf(s)),
        ),
      );
      return out;
    },
  };
}

/** What deck.gl has under a screen point: a thematic feature, or a capital (by ISO code). */
function deckPick(deck: DeckModule | null, x: number, y: number): { feature?: FeatureRef; iso?: string } | null {
  const info = deck?.overlay.pickObject({ x, y, radius: 4 });
  const id = info?.layer?.id;
  if (!info || !id) return null;
  if (id.startsWith('capitals-')) return { iso: (info.object as { iso: string }).iso };
  const layer = id.replace(/^thematic-/, '').replace(/-(fill|outline)$/, '') as FeatureRef['layer'];
  const obj = info.object as { properties?: { id: string }; f?: { properties: { id: string } } };
  const fid = obj.properties?.id ?? obj.f?.properties.id;
  return fid ? { feature: { layer, id: fid } } : null;
}

/** The layers last handed to deck.gl (read by the test handle). */
let drawn: Layer[] = [];
const featureIdOf = (d: unknown): string => {
  const o = d as { properties?: { id?: string }; iso?: string; f?: { properties: { id: string } } };
  return o.properties?.id ?? o.iso ?? o.f?.properties.id ?? '';
};

/** Applies edition, language, hover and selection from the store to the map and overlay. */
function applyState(map: MaplibreMap, deck: DeckModule | null, s: AppState, prev: AppState | null): void {
  if (!prev || prev.edition !== s.edition) {
    for (const e of EDITIONS) {
      const vis = e === s.edition ? 'visible' : 'none';
      for (const id of [...LAYER.fills(e), LAYER.hover(e), LAYER.line(e), LAYER.selected(e), LAYER.labels(e)])
        map.setLayoutProperty(id, 'visibility', vis);
    }
    map.setFilter(LAYER.admin1, admin1Filter(s.edition));
    map.setFilter(LAYER.basemapLabels, basemapLabelFilter(s.edition));
  }
  if (!prev || prev.lang !== s.lang) {
    for (const id of [LAYER.labels('2022'), LAYER.labels('2025'), LAYER.basemapLabels, LAYER.seaLabels])
      map.setLayoutProperty(id, 'text-field', nameField(s.lang));
  }
  if (!prev || prev.hovered !== s.hovered || prev.edition !== s.edition) {
    map.setFilter(LAYER.hover(s.edition), ['==', ['get', 'iso'], s.hovered ?? '']);
  }
  if (!prev || prev.selected !== s.selected || prev.edition !== s.edition) {
    const other: Edition = s.edition === '2022' ? '2025' : '2022';
    map.setFilter(LAYER.selected(s.edition), ['==', ['get', 'iso'], s.selected ?? '']);
    const counterparts = counterpartsOf(s);
    map.setFilter(LAYER.counterpart(other), ['in', ['get', 'iso'], ['literal', counterparts]]);
    map.setLayoutProperty(LAYER.counterpart(other), 'visibility', counterparts.length ? 'visible' : 'none');
    map.setLayoutProperty(LAYER.counterpart(s.edition), 'visibility', 'none');
  }
  if (
    deck &&
    (!prev ||
      prev.edition !== s.edition ||
      prev.selected !== s.selected ||
      prev.data !== s.data ||
      prev.thematic !== s.thematic ||
      prev.layers !== s.layers ||
      prev.horizon !== s.horizon ||
      prev.statuses !== s.statuses ||
      prev.feature !== s.feature ||
      prev.belt !== s.belt)
  ) {
    const layers = deck.layersFor(s);
    deck.overlay.setProps({ layers });
    drawn = layers;
  }
  if (s.flyTarget && prev?.flyTarget !== s.flyTarget) {
    const { center, zoom } = s.flyTarget;
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) map.jumpTo({ center, zoom });
    else map.flyTo({ center, zoom, duration: 1200 });
  }
  if (prev && prev.view !== s.view && !sameView(map, s.view)) {
    map.jumpTo({ center: s.view.center, zoom: s.view.zoom, bearing: s.view.bearing, pitch: s.view.pitch });
  }
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    const initial = useAppStore.getState();
    if (!el) return;
    const map = new MaplibreMap({
      container: el,
      style: buildStyle({
        base: new URL(import.meta.env.BASE_URL, window.location.href).href,
        edition: initial.edition,
        lang: initial.lang,
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
    map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    performance.mark('map-created');
    window.__ntcc = { map, store: useAppStore };
    let deck: DeckModule | null = null;
    let removed = false;

    // The benchmark reads this mark: time from navigation to the map's first idle.
    map.once('idle', () => performance.mark('map-first-idle'));
    let unsubscribe = (): void => {};
    map.on('load', () => {
      performance.mark('map-load');
      applyState(map, null, useAppStore.getState(), null);
      unsubscribe = useAppStore.subscribe((s, prev) => applyState(map, deck, s, prev));
    });
    map.once('idle', () => {
      useAppStore.getState().setMapReady();
      loadDeck()
        .then((d) => {
          if (removed) return;
          deck = d;
          map.addControl(d.overlay);
          if (window.__ntcc) {
            window.__ntcc.overlay = d.overlay;
            window.__ntcc.deckLayers = () => drawn.map((l) => ({ id: l.id, ids: (l.props.data as unknown[]).map(featureIdOf) }));
          }
          performance.mark('deck-added');
          drawn = d.layersFor(useAppStore.getState());
          d.overlay.setProps({ layers: drawn });
        })
        .catch((e: unknown) => console.error('deck.gl overlay failed to load', e));
    });

    const fillLayers = EDITIONS.flatMap((e) => LAYER.fills(e));
    const isoAt = (e: MapMouseEvent): string | null => {
      const layers = fillLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const hit = map.queryRenderedFeatures(e.point, { layers })[0];
      const iso = hit?.properties?.['iso'];
      return typeof iso === 'string' ? iso : null;
    };
    map.on('mousemove', (e) => {
      const iso = isoAt(e);
      map.getCanvas().style.cursor = iso || deckPick(deck, e.point.x, e.point.y) ? 'pointer' : '';
      if (useAppStore.getState().hovered !== iso) useAppStore.getState().hover(iso);
    });
    map.on('mouseout', () => useAppStore.getState().hover(null));
    map.on('click', (e) => {
      // A thematic feature or capital drawn by deck.gl wins over the province beneath it.
      const picked = deckPick(deck, e.point.x, e.point.y);
      if (picked?.feature) useAppStore.getState().selectFeature(picked.feature);
      else useAppStore.getState().select(picked?.iso ?? isoAt(e));
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      const view = { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      const cur = useAppStore.getState().view;
      if (
        Math.abs(cur.center[0] - view.center[0]) > EPS ||
        Math.abs(cur.center[1] - view.center[1]) > EPS ||
        Math.abs(cur.zoom - view.zoom) > EPS ||
        cur.bearing !== view.bearing ||
        cur.pitch !== view.pitch
      )
        useAppStore.getState().setView(view);
    });

    return () => {
      removed = true;
      unsubscribe();
      delete window.__ntcc;
      map.remove();
    };
  }, []);

  return <div ref={container} className="map" data-testid="map" />;
}
