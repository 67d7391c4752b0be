/**
 * What the task pane asks of its engine worker and what it answers: the whole computation
 * (scores, rater analysis, reliability) and the fingerprint of what the workbook holds.
 */
import type { AnalyzeOptions } from '../../core/pipeline';
import type { ScoreInput, ScoreOutput } from '../../core/scoring';

export type EngineRequest =
  | { id: number; op: 'score'; input: ScoreInput; options: AnalyzeOptions }
  | { id: number; op: 'score+fingerprint'; input: ScoreInput; options: AnalyzeOptions }
  | { id: number; op: 'fingerprint'; input: FingerprintInput };

export type EngineReply =
  | { id: number; ok: true; out: ScoreOutput | string | { out: ScoreOutput; print: string } }
  | { id: number; ok: false; message: string };

/** The parts of the workbook a computation depends on. */
export type FingerprintInput = Pick<
  ScoreInput,
  'template' | 'entries' | 'adjustments' | 'ratees' | 'raters' | 'tallies'
>;
