/**
 * What every command gets: output streams, file reading with one-line errors, the language, and
 * the exit code it settles on. Keeping these here lets tests run the CLI in-process.
 */
import { InputError } from '../core/errors';
import { readTextFile } from './files';
import { builtinTemplateJson, getBuiltinTemplate } from '../core/templates';
import { parseTemplateJson, type Template } from '../core/template';
import type { Lang } from '../core/types';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  io: CliIO;
  /** Highest exit code wins: 0 ok, 1 the input has problems, 2 the command is wrong. */
  exit(code: 0 | 1 | 2): void;
}

/**
 * Reads a text file in whatever encoding it is (UTF-8, UTF-16, GBK — see files.ts); a missing,
 * binary or undecodable file is a one-line InputError. When `io` is given, a file that was not
 * UTF-8 is said so in one line on stderr.
 */
export function readText(path: string, io?: CliIO): string {
  const d = readTextFile(path);
  if (d.note && io) io.err(d.note);
  return d.text;
}

/** `T` of formats.md: a built-in template id, or a path to a template file. */
export function loadTemplate(spec: string, io?: CliIO): Template {
  const builtin = getBuiltinTemplate(spec);
  if (builtin) return builtin;
  if (!/[./\\]/.test(spec))
    throw new InputError(
      `unknown template "${spec}": use a built-in id (see \`duanping templates\`) or a path to a .json file`,
    );
  const v = parseTemplateJson(readText(spec, io));
  if (!v.ok) {
    const more =
      v.errors.length > 1
        ? ` (and ${v.errors.length - 1} more problem${v.errors.length > 2 ? 's' : ''})`
        : '';
    throw new InputError(`${spec}: ${v.errors[0]}${more}`);
  }
  return v.template;
}

export { builtinTemplateJson };

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'zh';
  if (value === 'zh' || value === 'en') return value;
  throw new InputError(`--lang must be zh or en (found "${value}")`);
}
