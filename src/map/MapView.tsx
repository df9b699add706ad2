/**
 * The map behind one boundary: MapLibre with the local style and the deck.gl overlay.
 * Store changes reach MapLibre and deck.gl here; map events leave only as store actions.
 */
import { useEffect, useRef } from 'react';
import { Map as MaplibreMap, setWorkerUrl, AttributionControl, NavigationControl, ScaleControl, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { EDITIONS, type Edition } from '../core/types.ts';
import { counterpartsOf, featuresOf, useAppStore, type AppState } from '../state/store.ts';
import { capitalPoints, createCapitalsLayer, CAPITALS_DEFAULTS } from '../layers/capitals.ts';
import { admin1Filter, buildStyle, LAYER, nameField } from './style.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Handles for browser tests and the benchmark. */
    __ntcc?: { map: MaplibreMap; store: typeof useAppStore };
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

/** Applies edition, language, hover and selection from the store to the map and overlay. */
function applyState(map: MaplibreMap, overlay: MapLibreOverlay, s: AppState, prev: AppState | null): void {
  if (!prev || prev.edition !== s.edition) {
    for (const e of EDITIONS) {
      const vis = e === s.edition ? 'visible' : 'none';
      for (const id of [LAYER.fill(e), LAYER.line(e), LAYER.selected(e), LAYER.labels(e)]) map.setLayoutProperty(id, 'visibility', vis);
    }
    map.setFilter(LAYER.admin1, admin1Filter(s.edition));
    map.setFilter(LAYER.basemapLabels, [
      'all',
      ['in', ['get', 'kind'], ['literal', ['country', 'province']]],
      ['in', ['get', 'edition'], ['literal', ['all', s.edition]]],
    ]);
  }
  if (!prev || prev.lang !== s.lang) {
    for (const id of [LAYER.labels('2022'), LAYER.labels('2025'), LAYER.basemapLabels, LAYER.seaLabels])
      map.setLayoutProperty(id, 'text-field', nameField(s.lang));
  }
  if (!prev || prev.hovered !== s.hovered || prev.edition !== s.edition) {
    if (prev?.hovered) map.setFeatureState({ source: `provinces-${prev.edition}`, id: prev.hovered }, { hover: false });
    if (s.hovered) map.setFeatureState({ source: `provinces-${s.edition}`, id: s.hovered }, { hover: true });
  }
  if (!prev || prev.selected !== s.selected || prev.edition !== s.edition) {
    const other: Edition = s.edition === '2022' ? '2025' : '2022';
    map.setFilter(LAYER.selected(s.edition), ['==', ['get', 'iso'], s.selected ?? '']);
    const counterparts = counterpartsOf(s);
    map.setFilter(LAYER.counterpart(other), ['in', ['get', 'iso'], ['literal', counterparts]]);
    map.setLayoutProperty(LAYER.counterpart(other), 'visibility', counterparts.length ? 'visible' : 'none');
    map.setLayoutProperty(LAYER.counterpart(s.edition), 'visibility', 'none');
  }
  if (!prev || prev.edition !== s.edition || prev.selected !== s.selected || prev.data !== s.data) {
    const capitals = capitalPoints(featuresOf(s));
    overlay.setProps({ layers: [createCapitalsLayer({ ...CAPITALS_DEFAULTS, edition: s.edition, selected: s.selected }, capitals)] });
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
    if (!el || !initial.data) return;
    const map = new MaplibreMap({
      container: el,
      style: buildStyle({
        base: new URL(import.meta.env.BASE_URL, window.location.href).href,
        provinces2022: initial.data.provinces2022,
        provinces2025: initial.data.provinces2025,
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
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    window.__ntcc = { map, store: useAppStore };

    let unsubscribe = (): void => {};
    map.on('load', () => {
      applyState(map, overlay, useAppStore.getState(), null);
      unsubscribe = useAppStore.subscribe((s, prev) => applyState(map, overlay, s, prev));
    });

    const fillLayers = EDITIONS.map((e) => LAYER.fill(e));
    const isoAt = (e: MapMouseEvent): string | null => {
      const layers = fillLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const hit = map.queryRenderedFeatures(e.point, { layers })[0];
      const iso = hit?.properties?.['iso'];
      return typeof iso === 'string' ? iso : null;
    };
    map.on('mousemove', (e) => {
      const iso = isoAt(e);
      map.getCanvas().style.cursor = iso ? 'pointer' : '';
      if (useAppStore.getState().hovered !== iso) useAppStore.getState().hover(iso);
    });
    map.on('mouseout', () => useAppStore.getState().hover(null));
    map.on('click', (e) => useAppStore.getState().select(isoAt(e)));
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
      unsubscribe();
      delete window.__ntcc;
      map.remove();
    };
  }, []);

  return <div ref={container} className="map" data-testid="map" />;
}
