/**
 * Browser test harness: builds the preview with the project's own webpack config (the same
 * `--env preview` build `npm run preview` serves, development mode without source maps for
 * speed), serves it over http on a free port, and launches the Debian Chromium headless.
 */
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Builds the preview into `outDir` with webpack's node API; rejects with webpack's errors.
 * Development mode (the default, for tests) skips source maps and minification.
 */
export function buildPreview(
  outDir: string,
  mode: 'development' | 'production' = 'development',
): Promise<void> {
  return buildWith({ preview: true }, outDir, mode);
}

/**
 * Builds the add-in (dist/'s taskpane.html, ribbon-functions.html, bundles, manifest) into
 * `outDir`, as `npm run build` does, in development mode without source maps by default.
 */
export function buildAddin(
  outDir: string,
  mode: 'development' | 'production' = 'development',
): Promise<void> {
  return buildWith({}, outDir, mode);
}

async function buildWith(
  env: Record<string, unknown>,
  outDir: string,
  mode: 'development' | 'production',
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<import('webpack').Configuration>;
  const config = await makeConfig(env, { mode });
  config.mode = mode;
  config.devtool = false;
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  await new Promise<void>((ok, fail) =>
    webpack(config).run((err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    }),
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves a directory over http on 127.0.0.1 (a free port); `/` is index.html. */
export async function serveDir(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with the project's flags and a fresh profile directory (playwright takes the
 * profile as launchPersistentContext's first argument and passes it as --user-data-dir).
 */
export async function launchChromium(viewport = { width: 1280, height: 860 }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'dp-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
