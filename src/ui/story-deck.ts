/**
 * Makes the PowerPoint deck of the story in the app: each scene is shown (its layers,
 * edition, selection, analysis and table), drawn at 1920×1080 from its camera with the map
 * image's legend, scale bar and north arrow, and passed to export/deck.ts. What the map
 * showed before is put back afterwards.
 */
import { DECK_IMAGE } from '../export/deck.ts';
import { t, type Lang } from '../i18n/index.ts';
import { SOVEREIGNTY_NOTE } from '../export/catalogue.ts';
import type { AppStore } from '../state/store.ts';
import { keepView, showScene } from './scene-runner.ts';
import { legendItems } from './legend-items.ts';
import { chartOf, type ChartSpec } from '../export/charts.ts';

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Shows scene i and draws it as a PNG at the deck's image size. */
async function sceneImage(store: AppStore, i: number, lang: Lang): Promise<Uint8Array> {
  const scene = store.getState().story.scenes[i]!;
  await showScene(store, i);
  if (scene.analysis) {
    // deck.gl loads the first time it has something to draw.
    for (let k = 0; k < 200 && performance.getEntriesByName('deck-first-draw').length === 0; k++)
      await new Promise((r) => setTimeout(r, 50));
  }
  await frame();
  await frame();
  const cap = await store.getState().captureMap({ ...DECK_IMAGE, pixelRatio: 1, camera: scene.camera });
  if (!cap) throw new Error(t(lang, 'Export.NoMap'));
  const { composeMapImage, canvasToPng } = await import('../export/image.ts');
  const st = store.getState();
  const canvas = composeMapImage(cap.canvas, {
    title: st.story.title[lang],
    subtitle: `${t(lang, 'Toolbar.Edition')}: ${t(lang, st.edition === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025')} · ${t(lang, 'Horizon.Title')}: ${t(lang, `Horizon.${st.horizon}`)}`,
    legendTitle: t(lang, 'Legend.Title'),
    legend: legendItems(st, lang),
    metresPerPixel: cap.metresPerPixel,
    bearing: cap.bearing,
    footer: [lang === 'vi' ? t(lang, 'Map.Attribution') : SOVEREIGNTY_NOTE],
    date: '',
    pixelRatio: 1,
  });
  return canvasToPng(canvas);
}

/**
 * Builds the deck of the current story in the user's language.
 * @returns the .pptx bytes
 */
export async function makeStoryDeck(store: AppStore, onProgress: (scene: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  const before = store.getState();
  const restore = keepView(store);
  const lang = before.lang;
  try {
    const { buildDeck } = await import('../export/deck.ts');
    return await buildDeck({
      story: before.story,
      lang,
      image: (i) => {
        onProgress(i + 1);
        return sceneImage(store, i, lang);
      },
      // The chart of the analysis the scene just showed.
      chart: (i): ChartSpec | null => {
        const st = store.getState();
        const r = st.story.scenes[i]?.analysis && st.analysis.status === 'done' ? st.analysis.result : null;
        return r ? chartOf(r, { measure: st.analysisView.measure, method: st.analysisView.method }) : null;
      },
      date: new Date().toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
      version: __APP_VERSION__,
      ...(signal ? { signal } : {}),
    });
  } finally {
    restore();
  }
}
