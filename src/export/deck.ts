/**
 * The story as a PowerPoint deck (pptxgenjs): a title slide, then one 16:9 slide per scene
 * with its map image (drawn elsewhere at 1920×1080 with legend, scale bar and north arrow),
 * the caption and the figures as editable text boxes over a band at the foot, the sources in
 * the footer, and the speaker notes in PowerPoint's notes. Text is set in the app's bundled
 * font, Be Vietnam Pro, by name (PowerPoint substitutes a font it lacks).
 */
import type { Story } from '../core/story.ts';
import { render, t, type Lang } from '../i18n/index.ts';
import { toBase64 } from './base64.ts';
import { markCount, type ChartSpec } from './charts.ts';

/** The font the slides name (bundled with the app as @fontsource/be-vietnam-pro). */
export const DECK_FONT = 'Be Vietnam Pro';
/** The size the scene images are drawn at, px (16:9, the slide's shape). */
export const DECK_IMAGE = { width: 1920, height: 1080 } as const;

export interface DeckInput {
  story: Story;
  lang: Lang;
  /** Each scene's map image, a PNG of DECK_IMAGE's size, by scene index. */
  image: (index: number) => Promise<Uint8Array>;
  /** The chart of a scene's analysis as it was shown (asked for after its image), or null: a native chart slide follows the scene's. */
  chart?: (index: number) => ChartSpec | null;
  /** The date printed on the title slide, already formatted. */
  date: string;
  version: string;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

const W = 13.333;
const H = 7.5;
const INK = '1F2A30';
/** The map image on a slide, inches: 16:9, leaving a column for the figures and a band for the caption. */
const IMG_H = 5.75;
const IMG_W = (IMG_H * 16) / 9;

/**
 * Writes the deck.
 * @returns the .pptx file's bytes
 */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const { story, lang } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = story.title[lang];
  pptx.company = 'ntcc-atlas';
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  const footer = t(lang, 'Export.ImageSources');

  const title = pptx.addSlide();
  title.background = { color: '14323A' };
  title.addText(story.title[lang], { x: 0.8, y: 2.4, w: W - 1.6, h: 1.4, fontFace: DECK_FONT, fontSize: 40, bold: true, color: 'FFFFFF' });
  title.addText(t(lang, 'App.Title'), { x: 0.8, y: 3.8, w: W - 1.6, h: 0.6, fontFace: DECK_FONT, fontSize: 20, color: 'CFE3E0' });
  title.addText(`${input.date} · ntcc-atlas ${input.version} · ${t(lang, 'Deck.Scenes', { n: story.scenes.length })}`, {
    x: 0.8,
    y: 6.3,
    w: W - 1.6,
    h: 0.4,
    fontFace: DECK_FONT,
    fontSize: 12,
    color: 'CFE3E0',
  });
  title.addText(t(lang, 'Meta.Sovereignty'), { x: 0.8, y: 6.7, w: W - 1.6, h: 0.4, fontFace: DECK_FONT, fontSize: 10, color: 'CFE3E0' });
  title.addNotes(t(lang, 'Deck.TitleNotes'));

