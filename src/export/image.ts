/**
 * The map image for reports: the captured map with a title, a legend, a scale bar, a north
 * arrow, the sources and the date drawn on top, as a PNG. Drawn on a 2D canvas in the
 * browser; sizes are CSS pixels times the pixel ratio.
 */
import { distanceLabel, niceDistance } from '../core/geo.ts';

export interface LegendItem {
  label: string;
  /** CSS colour of the swatch. */
  color: string;
  shape: 'fill' | 'line' | 'dot';
}

export interface MapImageOptions {
  title: string;
  subtitle?: string;
  legendTitle: string;
  legend: LegendItem[];
  /** Metres per CSS pixel at the centre of the map (for the scale bar). */
  metresPerPixel: number;
  /** Map bearing, degrees (the north arrow turns with it). */
  bearing: number;
  /** Sources, licences and the sovereignty note, one line each. */
  footer: string[];
  /** The date printed on the image, already formatted. */
  date: string;
  pixelRatio: number;
  font?: string;
}

/**
 * Draws the decorations over a copy of the captured map.
 * @param map - the captured map canvas (already at the output size in device pixels)
 * @returns a new canvas of the same size
 */
export function composeMapImage(map: HTMLCanvasElement, o: MapImageOptions): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(map, 0, 0);
  const pr = o.pixelRatio;
  const W = out.width / pr;
  const H = out.height / pr;
  ctx.scale(pr, pr);
  const font = o.font ?? '"Be Vietnam Pro", system-ui, sans-serif';
  const box = (x: number, y: number, w: number, h: number): void => {
    ctx.fillStyle = 'rgba(255,255,255,0.88)';
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 6);
    ctx.fill();
    ctx.stroke();
  };

  // Title band.
  ctx.font = `600 20px ${font}`;
  const titleW = Math.min(W - 24, ctx.measureText(o.title).width + 28);
  box(12, 12, titleW, o.subtitle ? 56 : 38);
  ctx.fillStyle = '#1b2a30';
  ctx.textBaseline = 'top';
  ctx.fillText(o.title, 26, 20, W - 52);
  if (o.subtitle) {
    ctx.font = `13px ${font}`;
    ctx.fillStyle = '#44545a';
    ctx.fillText(o.subtitle, 26, 46, W - 52);
  }

  // North arrow (top right), turned with the map.
  const cx = W - 36;
  const cy = 44;
  box(cx - 22, cy - 30, 44, 60);
  ctx.save();
  ctx.translate(cx, cy + 4);
  ctx.rotate((-o.bearing * Math.PI) / 180);
  ctx.fillStyle = '#1b2a30';
  ctx.beginPath();
  ctx.moveTo(0, -18);
  ctx.lineTo(9, 10);
  ctx.lineTo(0, 4);
  ctx.lineTo(-9, 10);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  ctx.font = `600 12px ${font}`;
  ctx.textAlign = 'center';
  ctx.fillText('N', cx, cy - 27);
  ctx.textAlign = 'left';

  // Legend (bottom left).
  const rowH = 20;
  ctx.font = `13px ${font}`;
  const legendW = Math.min(
    W / 2,
    Math.max(ctx.measureText(o.legendTitle).width, ...o.legend.map((l) => ctx.measureText(l.label).width + 30)) + 24,
  );
  const footerH = 16 * o.footer.length + 30;
  const legendH = 30 + rowH * o.legend.length;
  const ly = H - footerH - legendH - 8;
  box(12, ly, legendW, legendH);
  ctx.font = `600 13px ${font}`;
  ctx.fillStyle = '#1b2a30';
  ctx.fillText(o.legendTitle, 22, ly + 8);
  ctx.font = `13px ${font}`;
  o.legend.forEach((item, i) => {
    const y = ly + 28 + i * rowH;
    ctx.fillStyle = item.color;
    ctx.strokeStyle = item.color;
    if (item.shape === 'fill') ctx.fillRect(22, y + 2, 18, 12);
    else if (item.shape === 'line') {
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(22, y + 8);
      ctx.lineTo(40, y + 8);
      ctx.stroke();
    } else {
      ctx.beginPath();
      ctx.arc(31, y + 8, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = '#1e1e1e';
      ctx.stroke();
    }
    ctx.fillStyle = '#1b2a30';
    ctx.fillText(item.label, 48, y + 1, legendW - 56);
  });

  // Scale bar (bottom right, above the footer).
  const metres = niceDistance(Math.max(o.metresPerPixel * 140, 1));
  const label = distanceLabel(metres);
  const barW = metres / o.metresPerPixel;
  const sx = W - 24 - barW;
  const sy = H - footerH - 24;
  box(sx - 10, sy - 20, barW + 20, 34);
  ctx.fillStyle = '#1b2a30';
  ctx.fillRect(sx, sy + 4, barW, 4);
  ctx.fillRect(sx, sy, 2, 10);
  ctx.fillRect(sx + barW - 2, sy, 2, 10);
  ctx.font = `12px ${font}`;
  ctx.textAlign = 'center';
  ctx.fillText(label, sx + barW / 2, sy - 16);
  ctx.textAlign = 'left';

  // Footer: sources, licences, sovereignty note, date.
  box(12, H - footerH + 4, W - 24, footerH - 14);
  ctx.font = `11.5px ${font}`;
  ctx.fillStyle = '#33424a';
  [...o.footer, o.date].forEach((line, i) => ctx.fillText(line, 22, H - footerH + 12 + i * 16, W - 44));
  return out;
}

/** The canvas as PNG bytes. */
export async function canvasToPng(c: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return new Uint8Array(await blob.arrayBuffer());
}
