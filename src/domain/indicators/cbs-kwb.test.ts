import { describe, expect, test } from 'vitest';
import { BUILT_IN_INDICATORS } from './catalogue.js';
import { KWB_FIGURES, kwbKeyForStatlineKey, kwbKeyForStatlineTitle } from './cbs-kwb.js';

describe('KWB figures', () => {
  test.each([
    ['AantalInwoners_5', 'a_inw'],
    ['InBezitWoningcorporatie_43', 'p_wcorpw'],
    ['InBezitWoningcorporatie_39', 'p_wcorpw'],
    ['k_40HuishoudensMetLaagsteInkomen_77', 'p_hh_li'],
    ['PersonenPerSoortUitkeringBijstand_84', 'a_soz_wb'],
    ['  GemiddeldInkomenPerInwoner_73 ', 'g_ink_pi'],
    ['Nederland_17', null],
    ['Codering_3', null],
  ])('StatLine key %s is %s whatever its numeric suffix', (key, expected) => {
    expect(kwbKeyForStatlineKey(key)).toBe(expected);
  });

  test('keys and stems are unique, and every key is in the catalogue once', () => {
    const keys = KWB_FIGURES.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const stems = KWB_FIGURES.flatMap((f) => (f.stem ? [f.stem] : []));
    expect(new Set(stems).size).toBe(stems.length);
    const catalogue = BUILT_IN_INDICATORS.map((i) => i.key);
    expect(new Set(catalogue).size).toBe(catalogue.length);
    for (const key of keys) expect(catalogue).toContain(key);
  });
});

describe('StatLine titles', () => {
  test.each([
    ['Aantal inwoners', 'a_inw'],
    ['Bevolking/Aantal inwoners (aantal)', 'a_inw'],
    ['Wonen/In bezit woningcorporatie (%)', 'p_wcorpw'],
    ['Inkomen/40% huishoudens met laagste inkomen (%)', 'p_hh_li'],
    ['Wmo-cliënten relatief (per 1 000 inwoners)', 'p_wmo_t'],
    ['Nederland', null],
  ])('%s is %s', (title, key) => {
    expect(kwbKeyForStatlineTitle(title)).toBe(key);
  });
});
