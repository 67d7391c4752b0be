/**
 * Editing share rules (`tiers[].requires`) in the template editor's model: adding, changing and
 * removing a rule gives the JSON the engine validates, and the problems shown under a rule are
 * validateTemplate's own checks, named by field, in Chinese and English.
 */
import { requirementProblems } from '../../src/core/ballots/schema';
import { validateTemplate } from '../../src/core/template';
import { getBuiltinTemplate } from '../../src/core/templates';
import {
  addRequirement,
  draftLevelLabels,
  draftOf,
  editRequirement,
  removeRequirement,
} from '../../src/taskpane/model/templateEdit';

const ballot = () => {
  const d = draftOf(getBuiltinTemplate('democratic-ballot')!);
  for (const t of d.tiers ?? []) delete t.requires;
  return d;
};

describe('share rules in the template editor', () => {
  it('adds, edits and removes a rule; the result validates and carries the rule', () => {
    let d = addRequirement(ballot(), 0, '好');
    expect(d.tiers![0].requires).toEqual([{ levels: ['好'], atLeast: 0.5 }]);
    d = editRequirement(d, 0, 0, { field: 'levels', value: ['好', '较好'] });
    d = editRequirement(d, 0, 0, { field: 'share', value: '７５%' });
    expect(d.tiers![0].requires).toEqual([{ levels: ['好', '较好'], atLeast: 0.75 }]);
    d = addRequirement(d, 0, '好');
    d = editRequirement(d, 0, 1, { field: 'levels', value: ['差'] });
    d = editRequirement(d, 0, 1, { field: 'op', value: 'atMost' });
    d = editRequirement(d, 0, 1, { field: 'share', value: '33.33' });
    const v = validateTemplate(d);
    expect(v.ok && v.template.tiers[0].requires).toEqual([
      { levels: ['好', '较好'], atLeast: 0.75 },
      { levels: ['差'], atMost: 0.3333 },
    ]);
    expect(requirementProblems(d, 'zh')).toEqual([]);
    d = removeRequirement(d, 0, 0);
    d = removeRequirement(d, 0, 0);
    expect(d.tiers![0].requires).toBeUndefined();
    expect(validateTemplate(d).ok).toBe(true);
  });

  it('shows the validator’s problems under the rule, naming the field, in Chinese and in English', () => {
    let d = addRequirement(ballot(), 1, '好');
    d = editRequirement(d, 1, 0, { field: 'share', value: '150%' });
    d = editRequirement(d, 1, 0, { field: 'levels', value: [] });
    const v = validateTemplate(d);
    expect(v.ok).toBe(false);
    const en = requirementProblems(d, 'en');
    // The same messages validateTemplate gives.
    expect(en.map((p) => p.message)).toEqual(
      (v.ok ? [] : v.errors).filter((m) => m.startsWith('tiers[1].requires')),
    );
    expect(en).toEqual([
      { tier: 1, index: 0, message: 'tiers[1].requires[0].levels must be a non-empty array of level labels' },
      { tier: 1, index: 0, message: 'tiers[1].requires[0].atLeast must be a share between 0 and 1' },
    ]);
    const tier = String(d.tiers![1].name);
    expect(requirementProblems(d, 'zh')).toEqual([
      {
        tier: 1,
        index: 0,
        message: `等次“${tier}”的第 1 条比例要求至少要选一个档次（tiers[1].requires[0].levels）。`,
      },
      {
        tier: 1,
        index: 0,
        message: `等次“${tier}”的第 1 条比例要求的“不低于”比例须在 0% 到 100% 之间（tiers[1].requires[0].atLeast）。`,
      },
    ]);
  });

  it('a blank share and an unknown source are named; the floor tier cannot take rules', () => {
    let d = addRequirement(ballot(), 0, '好');
    d = editRequirement(d, 0, 0, { field: 'share', value: '' });
    d = editRequirement(d, 0, 0, { field: 'source', value: 'nobody' });
    const last = d.tiers!.length - 1;
    d.tiers![last].requires = [{ levels: ['好'], atLeast: 0.1 }];
    const zh = requirementProblems(d, 'zh').map((p) => [p.tier, p.index, p.message]);
    expect(zh).toContainEqual([
      0,
      0,
      expect.stringMatching(/评价主体须为 voters 之一，填的是 "nobody"（tiers\[0\]\.requires\[0\]\.source）/),
    ]);
    expect(zh).toContainEqual([
      0,
      0,
      expect.stringMatching(/须填写比例.*tiers\[0\]\.requires\[0\]\.atLeast/),
    ]);
    expect(zh).toContainEqual([last, null, expect.stringMatching(/是最低等次.*不能设比例要求/)]);
    d = editRequirement(d, 0, 0, { field: 'source', value: '' });
    expect(d.tiers![0].requires).toEqual([{ levels: ['好'] }]);
  });

  it('offers the level labels of the level-coded indicators, per source', () => {
    const d = ballot();
    expect(draftLevelLabels(d)).toEqual(['好', '较好', '一般', '差']);
    expect(draftLevelLabels(draftOf(getBuiltinTemplate('duty-report')!))).toEqual([]);
  });
});
