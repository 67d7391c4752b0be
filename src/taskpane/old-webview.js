/*
 * Old webviews (issue 10): inlined by webpack.config.js into the task pane's and the preview's
 * HTML, before the bundle, and written in ES5 by hand (no arrow functions, let/const, template
 * strings, classes; test/taskpane/old-webview.test.ts parses it as ES5) so that every webview runs
 * it — also Internet Explorer 11 (Trident+), which "doesn't support JavaScript versions later than
 * ES5", and Edge Legacy (EdgeHTML), which volume-licensed Office 2016/2019 and older Microsoft 365
 * builds still use for add-ins:
 * https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * Microsoft recommends a graceful failure message there:
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/support-ie-11
 *
 * The bundle is ES2020 from our sources (tsconfig target) but ES2022 as built: Fluent UI's focus
 * library (tabster) ships class static blocks and `??=` untranspiled (test/browser/old-webview.test.ts
 * parses the built bundles as ES2022, and finds they are not ES2021). So Safari before 16.4
 * (older macOS: Excel on Mac uses WKWebView) cannot run it either. This script checks that syntax
 * and the built-ins the pane needs; where
 * one is missing it shows the message that is already in the page (#dp-old-webview, hidden) and
 * sets window.__duanpingUnsupported, which the bundle's entry reads before it renders anything.
 * Where the checks pass but the bundle still fails before it has started (a syntax or runtime
 * error the checks did not foresee), window.onerror shows the same message: the pane is never
 * left blank. The entry sets window.__duanpingStarted once it has rendered; later errors are the
 * pane's own and leave the message hidden.
 */
(function () {
  var w = window;

  /** A global constructor or function of that name. */
  function fn(name) {
    return typeof w[name] === 'function';
  }

  /** The built-ins the bundle (React 18, Fluent UI 9, i18next, the engine) calls without polyfills. */
  function builtIns() {
    var A = Array.prototype;
    var S = String.prototype;
    return (
      fn('Promise') &&
      fn('Map') &&
      fn('Set') &&
      fn('WeakMap') &&
      fn('Symbol') &&
      fn('Proxy') &&
      typeof w.Reflect === 'object' &&
      w.Reflect !== null &&
      fn('Worker') &&
      fn('TextEncoder') &&
      fn('Uint8Array') &&
      fn('URLSearchParams') &&
      typeof Object.assign === 'function' &&
      typeof Object.entries === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.from === 'function' &&
      typeof A.includes === 'function' &&
      typeof A.find === 'function' &&
      typeof A.flat === 'function' &&
      typeof A.flatMap === 'function' &&
      typeof S.includes === 'function' &&
      typeof S.startsWith === 'function' &&
      typeof S.padStart === 'function' &&
      typeof Number.isFinite === 'function'
    );
  }

  /**
   * The bundle's syntax: arrow functions, let/const, classes, template strings, async, spread,
   * ?. and ?? (ES2020), ??= (ES2021), class static blocks (ES2022).
   */
  function syntax() {
    try {
      // A string, so that this file stays ES5; compiled, not run.
      new Function(
        '"use strict"; class A { static { this.s = 1; } m() { return 1; } }' +
          ' const f = async (o, ...r) => o?.a ?? `${r.length}`; let { a, ...b } = { a: 1, c: 2 };' +
          ' b.c ??= 3; for (const x of [1]) {} return [f, a, b, A];'
      );
      return true;
    } catch (e) {
      // A page whose policy forbids compiling strings (EvalError) says nothing about the syntax.
      return !(e instanceof SyntaxError);
    }
  }

  function supported() {
    try {
      return builtIns() && syntax();
    } catch (e) {
      return false;
    }
  }

  function show() {
    var message = document.getElementById('dp-old-webview');
    if (message) message.style.display = 'block';
    var root = document.getElementById('root');
    if (root) root.style.display = 'none';
  }

  if (!supported()) {
    w.__duanpingUnsupported = true;
    // The body (and the message in it) is not parsed yet: show it once it is.
    if (document.getElementById('dp-old-webview')) show();
    else if (document.addEventListener) document.addEventListener('DOMContentLoaded', show);
    else w.onload = show;
    return;
  }

  var before = w.onerror;
  w.onerror = function () {
    if (!w.__duanpingStarted) show();
    return typeof before === 'function' ? before.apply(this, arguments) : false;
  };
})();
