/**
 * Runs the tier-stability bootstrap in a Web Worker (./stability.worker.ts); where the browser
 * offers no Worker, on this thread after the pane has painted.
 */
import {
  tierStability,
  type StabilityInput,
  type StabilityOptions,
  type TierStability,
} from '../../core/review/stability';

export type StabilityMap = Record<string, TierStability>;

export function runStability(input: StabilityInput, options: StabilityOptions = {}): Promise<StabilityMap> {
  if (typeof Worker === 'undefined')
    return new Promise((resolve) => setTimeout(() => resolve(tierStability(input, options)), 0));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./stability.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<{ ok: boolean; stability?: StabilityMap; error?: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.stability!);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the stability worker failed'));
    };
    worker.postMessage({ input, options });
  });
}
