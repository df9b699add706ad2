/** Every word in both languages: the same keys, none empty, the same placeholders. */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { vi } from '../../src/i18n/vi.ts';
import { isMessageKey, t } from '../../src/i18n/index.ts';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('i18n', () => {
  it('has every key in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(vi)) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[k]), k).toEqual(placeholders(vi[k]));
  });

  it('checks keys built from data at run time, and fills placeholders', () => {
    expect(isMessageKey('Status.planned')).toBe(true);
    expect(isMessageKey('Status.<script>')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(t('en', 'Cli.Range', { min: 0, max: 4 })).toBe('from 0 to 4');
  });
});
