/** `duanping templates [--json]` and `duanping template ID`. */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { builtinTemplateJson, builtinTemplates } from '../../core/templates';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('templates')
    .description('list the built-in templates: id and name, one per line')
    .option('--json', 'print an array of {id, name}')
    .action((opts: { json?: boolean }) => {
      const list = builtinTemplates().map((t) => ({ id: t.id, name: t.name }));
      ctx.io.out(opts.json ? JSON.stringify(list, null, 2) : list.map((t) => `${t.id} ${t.name}`).join('\n'));
    });

  program
    .command('template')
    .description('print one built-in template as duanping.template/1 JSON')
    .argument('<id>', 'template id (see `duanping templates`)')
    .action((id: string) => {
      const json = builtinTemplateJson(id);
      if (!json)
        throw new InputError(
          `unknown template "${id}": the built-in ones are ${builtinTemplates()
            .map((t) => t.id)
            .join(', ')}`,
        );
      ctx.io.out(JSON.stringify(json, null, 2));
    });
}
