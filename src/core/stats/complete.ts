/**
 * The complete-case submatrix: ICC and Kendall's W need every rater to have scored every ratee.
 * Policy: repeatedly drop the row or column with the largest share of gaps (so a rater who skipped
 * many ratees goes before many ratees are lost) until no gap is left.
 */

export interface CompleteSubmatrix {
  /** Kept row indices (of the input), ascending. */
  rows: number[];
  /** Kept column indices, ascending. */
  cols: number[];
  /** The kept cells, rows × cols. */
  matrix: number[][];
}

/** Gap-free submatrix found greedily (ties: the earlier row, then the earlier column, goes first). */
export function completeSubmatrix(matrix: readonly (readonly (number | null)[])[]): CompleteSubmatrix {
  const nrow = matrix.length;
  const ncol = matrix.reduce((m, r) => Math.max(m, r.length), 0);
  const gap = (i: number, j: number) => matrix[i][j] === null || matrix[i][j] === undefined;
  const rowAlive = new Array<boolean>(nrow).fill(true);
  const colAlive = new Array<boolean>(ncol).fill(true);
  const rowGaps = new Array<number>(nrow).fill(0);
  const colGaps = new Array<number>(ncol).fill(0);
  for (let i = 0; i < nrow; i++)
    for (let j = 0; j < ncol; j++)
      if (gap(i, j)) {
        rowGaps[i]++;
        colGaps[j]++;
      }
  let liveRows = nrow;
  let liveCols = ncol;
  while (liveRows > 0 && liveCols > 0) {
    let best = -1;
    let bestShare = 0;
    let bestIsRow = true;
    for (let i = 0; i < nrow; i++)
      if (rowAlive[i] && rowGaps[i] / liveCols > bestShare)
        [best, bestShare, bestIsRow] = [i, rowGaps[i] / liveCols, true];
    for (let j = 0; j < ncol; j++)
      if (colAlive[j] && colGaps[j] / liveRows > bestShare)
        [best, bestShare, bestIsRow] = [j, colGaps[j] / liveRows, false];
    if (best < 0) break;
    if (bestIsRow) {
      rowAlive[best] = false;
      liveRows--;
      for (let j = 0; j < ncol; j++) if (colAlive[j] && gap(best, j)) colGaps[j]--;
    } else {
      colAlive[best] = false;
      liveCols--;
      for (let i = 0; i < nrow; i++) if (rowAlive[i] && gap(i, best)) rowGaps[i]--;
    }
  }
  const rows = rowAlive.flatMap((a, i) => (a ? [i] : []));
  const cols = colAlive.flatMap((a, j) => (a ? [j] : []));
  return { rows, cols, matrix: rows.map((i) => cols.map((j) => matrix[i][j] as number)) };
}
