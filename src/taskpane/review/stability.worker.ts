/**
 * The 评委 tab's tier-stability bootstrap, off the main thread (issue 13): receives the engine's
 * rows and results, answers with the stability per ratee. The computation is the engine's own
 * (src/core/review/stability.ts); this file only carries messages.
 */
import { tierStability, type StabilityInput, type StabilityOptions } from '../../core/review/stability';

interface WorkerScope {
  onmessage: ((e: { data: { input: StabilityInput; options: StabilityOptions } }) => void) | null;
  postMessage(data: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  try {
    scope.postMessage({ ok: true, stability: tierStability(e.data.input, e.data.options) });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
