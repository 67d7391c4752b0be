/**
 * The task pane's engine: the computation and the workbook fingerprint, run in a Web Worker
 * when the entry point has provided one (the add-in and the preview do), otherwise on the
 * calling thread (tests in Node, a host without workers). One worker serves the pane; requests
 * are answered in order.
 */
import { scoreAndAnalyze } from '../../core/pipeline';
import type { AnalyzeOptions } from '../../core/pipeline';
import type { ScoreInput, ScoreOutput } from '../../core/scoring';
import { fingerprintOf } from './fingerprint';
import type { EngineReply, EngineRequest, FingerprintInput } from './protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve(v: unknown): void; reject(e: Error): void };

let makeWorker: (() => Worker) | null = null;
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Called once by an entry point: how to start the engine worker. */
export function provideEngineWorker(make: () => Worker): void {
  makeWorker = make;
}

/** Where the engine runs now: 'worker' or 'page' (for the bench and the tests). */
export function engineThread(): 'worker' | 'page' {
  return makeWorker ? 'worker' : 'page';
}

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker | null {
  if (worker || !makeWorker) return worker;
  try {
    worker = makeWorker();
  } catch {
    makeWorker = null; // workers refused here: compute on the page from now on
    return null;
  }
  worker.onmessage = (e: MessageEvent<EngineReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.out);
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => failAll(e.message || 'the engine worker stopped');
  return worker;
}

function ask<T>(req: WithoutId<EngineRequest>, inline: () => T): Promise<T> {
  const w = getWorker();
  if (!w) return Promise.resolve().then(inline);
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...req, id } as EngineRequest);
  });
}

/**
 * Only the fields a computation reads: what crosses to the worker is copied on the main thread,
 * so nothing else the caller's object carries goes with it.
 */
function fingerprintFields(input: FingerprintInput): FingerprintInput {
  return {
    template: input.template,
    entries: input.entries,
    adjustments: input.adjustments,
    ratees: input.ratees,
    raters: input.raters,
    ...(input.tallies ? { tallies: input.tallies } : {}),
  };
}

function scoreFields(input: ScoreInput): ScoreInput {
  return { ...fingerprintFields(input), sheetIssues: input.sheetIssues };
}

/** Scores, rater analysis and reliability (src/core/pipeline.ts), off the main thread when possible. */
export function runEngine(input: ScoreInput, options: AnalyzeOptions): Promise<ScoreOutput> {
  const clean = scoreFields(input);
  return ask({ op: 'score', input: clean, options }, () => scoreAndAnalyze(clean, options));
}

/** The fingerprint of what a computation reads (./fingerprint.ts), off the main thread when possible. */
export function fingerprint(input: FingerprintInput): Promise<string> {
  const clean = fingerprintFields(input);
  return ask({ op: 'fingerprint', input: clean }, () => fingerprintOf(clean));
}

/**
 * Both at once, for a computation: the workbook's content crosses to the worker once (copying
 * it is main-thread work that grows with the sheets).
 */
export function runEngineAndFingerprint(
  input: ScoreInput,
  options: AnalyzeOptions,
): Promise<{ out: ScoreOutput; print: string }> {
  const clean = scoreFields(input);
  return ask({ op: 'score+fingerprint', input: clean, options }, () => ({
    out: scoreAndAnalyze(clean, options),
    print: fingerprintOf(clean),
  }));
}
