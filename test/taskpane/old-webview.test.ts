/**
 * The old-webview check (src/taskpane/old-webview.js) on its own, in a Node vm context standing
 * in for a page: it is ES5; where a built-in or the bundle's syntax is missing it shows the
 * message and tells the bundle not to start; where all is there it stays quiet until an error
 * comes before the pane has started. (test/browser/old-webview.test.ts runs it in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';

const SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'old-webview.js'), 'utf8');

interface Page {
  window: Record<string, unknown>;
  message: { style: { display: string } };
  root: { style: { display: string } };
}

/** Runs the check in a fresh context with the page's elements; `strip` runs first, as a webview lacking things. */
function runCheck(strip = ''): Page {
  const message = { style: { display: 'none' } };
  const root = { style: { display: '' } };
  const document = {
    getElementById: (id: string) => (id === 'dp-old-webview' ? message : id === 'root' ? root : null),
    addEventListener: () => undefined,
  };
  // What a browser has and a bare vm context lacks.
  const window: Record<string, unknown> = {
    document,
    Worker: function Worker() {},
    TextEncoder,
    URLSearchParams,
  };
  window.window = window;
  runInNewContext(`${strip}\n${SOURCE}`, window);
  return { window, message, root };
}

test('the check is ES5, so that Internet Explorer 11 runs it', () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  expect(() => parse('const f = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});

test.each([
  ['Promise', 'delete this.Promise;'],
  ['Symbol', 'delete this.Symbol;'],
  ['Proxy', 'delete this.Proxy;'],
  ['Array.prototype.includes', 'Array.prototype.includes = undefined;'],
  ['Object.fromEntries (Edge Legacy)', 'Object.fromEntries = undefined;'],
  ['Worker', 'this.Worker = undefined;'],
])('without %s: the message shows and the pane must not start', (_what, strip) => {
  const page = runCheck(strip);
  expect(page.message.style.display).toBe('block');
  expect(page.root.style.display).toBe('none');
  expect(page.window.__duanpingUnsupported).toBe(true);
});

test('without the syntax the bundle uses (compiling it fails with a SyntaxError): the message shows', () => {
  const page = runCheck(
    'var RealFunction = Function; this.Function = function () { throw new SyntaxError("Unexpected token"); };',
  );
  expect(page.message.style.display).toBe('block');
  expect(page.window.__duanpingUnsupported).toBe(true);
});

test('a page that forbids compiling strings (EvalError) is not taken for an old webview', () => {
  const page = runCheck('this.Function = function () { throw new EvalError("unsafe-eval"); };');
  expect(page.message.style.display).toBe('none');
  expect(page.window.__duanpingUnsupported).toBeUndefined();
});

test('everything there: quiet; an error before the pane started shows the message, after it does not', () => {
  const page = runCheck();
  expect(page.message.style.display).toBe('none');
  expect(page.window.__duanpingUnsupported).toBeUndefined();
  const onerror = page.window.onerror as (...args: unknown[]) => unknown;
  expect(typeof onerror).toBe('function');

  page.window.__duanpingStarted = true;
  onerror('TypeError: x is not a function');
  expect(page.message.style.display).toBe('none');

  page.window.__duanpingStarted = undefined;
  onerror('SyntaxError: Unexpected token');
  expect(page.message.style.display).toBe('block');
});
