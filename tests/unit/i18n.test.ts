/** Every word in both languages: the same keys, none empty, the same placeholders. */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { vi } from '../../src/i18n/vi.ts';
import { isMessageKey, render, t } from '../../src/i18n/index.ts';
import { RESULT_MESSAGES, msg, named, num } from '../../src/core/messages.ts';

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

  it('gives each result code exactly the placeholders its text has, in both languages', () => {
    for (const [code, vars] of Object.entries(RESULT_MESSAGES)) {
      expect(isMessageKey(code), code).toBe(true);
      if (isMessageKey(code)) expect([...new Set(placeholders(vi[code]))].sort(), code).toEqual([...vars].sort());
    }
  });

  it('renders a message in the reader’s language: numbers in its format, names, nested messages, lists', () => {
    const m = msg('Note.Context', {
      n: 2,
      names: [
        { vi: 'Kon Tum', en: 'Kon Tum' },
        { vi: 'Gia Lai', en: 'Gia Lai' },
      ],
    });
    expect(render('en', m)).toContain('Kon Tum, Gia Lai');
    const sphere = msg('Model.Sphere', { r: num(6371.0088, 4) });
    expect(render('vi', sphere)).toContain('6.371,0088');
    expect(render('en', sphere)).toContain('6,371.0088');
    const speeds = msg('Analysis.SpeedsChanged', { speeds: [msg('Speed.Pair', { cls: named('Speed.expressway'), kmh: 100 })] });
    expect(render('en', speeds)).toBe(t('en', 'Analysis.SpeedsChanged', { speeds: `${t('en', 'Speed.expressway')} 100` }));
    expect(render('vi', speeds)).not.toBe(render('en', speeds));
  });
});
