/**
 * The part of PDFKit 0.20 (https://pdfkit.org) that the print layout uses. PDFKit ships no
 * type declarations and @types/pdfkit describes 0.17; these follow the 0.20 source.
 */
declare module 'pdfkit' {
  type Color = string | [number, number, number];
  interface DocumentOptions {
    /** Page size in PostScript points [width, height]. */
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    compress?: boolean;
    pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7';
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date };
    lang?: string;
    displayTitle?: boolean;
    /** The font set first; null: none (the browser build has no standard fonts registered). */
    font?: string | null;
  }
  interface TextOptions {
    lineBreak?: boolean;
    width?: number;
    align?: 'left' | 'center' | 'right';
    baseline?: 'alphabetic' | 'top' | 'middle' | 'bottom' | 'hanging';
    stroke?: boolean;
    fill?: boolean;
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (e: unknown) => void): this;
    end(): void;
    addPage(options?: DocumentOptions): this;
    registerFont(name: string, src: Uint8Array | ArrayBuffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    save(): this;
    restore(): this;
    scale(sx: number, sy?: number): this;
    translate(x: number, y: number): this;
    rotate(angle: number, options?: { origin?: [number, number] }): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): this;
    closePath(): this;
    rect(x: number, y: number, w: number, h: number): this;
    circle(x: number, y: number, r: number): this;
    lineWidth(w: number): this;
    lineCap(c: 'butt' | 'round' | 'square'): this;
    lineJoin(j: 'miter' | 'round' | 'bevel'): this;
    dash(length: number, options?: { space?: number; phase?: number }): this;
    undash(): this;
    fillColor(c: Color, opacity?: number): this;
    strokeColor(c: Color, opacity?: number): this;
    fillOpacity(o: number): this;
    strokeOpacity(o: number): this;
    fill(c?: Color, rule?: 'even-odd' | 'non-zero'): this;
    stroke(c?: Color): this;
    fillAndStroke(fill?: Color, stroke?: Color, rule?: 'even-odd' | 'non-zero'): this;
    clip(rule?: 'even-odd' | 'non-zero'): this;
    image(src: Uint8Array | ArrayBuffer | string, x: number, y: number, options?: { width?: number; height?: number }): this;
    addContent(data: string): this;
  }
  export { PDFDocument };
  export default PDFDocument;
}
