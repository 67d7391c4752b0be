/**
 * The ribbon's function file (manifest: FunctionFile → ribbon-functions.html). The only ribbon button
 * opens the task pane (a ShowTaskpane action that needs no code), so this file just initialises
 * Office.js, as every function file must, and registers no functions yet. Add functions with
 * `Office.actions.associate(name, fn)` and a `<Control>` whose action is `ExecuteFunction`.
 */
Office.onReady(() => {
  // Nothing to register: the task pane button is declarative.
});
