import en from '../../src/taskpane/i18n/en.json';
import zh from '../../src/taskpane/i18n/zh.json';
import { createI18n, languageFromOffice } from '../../src/taskpane/i18n';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

describe('UI catalogue', () => {
  test('zh and en have the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zh as Tree).sort());
  });

  test('each message uses the same placeholders in both languages', () => {
    const i = createI18n('zh');
    for (const k of keys(zh as Tree)) {
      const z = i.getResource('zh', 'translation', k) as string;
      const e = i.getResource('en', 'translation', k) as string;
      expect([k, placeholders(e)]).toEqual([k, placeholders(z)]);
    }
  });

  test('every problem code and flag code of the engine has a label', () => {
    const problemCodes = [
      'missing',
      'not-a-number',
      'number-as-text',
      'out-of-range',
      'not-a-level',
      'full-width-digits',
      'unit-suffix',
      'error-value',
      'unknown-source',
      'missing-field',
      'unknown-ratee',
      'unknown-rater',
      'rater-source-mismatch',
      'rater-in-two-sources',
      'duplicate-sheet',
      'ragged-row',
      'unknown-column',
      'missing-column',
      'bad-adjustment-kind',
      'bad-adjustment-points',
      'no-valid-rows',
      'missing-source',
      'no-composite',
      'lookalike-code',
      'merged-cell',
      'indicator-sheet-differs',
      'date-as-score',
    ];
    const flagCodes = ['flat', 'lenient', 'severe', 'halo', 'favoritism', 'erratic', 'copied'];
    for (const lang of ['zh', 'en'] as const) {
      const i = createI18n(lang);
      for (const c of problemCodes) expect(i.exists(`problemCode.${c}`)).toBe(true);
      for (const c of flagCodes) {
        expect(i.exists(`flag.${c}.name`)).toBe(true);
        expect(i.exists(`flag.${c}.explain`)).toBe(true);
      }
    }
  });

  test("Office's display language: zh-* is Chinese, anything else English", () => {
    expect(
      ['zh-CN', 'zh-TW', 'ZH-hk', 'en-US', 'fr-FR', '', undefined, 'zhx'].map(languageFromOffice),
    ).toEqual(['zh', 'zh', 'zh', 'en', 'en', 'en', 'en', 'en']);
  });

  test('an instance starts in the language it was made for, synchronously', () => {
    expect(createI18n('en').t('tabs.raters')).toBe('Raters');
    expect(createI18n('zh').t('tabs.raters')).toBe('评委');
  });
});
