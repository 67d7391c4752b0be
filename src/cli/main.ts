/** Entry point of the bundled command line (bin/duanping.js). */
import { run } from './index';

run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
}).then((code) => {
  process.exitCode = code;
});
