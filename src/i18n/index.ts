/**
 * Typed UI text in Vietnamese (default) and English, and number formatting by language.
 */
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';
import type { Msg, MsgValue } from '../core/messages.ts';
import type { BaseColumn } from '../core/columns.ts';
import type { KindWord } from '../core/analysis.ts';

export type { MessageKey };

/** The names of a text's `{placeholders}` (a brace around other text, such as a JSON example, is none). */
type Placeholders<S> = S extends `${string}{${infer P}}${infer R}`
  ? (P extends `${string}${' ' | '"'}${string}` ? never : P) | Placeholders<R>
  : never;
/** The placeholders of a key's text (the Vietnamese text defines them; a test checks the English has the same). */
export type PlaceholdersOf<K extends MessageKey> = Placeholders<(typeof vi)[K]>;
/** Compiles only when `T` is empty: what must exist and does not is named in the error. */
type NoneMissing<T extends never> = T;
/** Every result field (core/columns.ts) has its label, `Col.<field>`, in both languages. */
export type ColumnLabels = NoneMissing<Exclude<`Col.${BaseColumn}`, MessageKey>>;
/** Every word an analysis kind's definition names exists. */
export type KindWords = NoneMissing<Exclude<KindWord, MessageKey>>;

/** The keys whose text has no placeholders (labels, names of values). */
export type PlainKey = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? K : never }[MessageKey];
/** What `t` takes after the key: the values of its placeholders, each one named (none for a text without). */
export type VarsArg<K extends MessageKey> = [PlaceholdersOf<K>] extends [never]
  ? [vars?: Record<string, never>]
  : [vars: Record<PlaceholdersOf<K>, string | number>];
/** A UI language. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/**
 * The text for `key` in `lang`, with `{name}` placeholders replaced from `vars`.
 * @example t('en', 'Info.Km2', { value: '1,284.7' }) // '1,284.7 km²'
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...rest: VarsArg<K>): string {
  const vars = rest[0] as Record<string, string | number> | undefined;
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

const isList = (v: MsgValue<MessageKey>): v is readonly MsgValue<MessageKey>[] => Array.isArray(v);

/** One placeholder's value in words: numbers in the language's format, names and messages in the language, lists joined. */
function valueText(lang: Lang, v: MsgValue<MessageKey>): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isList(v)) return v.map((x) => valueText(lang, x)).join(', ');
  if ('num' in v) return formatNumber(lang, v.num, v.digits);
  if ('key' in v) return render(lang, v);
  return lang === 'vi' ? v.vi : v.en;
}

/**
 * A message (a code with the values of its placeholders) in words, in `lang`: how results,
 * notices and errors are shown, so that switching language re-renders them.
 * @example render('en', { key: 'Note.CustomPorts', vars: { name: 'ports.csv' } }) // 'Seaports: the imported layer “ports.csv”.'
 */
export function render(lang: Lang, m: Msg<MessageKey>): string {
  const text = dictionaries[lang][m.key];
  const vars = m.vars;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, k: string) => (Object.hasOwn(vars, k) ? valueText(lang, vars[k]!) : whole)) : text;
}
