/**
 * Builds the Excel add-in (modelled on Microsoft's Office-Addin-TaskPane-React template), or the
 * in-browser preview.
 *
 *   webpack --mode production              → dist/: taskpane.html, ribbon-functions.html, assets/, manifest.xml
 *   webpack --mode development             → the same, unminified
 *   webpack --env preview [--mode …]       → dist/preview/: preview.html only (never in the add-in)
 *   webpack serve --env preview            → the preview on http://localhost:$PORT (default 3000)
 *   webpack serve                          → the add-in over https on port 3000, for sideloading;
 *                                            needs office-addin-dev-certs (absent offline)
 *
 * In production the manifest copied to dist/ points at ADDIN_URL (an https URL ending in "/")
 * instead of https://localhost:3000/; without ADDIN_URL the development URLs are kept.
 * TypeScript is only transpiled here (ts-loader transpileOnly); `npm run typecheck` checks types.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');

// src/hosts/xlsx/schema-fixes.ts patches exceljs's Node sources (lib/…) for the command line;
// the pane uses exceljs's browser bundle, so those sources stay out of the bundles (the patch then
// reports that it could not apply). src/hosts/xlsx/native-zip.ts likewise hands exceljs's Node
// writer to archiver (native zlib); the browser bundle keeps its own zip.
const nodeOnlyExceljs = () => new webpack.IgnorePlugin({ resourceRegExp: /^(exceljs\/lib\/|archiver$)/ });

const URL_DEV = 'https://localhost:3000/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The address the production manifest points at, checked; null keeps the development URLs. */
function productionUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return null;
  if (!/^https:\/\/[^/\s]+\/(\S*\/)?$/.test(url))
    throw new Error(`ADDIN_URL must be an https URL ending in "/" (found "${url}")`);
  return url;
}

/** Rewrites the development URLs of the manifest to `url` (and the app domain to its origin). */
function rewriteManifest(content, url) {
  const text = content.toString();
  if (!url) return text;
  return text.split(URL_DEV).join(url).split(URL_DEV.slice(0, -1)).join(new URL(url).origin);
}

/**
 * The message for webviews that cannot run the bundle (Internet Explorer 11, Edge Legacy): in the
 * page, hidden, shown by src/taskpane/old-webview.js (inlined before the bundle, ES5) where the
 * bundle cannot run. What to use instead follows Microsoft's "Browsers and webview controls used
 * by Office Add-ins" (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 */
const OLD_WEBVIEW_MESSAGE = `<div id="dp-old-webview" role="alert" style="display:none;padding:12px;font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;line-height:1.5">
      <p lang="zh-CN"><strong>端平无法在此版本的 Office 中运行。</strong>此 Office 用旧的网页控件（如 Internet Explorer 11、旧版 Edge 或旧版 Safari）显示加载项，缺少端平需要的功能。请改用：Microsoft 365 或 Office 2021 及以上版本的 Excel；或在 Edge、Chrome 浏览器中打开 Excel 网页版；零售版 Office 2016/2019 安装 Microsoft Edge WebView2 运行时后也可以；Mac 上请把 macOS 更新到带 Safari 16.4 或更高版本。也可以用命令行工具 duanping。</p>
      <p lang="en"><strong>Duanping cannot run in this version of Office.</strong> This Office shows add-ins in an old web view (such as Internet Explorer 11, Edge Legacy or an old Safari) that lacks features Duanping needs. Use instead: Excel from Microsoft 365 or Office 2021 or later; or Excel on the web in Edge or Chrome; retail Office 2016/2019 also works once the Microsoft Edge WebView2 Runtime is installed; on a Mac, update macOS to one with Safari 16.4 or later. The duanping command line works too.</p>
    </div>`;

/** The old-webview check, inlined (it must run before the bundle, also where the bundle cannot). */
function oldWebviewScript() {
  return fs.readFileSync(path.join(__dirname, 'src', 'taskpane', 'old-webview.js'), 'utf8');
}

/**
 * A minimal HTML page: a root element, the bundle, and Office.js when the page runs in Office.
 * `guard`: the old-webview check and its message (task pane and preview).
 */
function page({ title, withOffice, guard = false, body = '<div id="root"></div>' }) {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${guard ? `<script>\n${oldWebviewScript()}</script>` : ''}
    ${withOffice ? `<script type="text/javascript" src="${OFFICE_JS}"></script>` : ''}
  </head>
  <body>
    ${guard ? OLD_WEBVIEW_MESSAGE : ''}
    ${body}
  </body>
</html>
`;
}

/** Shared loaders and resolution for both builds. */
function common(dev) {
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext]' },
        },
      ],
    },
    performance: { hints: false },
  };
}

/** The add-in: task pane, ribbon function file, icons, help page and manifest. */
function addinConfig(dev) {
  const url = dev ? null : productionUrl();
  return {
    ...common(dev),
    entry: {
      taskpane: './src/taskpane/index.tsx',
      'ribbon-functions': './src/ribbon/function-file.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    optimization: { splitChunks: { chunks: 'all' } },
    plugins: [
      nodeOnlyExceljs(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateContent: page({ title: '端平考核 Duanping', withOffice: true, guard: true }),
      }),
      new HtmlWebpackPlugin({
        filename: 'ribbon-functions.html',
        chunks: ['ribbon-functions'],
        templateContent: page({ title: 'Duanping ribbon functions', withOffice: true, body: '' }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content, url) },
        ],
      }),
    ],
    devServer: {
      hot: true,
      port: Number(process.env.PORT || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: 'https', // options filled in by the exported function when serving
    },
  };
}

/** https options for the add-in dev server (Office only loads https pages); a clear error without certificates. */
async function devCertificates() {
  let certs;
  try {
    certs = require('office-addin-dev-certs');
  } catch {
    throw new Error(
      'the add-in dev server needs https certificates from office-addin-dev-certs, which is not installed; use `npm run preview` (http) instead',
    );
  }
  return certs.getHttpsServerOptions();
}

/** The preview: the task pane against the fake Excel API, in any browser, over http. */
function previewConfig(dev) {
  return {
    ...common(dev),
    entry: { preview: './src/preview/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'preview'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      nodeOnlyExceljs(),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['preview'],
        templateContent: page({ title: '端平考核 Duanping — preview', withOffice: false, guard: true }),
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*', to: 'assets/[name][ext]' }] }),
    ],
    devServer: {
      hot: true,
      host: 'localhost',
      port: Number(process.env.PORT || 3000),
      server: 'http',
      static: false,
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = (argv.mode || process.env.NODE_ENV || 'production') === 'development';
  if (env.preview) return previewConfig(dev);
  const config = addinConfig(dev);
  if (env.WEBPACK_SERVE) config.devServer.server = { type: 'https', options: await devCertificates() };
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
