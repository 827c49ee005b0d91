/**
 * A function component that re-renders only when one of its props changed (shallow, by identity):
 * Preact core's shouldComponentUpdate, without preact/compat (which would add to the initial bundle).
 * The pack screen uses it so a scan re-renders the ticked line and the feedback, not the whole card.
 */
import { createElement, type Component, type FunctionComponent } from 'preact';

/** Wraps `component` so it skips rendering while its props are shallow-equal to the last ones. */
export function memo<P extends object>(component: FunctionComponent<P>): FunctionComponent<P> {
  function shouldComponentUpdate(this: Component<P>, next: P): boolean {
    return shallowDiffers(this.props as Record<string, unknown>, next as Record<string, unknown>);
  }
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = shouldComponentUpdate;
    return createElement(component as FunctionComponent<object>, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo;
}

function shallowDiffers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}
