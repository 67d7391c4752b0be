/**
 * The preview page: the task pane beside an in-browser workbook, so the whole flow can be tried
 * without Excel. Language: zh by default, `?lang=en` for English (the pane also has a switch).
 */
import { createRoot } from 'react-dom/client';
import { startEngineWorker } from '../taskpane/engine/start';
import { App } from '../taskpane/components/App';
import type { Lang } from '../core/types';
import { createPreviewWorkbook } from './fakeWorkbook';
import { PREVIEW_CSS } from './styles';
import { WorkbookView } from './WorkbookView';

function start() {
  startEngineWorker();
  const style = document.createElement('style');
  style.textContent = PREVIEW_CSS;
  document.head.appendChild(style);

  const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  const { host, book } = createPreviewWorkbook(lang);
  const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(root).render(
    <div className="pv">
      <div className="pv-banner">
        端平预览：左边是浏览器中的模拟工作簿（不是
        Excel），公式单元格（ƒ）的值由端平引擎计算；右边是任务窗格。 Preview: a simulated workbook (not Excel)
        — formula cells (ƒ) show values computed by the engine.
      </div>
      <div className="pv-main">
        <div className="pv-book" data-testid="workbook">
          <WorkbookView book={book} />
        </div>
        <aside className="pv-pane" data-testid="taskpane">
          <App host={host} lang={lang} />
        </aside>
      </div>
    </div>,
  );
  (window as unknown as { __duanpingReady?: number }).__duanpingReady = performance.now();
}

start();
