/**
 * The bundle's side of the old-webview check (./old-webview.js, inlined in the page before the
 * bundle): whether that check found this webview unable to run the pane (its message is then
 * shown and the pane must not render), and telling it that the pane has started (errors after
 * that are the pane's own and leave the message hidden).
 */
interface StartupFlags {
  __duanpingUnsupported?: boolean;
  __duanpingStarted?: boolean;
}

const flags = (): StartupFlags => window as unknown as StartupFlags;

/** True where the page's old-webview check showed its message instead of the pane. */
export function webviewUnsupported(): boolean {
  return flags().__duanpingUnsupported === true;
}

/** The pane has rendered: from now on, an uncaught error does not show the old-webview message. */
export function markStarted(): void {
  flags().__duanpingStarted = true;
}
