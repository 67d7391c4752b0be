/**
 * The built-in templates, kept as data files beside this one (drawn from ../shared/spec/domain.md).
 * Each is validated on load: a broken data file is a programming error caught by the tests.
 */
import { validateTemplate, type Template } from '../template';
import agencyAnnual from './agency-annual.json';
import competenceBallot from './competence-ballot.json';
import democraticBallot from './democratic-ballot.json';
import dutyReport from './duty-report.json';
import fiveStage from './five-stage.json';
import starRating from './star-rating.json';

const RAW: unknown[] = [dutyReport, agencyAnnual, fiveStage, democraticBallot, competenceBallot, starRating];

let cache: Template[] | null = null;

export function builtinTemplates(): Template[] {
  if (!cache) {
    cache = RAW.map((raw) => {
      const v = validateTemplate(raw);
      if (!v.ok) throw new Error(`built-in template ${(raw as { id?: string }).id}: ${v.errors.join('; ')}`);
      return v.template;
    });
  }
  return cache;
}

export function getBuiltinTemplate(id: string): Template | undefined {
  return builtinTemplates().find((t) => t.id === id);
}

/** The raw JSON of a built-in template, as shipped (for `duanping template ID`). */
export function builtinTemplateJson(id: string): unknown {
  return RAW.find((raw) => (raw as { id: string }).id === id);
}
