/**
 * Text helpers shared by the data build and the app.
 */

/**
 * Removes Vietnamese diacritics and maps Đ/đ to D/d.
 * @param s - text in any case
 * @returns the same text in plain ASCII letters, e.g. `Đà Nẵng` → `Da Nang`
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
