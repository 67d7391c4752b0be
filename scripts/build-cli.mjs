// Bundles the command line (src/cli/main.ts) into dist-cli/duanping.cjs for bin/duanping.js.
// Runs on `npm install` (prepare) so that `npx duanping` works straight after installing.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/duanping.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
