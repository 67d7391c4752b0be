/** The preview page's own CSS (the webpack build has no CSS loader; this is injected once). */
export const PREVIEW_CSS = `
html, body { margin: 0; height: 100%; }
body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 13px; color: #242424; }
#root { height: 100%; }
.pv { display: flex; flex-direction: column; height: 100%; }
.pv-banner { background: #FFF4CE; border-bottom: 1px solid #E0C97F; padding: 4px 10px; font-size: 12px; }
.pv-main { flex: 1; display: flex; min-height: 0; }
.pv-book { flex: 1; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid #c8c8c8; }
.pv-pane { width: 320px; flex: none; overflow-y: auto; overflow-x: hidden; background: #fff; }
.wb { display: flex; flex-direction: column; height: 100%; min-height: 0; }
.wb-empty { padding: 24px; color: #616161; line-height: 1.8; }
.wb-bar { display: flex; gap: 6px; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; align-items: center; }
.wb-address { min-width: 120px; font-family: Consolas, monospace; color: #424242; }
.wb-input { flex: 1; font: inherit; padding: 2px 4px; }
.wb-paste { display: flex; gap: 6px; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; }
.wb-paste textarea { flex: 1; height: 38px; font: 12px Consolas, monospace; resize: vertical; }
.wb-paste button { font-size: 12px; }
.wb-grid { flex: 1; overflow: auto; outline: none; }
.wb-grid:focus-visible { box-shadow: inset 0 0 0 2px #0f6cbd; }
.wb-grid table { border-collapse: collapse; table-layout: fixed; }
.wb-grid th { background: #f3f3f3; color: #616161; font-weight: normal; border: 1px solid #d6d6d6; min-width: 28px; position: sticky; top: 0; z-index: 1; }
.wb-grid tbody th { position: sticky; left: 0; }
.wb-grid td { border: 1px solid #e6e6e6; min-width: 64px; max-width: 180px; height: 20px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: cell; }
.wb-grid td.wb-formula { font-style: italic; color: #0b5a2a; }
.wb-grid td.wb-formula::before { content: "ƒ "; color: #8a8a8a; font-size: 10px; }
.wb-grid td.wb-bold { font-weight: 600; }
.wb-grid td.wb-sel { outline: 2px solid #107c41; outline-offset: -2px; }
.wb-tabs { display: flex; gap: 2px; padding: 2px 6px; background: #f3f3f3; border-top: 1px solid #d6d6d6; overflow-x: auto; }
.wb-tab { border: 1px solid transparent; background: none; padding: 3px 10px; font: inherit; cursor: pointer; white-space: nowrap; }
.wb-tab-on { background: #fff; border-color: #d6d6d6; border-top-color: #fff; color: #107c41; font-weight: 600; }
`;
