/**
 * Where a story scene puts the camera on this screen: its subject shown whole, as large as it
 * fits, in the part of the map the caption leaves free (or, for a scene without a subject, its
 * camera's centre in the middle of that part, zoomed to show the area it was made to show).
 */
import { LngLat, Point, type Map as MaplibreMap } from 'maplibre-gl';
import { sceneZoom, type SceneSubject } from '../core/story.ts';
import type { Inset } from '../core/screen.ts';

/** A camera for MapLibre's jumpTo or flyTo. */
export interface SceneCameraOptions {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What a scene asks of the camera (the store's fly target). */
export interface FrameTarget {
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
  viewport?: { width: number; height: number };
  subject?: SceneSubject;
}

/**
 * The part of MapLibre's transform this reads: a copy of the camera that can be moved and asked
 * where a place would be on the screen, without moving the map. MapLibre 6 keeps it on the map's
 * camera (`map._camera.transform`, typed on its Camera class but not exported); earlier versions
 * on the map itself. Without either, the fit falls back to MapLibre's own (which ignores pitch);
 * the scene walk in tests/browser/scenes-fit.test.ts fails on the pitched scenes if that happens.
 */
interface CameraCopy {
  readonly width: number;
  readonly height: number;
  readonly zoom: number;
  readonly center: LngLat;
  setBearing(bearing: number): void;
  setPitch(pitch: number): void;
  setZoom(zoom: number): void;
  setCenter(center: LngLat): void;
  locationToScreenPoint(lnglat: LngLat): Point;
  screenPointToLocation(p: Point): LngLat;
}

function cameraCopy(map: MaplibreMap): CameraCopy | null {
  type Cloneable = { clone?: () => CameraCopy } | undefined;
  const inner = map as unknown as { _camera?: { transform?: Cloneable }; transform?: Cloneable };
  // MapLibre's own private member, named by MapLibre: the one place this reaches inside it.
  // oxlint-disable-next-line no-underscore-dangle
  const tr = inner._camera?.transform ?? inner.transform;
  return typeof tr?.clone === 'function' ? tr.clone() : null;
}

/** Corners of a subject (west, south, east, north): on a flat map every edge stays straight, so its screen box is theirs. */
function corners([w, s, e, n]: SceneSubject): LngLat[] {
  return [new LngLat(w, s), new LngLat(e, s), new LngLat(e, n), new LngLat(w, n)];
}

/**
 * The camera that shows `subject` whole and as large as it fits inside the map less `inset`
 * (CSS px), at `bearing` and `pitch` (degrees). MapLibre's own fit ignores pitch: this starts
 * from it and corrects zoom and centre on a copy of the map's transform until the subject's
 * screen box fills the free part (within half a pixel), so a pitched scene fits too.
 * @returns the camera and how much of the free part's side the subject fills (1: exactly)
 */
export function fitSubject(
  map: MaplibreMap,
  subject: SceneSubject,
  inset: Inset,
  bearing: number,
  pitch: number,
): { camera: SceneCameraOptions; zoom: number } | null {
  const el = map.getContainer();
  const [width, height] = [el.clientWidth, el.clientHeight];
  const free = { x0: inset.left, y0: inset.top, x1: width - inset.right, y1: height - inset.bottom };
  if (free.x1 - free.x0 < 16 || free.y1 - free.y0 < 16) return null;
  const first = map.cameraForBounds(subject, { padding: inset, bearing });
  if (!first?.center || first.zoom === undefined) return null;
  const tr = cameraCopy(map);
  if (!tr)
    return {
      camera: { center: LngLat.convert(first.center).toArray() as [number, number], zoom: first.zoom, bearing, pitch },
      zoom: first.zoom,
    };
  tr.setBearing(bearing);
  tr.setPitch(pitch);
  tr.setZoom(first.zoom);
  tr.setCenter(LngLat.convert(first.center));
  const box = corners(subject);
  const [minZoom, maxZoom] = [map.getMinZoom(), map.getMaxZoom()];
  /** The subject's box on the screen at the copy's camera now. */
  const measure = (): { x0: number; x1: number; y0: number; y1: number } => {
    const pts = box.map((c) => tr.locationToScreenPoint(c));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  };
  /** Moves the camera so that the box's middle is the free part's middle (at a pitch, a few times over). */
  const centre = (): void => {
    for (let i = 0; i < 4; i++) {
      const b = measure();
      const dx = (b.x0 + b.x1) / 2 - (free.x0 + free.x1) / 2;
      const dy = (b.y0 + b.y1) / 2 - (free.y0 + free.y1) / 2;
      if (Math.abs(dx) < 0.25 && Math.abs(dy) < 0.25) return;
      tr.setCenter(tr.screenPointToLocation(new Point(width / 2 + dx, height / 2 + dy)));
    }
  };
  const inside = (b: ReturnType<typeof measure>): boolean =>
    b.x0 >= free.x0 - 0.5 && b.x1 <= free.x1 + 0.5 && b.y0 >= free.y0 - 0.5 && b.y1 <= free.y1 + 0.5;
  for (let k = 0; k < 24; k++) {
    centre();
    const b = measure();
    const scale = Math.min((free.x1 - free.x0) / (b.x1 - b.x0), (free.y1 - free.y0) / (b.y1 - b.y0));
    if (!Number.isFinite(scale) || scale <= 0) return null;
    if (inside(b) && scale < 1.002) break;
    const zoom = Math.min(maxZoom, Math.max(minZoom, tr.zoom + Math.log2(scale)));
    if (zoom === tr.zoom) break; // at a zoom limit
    tr.setZoom(zoom);
  }
  // On the way out, whole or nothing: a hair smaller while any edge still pokes out.
  for (let k = 0; k < 12 && !inside(measure()) && tr.zoom > minZoom; k++) {
    tr.setZoom(Math.max(minZoom, tr.zoom - 0.01));
    centre();
  }
  return { camera: { center: tr.center.toArray() as [number, number], zoom: tr.zoom, bearing, pitch }, zoom: tr.zoom };
}

/**
 * The camera for a scene's fly target on this map, given the free parts a caption leaves
 * (`freeInsets`): with a subject, the part where it shows largest; without one, the largest
 * part, the scene's zoom adapted to that part's size (sceneZoom) and its centre put in the
 * part's middle.
 */
export function sceneCamera(map: MaplibreMap, target: FrameTarget, parts: Inset[]): SceneCameraOptions {
  const bearing = target.bearing ?? map.getBearing();
  const pitch = target.pitch ?? map.getPitch();
  const el = map.getContainer();
  const size = { width: el.clientWidth, height: el.clientHeight };
  // The screen has changed size and MapLibre has not heard yet (it listens once a frame): the camera is for the size now.
  const tr = cameraCopy(map);
  if (tr && (tr.width !== size.width || tr.height !== size.height)) map.resize();
  if (target.subject) {
    let best: { camera: SceneCameraOptions; zoom: number } | null = null;
    for (const inset of parts) {
      const fit = fitSubject(map, target.subject, inset, bearing, pitch);
      if (fit && (!best || fit.zoom > best.zoom)) best = fit;
    }
    if (best) return best.camera;
  }
  const area = (p: Inset): number => Math.max(0, size.width - p.left - p.right) * Math.max(0, size.height - p.top - p.bottom);
  const part = parts.reduce((a, b) => (area(b) > area(a) ? b : a), parts[0] ?? { top: 0, right: 0, bottom: 0, left: 0 });
  const freeSize = { width: size.width - part.left - part.right, height: size.height - part.top - part.bottom };
  const zoom = sceneZoom(target.zoom, target.viewport, freeSize.width > 0 && freeSize.height > 0 ? freeSize : size);
  // The centre of the free part, as far from the map's middle as the map's middle must be from the target.
  const at = cameraCopy(map);
  if (!at) return { center: target.center, zoom, bearing, pitch };
  at.setBearing(bearing);
  at.setPitch(pitch);
  at.setZoom(zoom);
  at.setCenter(LngLat.convert(target.center));
  const dx = (part.left - part.right) / 2;
  const dy = (part.top - part.bottom) / 2;
  const center = at.screenPointToLocation(new Point(size.width / 2 - dx, size.height / 2 - dy)).toArray() as [number, number];
  return { center, zoom, bearing, pitch };
}
