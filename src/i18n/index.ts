/**
 * Typed UI text in Vietnamese (default) and English, and number formatting by language.
 */
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

export type { MessageKey };
/** A UI language. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/**
 * The text for `key` in `lang`, with `{name}` placeholders replaced from `vars`.
 * @example t('en', 'Info.Km2', { value: '1,284.7' }) // '1,284.7 km²'
 */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** Whether a text built at run time (from data) is a key with words in both languages. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

const formatters = new Map<string, Intl.NumberFormat>();
/**
 * Formats a number for `lang` (vi: 1.284,7; en: 1,284.7) with at most `digits` decimals.
 */
export function formatNumber(lang: Lang, value: number, digits = 1): string {
  const k = `${lang}:${digits}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    formatters.set(k, f);
  }
  return f.format(value);
}
