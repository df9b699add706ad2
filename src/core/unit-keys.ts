/**
 * Matching a table's rows to provincial units: by ISO 3166-2 code, by the GSO province code
 * (mã tỉnh) or by name, as statistical tables write them: with prefixes ("Tỉnh", "TP."),
 * hyphens ("Thừa Thiên - Huế"), any case, and the old placement of tone marks ("Thanh Hoá"
 * for "Thanh Hóa").
 */

/**
 * GSO province codes of the 2022 units (mã tỉnh, Decision 124/2004/QĐ-TTg; source key QD124
 * in data/SOURCES.md), by ISO 3166-2 code. The 2025 units have no code here: match them by
 * ISO code or name.
 */
export const GSO_CODES_2022: Readonly<Record<string, string>> = {
  'VN-21': '38',
  'VN-22': '40',
  'VN-23': '42',
  'VN-24': '44',
  'VN-25': '45',
  'VN-26': '46',
  'VN-DN': '48',
  'VN-27': '49',
  'VN-29': '51',
  'VN-31': '52',
  'VN-32': '54',
  'VN-34': '56',
  'VN-36': '58',
  'VN-40': '60',
  'VN-05': '14',
  'VN-14': '17',
  'VN-18': '37',
  'VN-28': '62',
  'VN-30': '64',
  'VN-33': '66',
  'VN-72': '67',
  'VN-35': '68',
  'VN-39': '75',
  'VN-43': '77',
};

// Combining tone marks: grave, acute, tilde, hook above, dot below.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const PREFIX = /^(?:tỉnh|thành phố|thanh pho|tinh|t\.p\.?|tp\.?)\s*/u;

/**
 * A name reduced to what identifies the unit: lower case, no administrative prefix, no spaces,
 * hyphens, dashes or dots, and each syllable's tone mark moved to the syllable's end (so the
 * old and new placements agree; the vowels keep their other marks: ă, â, ê, ô, ơ, ư, đ).
 * @example unitKey('Tỉnh Thanh Hoá') === unitKey('Thanh Hóa') // true
 */
export function unitKey(name: string): string {
  const lower = name.normalize('NFC').trim().toLowerCase().replace(PREFIX, '');
  return lower
    .split(/[\s\-–—.,_/]+/u)
    .filter(Boolean)
    .map((syllable) => {
      const d = syllable.normalize('NFD');
      const tones = d.match(TONES)?.join('') ?? '';
      return (d.replace(TONES, '') + tones).normalize('NFC');
    })
    .join('');
}

/** A unit as matching needs it. */
export interface UnitNames {
  iso: string;
  name_vi: string;
  name_en: string;
}

export type MatchBy = 'iso' | 'gso' | 'name';

/** How a key column is best read: the way that matches the most rows. */
export function bestMatchBy(keys: readonly string[], units: readonly UnitNames[]): MatchBy {
  const count = (by: MatchBy) => keys.filter((k) => matchUnit(k, units, by) !== null).length;
  const scores = (['iso', 'gso', 'name'] as const).map((by) => [by, count(by)] as const);
  return [...scores].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The unit a key names, or null.
 * @example matchUnit('38', units2022, 'gso') // 'VN-21'
 */
export function matchUnit(key: string, units: readonly UnitNames[], by: MatchBy): string | null {
  const k = key.trim();
  if (!k) return null;
  if (by === 'iso') return units.find((u) => u.iso.toUpperCase() === k.toUpperCase())?.iso ?? null;
  if (by === 'gso') {
    // Codes are printed as "38", "038" or "38.0" (a spreadsheet's number).
    const code = /^0*(\d+)(?:\.0+)?$/.exec(k)?.[1];
    if (!code) return null;
    return units.find((u) => GSO_CODES_2022[u.iso] === code)?.iso ?? null;
  }
  const want = unitKey(k);
  return units.find((u) => unitKey(u.name_vi) === want || unitKey(u.name_en) === want)?.iso ?? null;
}
