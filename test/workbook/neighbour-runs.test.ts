/** neighbourRuns (src/workbook/formulas.ts): how the status count and the red-cell rules group indicators. */
import { neighbourRuns } from '../../src/workbook/formulas';

test('groups neighbours with the same key; a null key belongs to no run and ends the one before', () => {
  const key = (x: string) => (x === '-' ? null : x[0]);
  expect(neighbourRuns(['a1', 'a2', 'b1', 'a3', '-', 'a4', 'a5'], key)).toEqual([
    ['a1', 'a2'],
    ['b1'],
    ['a3'],
    ['a4', 'a5'],
  ]);
  expect(neighbourRuns([], key)).toEqual([]);
  expect(neighbourRuns(['-', '-'], key)).toEqual([]);
});
