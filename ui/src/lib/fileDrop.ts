/** Files dragged from the file manager onto the window. Tauri reports positions in physical
 *  pixels for the whole webview; each file field decides whether the drop landed on it. The
 *  shell registers dropped files and hands the page tokens, never paths it could upload
 *  itself. */
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { listen } from "@tauri-apps/api/event";
import type { DroppedFiles, PickedFile } from "../api/bindings";

export type Point = { x: number; y: number };

/** The event the shell sends with the tokens of dropped files. */
export const FILES_DROPPED = "files-dropped";

/** Physical pixels to the CSS pixels of `getBoundingClientRect`. */
export function toCss(position: Point, devicePixelRatio: number): Point {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return { x: position.x / ratio, y: position.y / ratio };
}

export function inside(rect: { left: number; top: number; right: number; bottom: number }, p: Point): boolean {
  return p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom;
}

/** Calls `onHover(over)` while files are dragged over `element` and `onDrop(files)` when they
 *  are dropped on it. Returns the function that stops listening. */
export function acceptFileDrops(
  element: HTMLElement,
  onHover: (over: boolean) => void,
  onDrop: (files: PickedFile[]) => void,
): () => void {
  const hits = (position: Point) => inside(element.getBoundingClientRect(), toCss(position, window.devicePixelRatio));
  const hover = getCurrentWebview()
    .onDragDropEvent(({ payload }) => {
      if (payload.type === "enter" || payload.type === "over") onHover(hits(payload.position));
      else onHover(false);
    })
    // Outside the app (unit tests, a plain browser) there is nothing to listen to.
    .catch(() => () => {});
  const drop = listen<DroppedFiles>(FILES_DROPPED, ({ payload }) => {
    onHover(false);
    if (hits({ x: payload.x, y: payload.y }) && payload.files.length > 0) onDrop(payload.files);
  }).catch(() => () => {});
  return () => {
    void hover.then((unlisten) => unlisten());
    void drop.then((unlisten) => unlisten());
  };
}
