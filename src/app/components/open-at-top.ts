/**
 * Screens open scrolled to the top: the scan field, the feedback line and the step to do sit there.
 * The document keeps its scroll across a change of screen or of a flow's step (claiming a batch low
 * in the list left the pick screen scrolled, its scan field off screen), so each such change resets it.
 */
import { useLayoutEffect } from 'preact/hooks';

/** Scrolls the page to the top whenever `key` changes (and on first render). */
export function useOpenAtTop(key: string): void {
  useLayoutEffect(() => {
    if (window.scrollY !== 0 || window.scrollX !== 0) window.scrollTo(0, 0);
  }, [key]);
}
