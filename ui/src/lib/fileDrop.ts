/** Files dragged from the file manager onto the window. Tauri reports the drop in physical
 *  pixels for the whole webview; each file field decides whether the drop landed on it. */
import { getCurrentWebview } from "@tauri-apps/api/webview";

export type Point = { x: number; y: number };

/** Physical pixels to the CSS pixels of `getBoundingClientRect`. */
export function toCss(position: Point, devicePixelRatio: number): Point {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return { x: position.x / ratio, y: position.y / ratio };
}

export function inside(rect: { left: number; top: number; right: number; bottom: number }, p: Point): boolean {
  return p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom;
}

/** Calls `onHover(over)` while files are dragged over `element` and `onDrop(paths)` when they are
 *  dropped on it. Returns the function that stops listening. */
export function acceptFileDrops(
  element: HTMLElement,
  onHover: (over: boolean) => void,
  onDrop: (paths: string[]) => void,
): () => void {
  const hits = (position: Point) => inside(element.getBoundingClientRect(), toCss(position, window.devicePixelRatio));
  const stop = getCurrentWebview()
    .onDragDropEvent(({ payload }) => {
      if (payload.type === "enter" || payload.type === "over") onHover(hits(payload.position));
      else if (payload.type === "drop") {
        onHover(false);
        if (hits(payload.position) && payload.paths.length > 0) onDrop(payload.paths);
      } else onHover(false);
    })
    // Outside the app (unit tests, a plain browser) there is nothing to listen to.
    .catch(() => () => {});
  return () => void stop.then((unlisten) => unlisten());
}