  for (const [i, scene] of story.scenes.entries()) {
    if (input.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const png = await input.image(i);
    const slide = pptx.addSlide();
    // The map keeps its 16:9 shape and its legend, scale bar and north arrow in view: top left;
    // the figures beside it, the caption beneath, as editable text.
    slide.background = { color: 'F7F7F4' };
    slide.addImage({ data: `data:image/png;base64,${toBase64(png)}`, x: 0, y: 0, w: IMG_W, h: IMG_H });
    const figures = scene.figures;
    if (figures.length)
      slide.addText(
        figures.flatMap((f, k) => [
          { text: f.value[lang], options: { bold: true, fontSize: 24, color: '0E5E56', breakLine: true } },
          { text: f.label[lang], options: { fontSize: 14, color: INK, breakLine: true } },
          {
            text: t(lang, 'Story.Source', { source: f.source }),
            options: { fontSize: 10, color: '5A6A70', breakLine: k < figures.length - 1, paraSpaceAfter: 10 },
          },
        ]),
        { x: IMG_W + 0.2, y: 0.3, w: W - IMG_W - 0.4, h: IMG_H - 0.6, fontFace: DECK_FONT, valign: 'top', fit: 'shrink' },
      );
    slide.addText(scene.caption[lang] || t(lang, 'Story.NoCaption'), {
      x: 0.3,
      y: IMG_H + 0.05,
      w: W - 0.6,
      h: H - IMG_H - 0.5,
      fontFace: DECK_FONT,
      fontSize: 24,
      bold: true,
      color: INK,
      valign: 'middle',
      fit: 'shrink',
    });
    slide.addShape('rect', { x: 0, y: H - 0.4, w: W, h: 0.4, fill: { color: 'F4F4F1' }, line: { color: 'F4F4F1' } });
    slide.addText(`${footer}  ·  ${i + 1} / ${story.scenes.length}`, {
      x: 0.3,
      y: H - 0.4,
      w: W - 0.6,
      h: 0.4,
      fontFace: DECK_FONT,
      fontSize: 9,
      color: '5A6A70',
      valign: 'middle',
    });
    slide.addNotes(scene.notes[lang] || scene.caption[lang]);
    const chart = input.chart?.(i) ?? null;
    if (chart && markCount(chart) > 0) addChartSlide(pptx, chart, lang, `${footer}  ·  ${i + 1} / ${story.scenes.length}`);
    input.onProgress?.((i + 1) / story.scenes.length);
  }
  const out = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return out;
}

/** A colour as PowerPoint writes it. */
const hex = (c: readonly number[]): string =>
  c
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/**
 * A slide with the scene's analysis as a native PowerPoint chart: editable, its numbers inside
 * the chart (the same as the result's table), its title and main finding as text.
 */
function addChartSlide(pptx: import('pptxgenjs').default, chart: ChartSpec, lang: Lang, footer: string): void {
  const slide = pptx.addSlide();
  slide.background = { color: 'F7F7F4' };
  slide.addText(render(lang, chart.title), {
    x: 0.4,
    y: 0.2,
    w: W - 0.8,
    h: 0.6,
    fontFace: DECK_FONT,
    fontSize: 22,
    bold: true,
    color: INK,
  });
  slide.addText(render(lang, chart.finding), { x: 0.4, y: 0.8, w: W - 0.8, h: 0.5, fontFace: DECK_FONT, fontSize: 16, color: '0E5E56' });
  const labels = chart.categories.map((c) => (lang === 'vi' ? c.label.vi : c.label.en));
  // Series that each fill one category (a port's, a band's own colour) are one series with a colour per bar.
  const oneEach = chart.series.length > 1 && chart.series.every((s) => s.values.filter((v) => v !== null).length <= 1);
  const data = oneEach
    ? [
        {
          name: render(lang, chart.series[0]!.name),
          labels,
          values: labels.map((_, i) => chart.series.find((s) => s.values[i] !== null)?.values[i] ?? 0),
        },
      ]
    : chart.series.map((s) => ({ name: render(lang, s.name), labels, values: s.values.map((v) => v ?? 0) }));
  const colors = oneEach
    ? labels.map((_, i) => hex(chart.series.find((s) => s.values[i] !== null)?.color ?? [80, 80, 80]))
    : chart.series.map((s) => hex(s.color));
  const line = chart.type === 'line';
  // Horizontal bars are drawn from the bottom up: reversed, the first category stands at the top as in the app.
  if (!line) {
    for (const d of data) {
      d.labels = [...d.labels].reverse();
      d.values = [...d.values].reverse();
    }
    if (oneEach) colors.reverse();
  }
  const axisTitle = chart.axis ? render(lang, chart.axis.label) : '';
  slide.addChart(line ? pptx.ChartType.line : pptx.ChartType.bar, data, {
    x: 0.4,
    y: 1.35,
    w: W - 0.8,
    h: H - 2.0,
    ...(line ? {} : { barDir: 'bar' }),
    barGrouping: chart.type === 'stacked' ? 'stacked' : 'clustered',
    chartColors: colors,
    ...(oneEach ? { varyColors: true } : {}),
    catAxisLabelFontFace: DECK_FONT,
    catAxisLabelFontSize: 11,
    valAxisLabelFontFace: DECK_FONT,
    valAxisLabelFontSize: 11,
    showValAxisTitle: true,
    valAxisTitle: render(lang, chart.value.label),
    ...(line ? { showCatAxisTitle: true, catAxisTitle: axisTitle } : {}),
    showLegend: chart.series.length > 1 && !oneEach,
    legendPos: 'b',
    legendFontFace: DECK_FONT,
    showTitle: false,
    dataLabelFontFace: DECK_FONT,
  });
  slide.addShape('rect', { x: 0, y: H - 0.4, w: W, h: 0.4, fill: { color: 'F4F4F1' }, line: { color: 'F4F4F1' } });
  slide.addText(footer, { x: 0.3, y: H - 0.4, w: W - 0.6, h: 0.4, fontFace: DECK_FONT, fontSize: 9, color: '5A6A70', valign: 'middle' });
}
