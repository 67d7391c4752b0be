/**
 * The engine's Web Worker: the computation runs here, off the page's main thread, so the task
 * pane keeps painting and answering the keyboard while thousands of score sheets are computed.
 * Bundled by webpack from `new Worker(new URL('./engine.worker.ts', import.meta.url))`.
 */
import { scoreAndAnalyze } from '../../core/pipeline';
import { fingerprintOf } from './fingerprint';
import type { EngineReply, EngineRequest } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(reply: EngineReply): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  try {
    const out =
      req.op === 'score'
        ? scoreAndAnalyze(req.input, req.options)
        : req.op === 'score+fingerprint'
          ? { out: scoreAndAnalyze(req.input, req.options), print: fingerprintOf(req.input) }
          : fingerprintOf(req.input);
    scope.postMessage({ id: req.id, ok: true, out });
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
