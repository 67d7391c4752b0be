// Bundles the command line (src/cli/main.ts) into dist-cli/duanping.cjs for bin/duanping.js.
// Runs on `npm install` (prepare) so that `npx duanping` works straight after installing.
import { build } from 'esbuild';

/**
 * Program start loads only what a command uses (docs/workbook.md, "Writing speed"):
 * - `exceljs`: its index also loads the streaming reader and writer (unzipper and friends,
 *   ~0.1 s CPU), which no command uses; the workbook class and enums load at start, the rest of
 *   the index only if something asks for `stream`.
 * - `@stdlib/*` (the rater analysis's distributions, ~0.1 s CPU): each is one function,
 *   loaded when first called.
 * Every other package is required as it is (external, from node_modules).
 */
const lazyStart = {
  name: 'lazy-start',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'lazy-exceljs' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      contents: `const Workbook = require('exceljs/lib/doc/workbook');
module.exports = Object.assign({ Workbook }, require('exceljs/lib/doc/enums'));
Object.defineProperty(module.exports, 'stream', { get: () => require('exceljs/lib/exceljs.nodejs.js').stream });`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
    b.onResolve({ filter: /^@stdlib\// }, (args) =>
      args.namespace === 'lazy-fn'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-fn' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-fn' }, (args) => ({
      contents: `let fn;
module.exports = function () {
  return (fn || (fn = require(${JSON.stringify(args.path)}))).apply(this, arguments);
};`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/duanping.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  plugins: [lazyStart],
  sourcemap: 'linked',
  logLevel: 'warning',
});
