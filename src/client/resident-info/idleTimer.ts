/**
 * Calls `onIdle` after `ms` without a touch, click, key or scroll inside `root`, so the next resident
 * starts at the language picker instead of the last resident's screen. Returns a stop function.
 */
export function watchIdle(root: HTMLElement, ms: number, onIdle: () => void): () => void {
  let timer = setTimeout(onIdle, ms);
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
  for (const e of events) root.addEventListener(e, reset, { passive: true });
  return () => {
    clearTimeout(timer);
    for (const e of events) root.removeEventListener(e, reset);
  };
}
