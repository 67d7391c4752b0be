import { completeSubmatrix } from '../../src/core/stats/complete';

describe('completeSubmatrix', () => {
  it('keeps everything when nothing is missing', () => {
    const r = completeSubmatrix([
      [1, 2],
      [3, 4],
    ]);
    expect(r).toEqual({
      rows: [0, 1],
      cols: [0, 1],
      matrix: [
        [1, 2],
        [3, 4],
      ],
    });
  });
  it('drops a column that is mostly empty before losing rows', () => {
    const _ = null;
    const r = completeSubmatrix([
      [1, 2, _],
      [3, 4, _],
      [5, 6, 7],
      [8, 9, _],
    ]);
    expect(r.cols).toEqual([0, 1]);
    expect(r.rows).toEqual([0, 1, 2, 3]);
  });
  it('drops a single row with a gap rather than a whole column', () => {
    const _ = null;
    const r = completeSubmatrix([
      [1, 2, 3],
      [4, _, 6],
      [7, 8, 9],
      [1, 2, 3],
      [5, 5, 5],
    ]);
    expect(r.rows).toEqual([0, 2, 3, 4]);
    expect(r.cols).toEqual([0, 1, 2]);
  });
  it('ends empty when every cell is missing', () => {
    expect(completeSubmatrix([[null, null]]).matrix).toEqual([]);
  });
});
