/** Calls `onShow` whenever `node` scrolls into view (within `margin` of it) of `root` (the
 *  window when null), for lists that load more as you scroll. Returns the clean-up, for a Svelte
 *  `$effect` or attachment. */
export function whenVisible(node: Element, onShow: () => void, margin = "200px", root: Element | null = null): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) onShow();
  }, { rootMargin: margin, root });
  observer.observe(node);
  return () => observer.disconnect();
}
