/**
 * The add-in's task pane entry: wait for Office, create the Office host (the adapter over
 * `Excel.run`), take the language from Office's display language (zh-* → 中文, else English),
 * and render the pane. Components never call Office themselves.
 */
import { createRoot } from 'react-dom/client';
import { startEngineWorker } from './engine/start';
import { createExcelHost } from '../hosts/office';
import { excelIsSetSupported } from '../hosts/office/excel-run';
import { App } from './components/App';
import { languageFromOffice } from './i18n';
import { markStarted, webviewUnsupported } from './startup';

/** Shown instead of the pane when Office is too old or not there at all: one sentence per language. */
function unsupported(root: HTMLElement): void {
  root.textContent =
    '此版本的 Excel 不支持端平加载项（需要 ExcelApi 1.7 或更高版本）。请升级 Office，或使用命令行 duanping。' +
    ' This Excel does not support the Duanping add-in (ExcelApi 1.7 or later is needed); update Office or use the duanping command line.';
}

void Office.onReady(() => {
  // The page's old-webview check has shown its message: nothing of the pane runs.
  if (webviewUnsupported()) return;
  startEngineWorker();
  const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  if (!excelIsSetSupported('ExcelApi', '1.7')) {
    unsupported(root);
    return markStarted();
  }
  const lang = languageFromOffice(Office.context.displayLanguage);
  const host = createExcelHost(lang);
  createRoot(root).render(<App host={host} lang={lang} />);
  markStarted();
});
