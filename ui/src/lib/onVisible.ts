/** Calls `onShow` whenever `node` scrolls into view (within `margin` of it), for lists that load
 *  more as you scroll. Returns the clean-up, for a Svelte `$effect` or attachment. */
export function whenVisible(node: Element, onShow: () => void, margin = "200px"): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) onShow();
  }, { rootMargin: margin });
  observer.observe(node);
  return () => observer.disconnect();
}
