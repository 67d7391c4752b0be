/**
 * The `duanping` program: commands registered on commander, run in-process with injectable
 * output so tests see exactly what a user sees. Exit codes (formats.md): 0 success, 1 the input
 * has problems (results still printed), 2 the command itself is wrong — one line on stderr.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../core/errors';
import type { CliContext, CliIO } from './context';
import * as analyze from './commands/analyze';
import * as build from './commands/build';
import * as exportCmd from './commands/export';
import * as init from './commands/init';
import * as report from './commands/report';
import * as score from './commands/score';
import * as signoff from './commands/signoff';
import * as templates from './commands/templates';
import * as verify from './commands/verify';

/** Every command module exports `register(program, ctx)`; add new ones here. */
const COMMANDS: { register(program: Command, ctx: CliContext): void }[] = [
  templates,
  score,
  analyze,
  init,
  build,
  signoff,
  verify,
  exportCmd,
  report,
];

export async function run(argv: string[], io: CliIO): Promise<number> {
  let code = 0;
  const ctx: CliContext = { io, exit: (c) => (code = Math.max(code, c)) };
  const program = new Command('duanping')
    .description('端平 Duanping: scores, ranks, tiers and rater consistency for multi-rater assessments')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => undefined })
    .showSuggestionAfterError(true);
  for (const c of COMMANDS) c.register(program, ctx);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => undefined });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      io.err(`duanping: ${e.message.replace(/^error: /, '').split('\n')[0]}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`duanping: ${e.message}`);
      return 2;
    }
    const err = e as Error;
    io.err(`duanping: unexpected error: ${err.message ?? String(e)} (set DUANPING_DEBUG=1 for details)`);
    if (process.env.DUANPING_DEBUG) io.err(err.stack ?? '');
    return 2;
  }
}
