/**
 * A ref that holds the latest `value`, for a callback that must keep its identity (one handed to
 * AG Grid, a document listener added once) yet call what the last render passed. Updated while
 * React commits, so it is current before any event reaches the new render; read it only in
 * callbacks and effects, never while rendering. (A callback called only from effects uses
 * React's useEffectEvent instead.)
 */
import { useLayoutEffect, useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
