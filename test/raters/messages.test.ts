import zh from '../../src/taskpane/i18n/zh.json';
import en from '../../src/taskpane/i18n/en.json';
import { FLAG_TITLES, pText } from '../../src/core/raters/messages';

describe('flag titles', () => {
  it('say what was seen, and the flat flag is not titled with the motto 一碗水端平', () => {
    expect(FLAG_TITLES.flat.zh).toBe('打分拉不开差距');
    for (const t of Object.values(FLAG_TITLES)) expect(t.zh).not.toContain('一碗水端平');
  });
  it('are the titles the task pane shows (i18n flag.<code>.name)', () => {
    for (const [code, t] of Object.entries(FLAG_TITLES)) {
      expect((zh.flag as Record<string, { name: string }>)[code].name).toBe(t.zh);
      expect((en.flag as Record<string, { name: string }>)[code].name).toBe(t.en);
    }
  });
});

describe('p-values on display', () => {
  it('never read 0', () => {
    expect(pText(Number.MIN_VALUE)).toBe('< 0.001');
    expect(pText(0.0000312)).toBe('< 0.001');
    expect(pText(0.0123)).toBe('0.012');
    expect(pText(null)).toBe('—');
  });
});
