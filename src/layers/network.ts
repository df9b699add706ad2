/**
 * deck.gl layer factory for the user's own road network: every edge a thin path coloured and
 * sized by its class, from binary data (the edges' lon/lat pairs and where each starts, as the
 * worker sends them), so a network of a million edges is handed to the GPU without an object
 * per edge.
 */
import { PathLayer } from '@deck.gl/layers';
import { NET_CLASSES } from '../core/network-classes.ts';
import { netStyleAt } from '../core/network-style.ts';

export interface NetworkLayerProps {
  /** Stable id of the network (a new network is a new layer). */
  id: string;
  beforeId: string | null;
  /** 0–1. */
  opacity?: number;
}

/** The network's edges to draw: lon/lat pairs one after another, each edge's first vertex (and the total), each edge's class index. */
export interface NetworkPathData {
  positions: Float32Array;
  startIndices: Uint32Array;
  cls: Uint8Array;
}

/** Each class's colour (with its alpha) and width, by class index. */
const COLORS = NET_CLASSES.map((_, i) => {
  const c = netStyleAt(i).color;
  return [c[0], c[1], c[2], 235] as [number, number, number, number];
});
const WIDTHS = NET_CLASSES.map((_, i) => netStyleAt(i).widthPx);

/** The binary data deck.gl reads, made once per network: a new object would make deck.gl lay out every path again. */
type BinaryPaths = { length: number; startIndices: Uint32Array; attributes: { getPath: { value: Float32Array; size: 2 } } };
const binaryCache = new WeakMap<NetworkPathData, BinaryPaths>();
function binaryOf(data: NetworkPathData): BinaryPaths {
  let b = binaryCache.get(data);
  if (!b) {
    const n = data.cls.length;
    b = {
      length: n,
      // deck.gl reads the starts of the n paths (the last entry, the total, is not one).
      startIndices: data.startIndices.subarray(0, n),
      attributes: { getPath: { value: data.positions, size: 2 } },
    };
    binaryCache.set(data, b);
  }
  return b;
}

/**
 * Builds the layer.
 * @example createNetworkLayer({ id: 'net-1', beforeId: 'sea-labels' }, { positions, startIndices, cls })
 */
export function createNetworkLayer(props: NetworkLayerProps, data: NetworkPathData) {
  const { cls } = data;
  return new PathLayer({
    id: `user-network-${props.id}`,
    ...(props.beforeId ? { beforeId: props.beforeId } : {}),
    data: binaryOf(data),
    // Binary attributes of a path layer are per vertex: colour and width per path come from its class instead.
    getColor: (_: unknown, { index }: { index: number }) => COLORS[cls[index]!] ?? COLORS[5]!,
    getWidth: (_: unknown, { index }: { index: number }) => WIDTHS[cls[index]!] ?? 1,
    updateTriggers: { getColor: props.id, getWidth: props.id },
    _pathType: 'open',
    positionFormat: 'XY',
    widthUnits: 'pixels',
    widthMinPixels: 0.5,
    capRounded: false,
    jointRounded: false,
    opacity: props.opacity ?? 1,
    pickable: false,
    parameters: { depthCompare: 'always' },
  });
}
