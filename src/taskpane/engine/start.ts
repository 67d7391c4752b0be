/**
 * Starts the engine worker for the pane (entry points only: the add-in and the preview).
 * webpack bundles the worker from this `new URL(…, import.meta.url)`; tests never load this file.
 */
import { provideEngineWorker } from './index';

export function startEngineWorker(): void {
  if (typeof Worker === 'undefined') return;
  provideEngineWorker(() => new Worker(new URL('./engine.worker.ts', import.meta.url)));
}
