#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into Excel desktop with office-addin-debugging when that
 * optional package is installed AND Excel desktop is present (Windows or macOS); otherwise it
 * starts the preview (http://localhost:$PORT, default 3000) and says why.
 * See docs/sideload.md for Excel on the web and for manual sideloading.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { previewPort, startPreview } from './preview.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where Excel desktop lives on this machine, or null. */
export function findExcel(platform = process.platform, env = process.env) {
  const candidates =
    platform === 'win32'
      ? [env.ProgramFiles, env['ProgramFiles(x86)']]
          .filter(Boolean)
          .flatMap((pf) => [
            join(pf, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE'),
            join(pf, 'Microsoft Office', 'Office16', 'EXCEL.EXE'),
          ])
      : platform === 'darwin'
        ? ['/Applications/Microsoft Excel.app']
        : [];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** The office-addin-debugging CLI, or null when the optional package is absent. */
export function findDebugging() {
  try {
    return join(dirname(require.resolve('office-addin-debugging/package.json')), 'cli.js');
  } catch {
    return null;
  }
}

async function main() {
  const excel = findExcel();
  const debugging = findDebugging();
  if (excel && debugging) {
    console.log(
      `Sideloading into ${excel} with office-addin-debugging (stop with: npx office-addin-debugging stop manifest.xml)`,
    );
    const child = spawn(
      process.execPath,
      [
        debugging,
        'start',
        join(ROOT, 'manifest.xml'),
        'desktop',
        '--app',
        'excel',
        '--dev-server',
        'npx webpack serve --mode development',
        '--dev-server-port',
        '3000',
      ],
      {
        stdio: 'inherit',
        cwd: ROOT,
      },
    );
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  const why = !excel
    ? 'Excel desktop was not found on this machine'
    : 'office-addin-debugging is not installed';
  console.log(`${why}: starting the preview instead (sideloading: docs/sideload.md).`);
  let port;
  try {
    port = previewPort();
  } catch (e) {
    console.error(`start: ${e.message}`);
    process.exit(2);
  }
  try {
    const { url } = await startPreview(port);
    console.log(`Duanping preview: ${url}  (Ctrl+C to stop)`);
  } catch (e) {
    console.error(
      `start: ${e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT or --port)` : e.message}`,
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
