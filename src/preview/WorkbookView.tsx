/**
 * The preview's stand-in for Excel: sheet tabs, a formula bar, and each sheet as a grid whose
 * cells can be selected, typed into and pasted into (a block copied from Excel or WPS, tab
 * separated). Formula cells show the value the preview computed with the engine, marked "ƒ".
 */
import { useEffect, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { columnLetter } from '../core/address';
import { parseTsvBlock } from '../taskpane/model/delimited';
import type { GridCell, PreviewBook } from './book';

const MIN_ROWS = 30;
const MIN_COLS = 10;

function shown(cell: GridCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Re-renders on every change of the book. */
function useBookChanges(book: PreviewBook): void {
  const [, setVersion] = useState(0);
  useEffect(() => book.subscribe(() => setVersion((v) => v + 1)), [book]);
}

export function WorkbookView({ book }: { book: PreviewBook }) {
  useBookChanges(book);
  const sheets = book.sheets();
  const selection = book.selection();
  const [chosen, setChosen] = useState<string | null>(null);
  const [pasteText, setPasteText] = useState('');
  const [editText, setEditText] = useState<string | null>(null);
  const sheet = chosen && sheets.includes(chosen) ? chosen : (sheets[0] ?? null);

  // Follow the selection to its sheet when the task pane selects a cell.
  const selectionKey = selection ? `${selection.sheet}\u0000${selection.row}\u0000${selection.col}` : '';
  const selectedSheet = selection?.sheet ?? null;
  useEffect(() => {
    if (selectedSheet) setChosen(selectedSheet);
  }, [selectionKey, selectedSheet]);

  if (!sheet) {
    return (
      <div className="wb-empty" data-testid="workbook-empty">
        空白工作簿：在右侧任务窗格选择模板并安装。
        <br />
        Empty workbook: choose a template in the task pane and install it.
      </div>
    );
  }

  const cells = book.grid(sheet);
  const rows = Math.max(MIN_ROWS, cells.length + 5);
  const hidden = book.hiddenColumns(sheet);
  const cols = Array.from(
    { length: Math.max(MIN_COLS, ...cells.map((r) => r.length + 1)) },
    (_, c) => c,
  ).filter((c) => !hidden.has(c));
  const sel = selection?.sheet === sheet ? selection : null;
  const selCell = sel ? cells[sel.row]?.[sel.col] : undefined;
  const address = sel ? `${columnLetter(sel.col)}${sel.row + 1}` : '';
  const barText = editText ?? selCell?.formula ?? shown(selCell);

  const commitEdit = () => {
    if (sel && editText !== null) book.type(sheet, sel.row, sel.col, [[editText]]);
    setEditText(null);
  };
  const pasteBlock = (text: string) => {
    if (!sel) return false;
    const block = parseTsvBlock(text);
    if (block.length === 0) return false;
    book.type(sheet, sel.row, sel.col, block);
    return true;
  };
  const onGridPaste = (e: ClipboardEvent) => {
    if (pasteBlock(e.clipboardData.getData('text/plain'))) e.preventDefault();
  };
  const onGridKey = (e: KeyboardEvent) => {
    if (!sel) return;
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const d = move[e.key];
    if (d) {
      e.preventDefault();
      book.select({ sheet, row: Math.max(0, sel.row + d[0]), col: Math.max(0, sel.col + d[1]) });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      book.type(sheet, sel.row, sel.col, [['']]);
    }
  };

  return (
    <div className="wb">
      <div className="wb-bar">
        <span className="wb-address" data-testid="cell-address">
          {address ? `${sheet}!${address}` : sheet}
        </span>
        <input
          className="wb-input"
          aria-label="单元格内容 / cell content"
          data-testid="cell-input"
          disabled={!sel}
          value={barText}
          onChange={(e) => setEditText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitEdit();
            if (e.key === 'Escape') setEditText(null);
          }}
          onBlur={commitEdit}
        />
      </div>
      <div className="wb-paste">
        <textarea
          aria-label="粘贴区 / paste area"
          data-testid="paste-area"
          placeholder="粘贴区：从 Excel 复制一块单元格粘贴到这里，再点右边的按钮，从所选单元格开始填入。也可以选中单元格后直接 Ctrl+V。"
          value={pasteText}
          onChange={(e) => setPasteText(e.target.value)}
        />
        <button
          type="button"
          data-testid="paste-apply"
          disabled={!sel || pasteText.trim() === ''}
          onClick={() => {
            if (pasteBlock(pasteText)) setPasteText('');
          }}
        >
          粘贴到所选单元格
          <br />
          Paste at selection
        </button>
      </div>
      <div
        className="wb-grid"
        tabIndex={0}
        role="grid"
        aria-label={sheet}
        data-testid="grid"
        data-sheet={sheet}
        onPaste={onGridPaste}
        onKeyDown={onGridKey}
      >
        <table>
          <thead>
            <tr>
              <th className="wb-corner" />
              {cols.map((c) => (
                <th key={c}>{columnLetter(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {cols.map((c) => {
                  const cell = cells[r]?.[c];
                  const isSel = sel?.row === r && sel.col === c;
                  const classes = [
                    cell?.formula ? 'wb-formula' : '',
                    isSel ? 'wb-sel' : '',
                    cell?.bold ? 'wb-bold' : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td
                      key={c}
                      className={classes || undefined}
                      data-cell={`${columnLetter(c)}${r + 1}`}
                      style={cell?.fill ? { backgroundColor: cell.fill } : undefined}
                      title={
                        cell?.formula
                          ? `${cell.formula}（预览计算的值 / value computed by the preview）`
                          : undefined
                      }
                      onMouseDown={() => {
                        setEditText(null);
                        book.select({ sheet, row: r, col: c });
                      }}
                    >
                      {shown(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="wb-tabs" role="tablist" aria-label="工作表 / sheets">
        {sheets.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === sheet}
            data-testid="sheet-tab"
            data-sheet-name={s}
            className={s === sheet ? 'wb-tab wb-tab-on' : 'wb-tab'}
            onClick={() => setChosen(s)}
          >
            {s}
          </button>
        ))}
      </div>
    </div>
  );
}
