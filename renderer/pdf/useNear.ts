import { useEffect, useState, type RefObject } from 'react';

/** Render a little before a page scrolls into view; free its pixels once it is well out of view. */
const NEAR_MARGIN = '600px 0px';

/** One observer per scrolling box, shared by all its pages (hundreds of them). */
const observers = new WeakMap<Element, { observer: IntersectionObserver; listeners: Map<Element, (near: boolean) => void> }>();

function observe(root: Element, target: Element, listener: (near: boolean) => void): () => void {
  let entry = observers.get(root);
  if (!entry) {
    const listeners = new Map<Element, (near: boolean) => void>();
    const observer = new IntersectionObserver(
      (changes) => changes.forEach((c) => listeners.get(c.target)?.(c.isIntersecting)),
      { root, rootMargin: NEAR_MARGIN },
    );
    entry = { observer, listeners };
    observers.set(root, entry);
  }
  const { observer, listeners } = entry;
  listeners.set(target, listener);
  observer.observe(target);
  return () => {
    observer.unobserve(target);
    listeners.delete(target);
  };
}

/** True while `target` is in or near the visible part of `root`. */
export function useNear(target: RefObject<Element | null>, root: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = target.current;
    const box = root.current;
    if (!el || !box) return;
    return observe(box, el, setNear);
  }, [target, root]);
  return near;
}
