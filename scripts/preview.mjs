#!/usr/bin/env node
/**
 * `npm run preview`: serves the preview (the task pane against the fake Excel API) over http on
 * http://localhost:$PORT (default 3000; `--port N` also works) with webpack-dev-server, and
 * prints the address. No certificates, no Office: any browser will do.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The port from `--port N`, then $PORT, then 3000; a one-line error for anything else. */
export function previewPort(argv = process.argv.slice(2), env = process.env) {
  const i = argv.indexOf('--port');
  const raw = i !== -1 ? argv[i + 1] : (env.PORT ?? '3000');
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`the port must be a whole number 1–65535 (found "${raw}")`);
  return port;
}

/** Starts the preview dev server; resolves with its address once it listens. */
export async function startPreview(port) {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require('../webpack.config.js');
  const config = await makeConfig({ preview: true, WEBPACK_SERVE: true }, { mode: 'development' });
  config.mode = 'development';
  const server = new WebpackDevServer({ ...config.devServer, port, host: 'localhost' }, webpack(config));
  await server.start();
  return { url: `http://localhost:${port}/`, stop: () => server.stop() };
}

async function main() {
  let port;
  try {
    port = previewPort();
  } catch (e) {
    console.error(`preview: ${e.message}`);
    process.exit(2);
  }
  try {
    const { url } = await startPreview(port);
    console.log(`Duanping preview: ${url}  (Ctrl+C to stop)`);
  } catch (e) {
    const why = e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT or --port)` : e.message;
    console.error(`preview: ${why}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
