/** Web links in plain text, for making them clickable. Only http(s) is recognised; the shell
 *  checks again before it opens anything. */

export type LinkPart = { kind: "text"; text: string } | { kind: "link"; url: string };

const URL_RE = /https?:\/\/[^\s<>"'`]+/gi;

/** A link's end without the punctuation that usually follows one in a sentence; a closing
 *  bracket stays when the link opened one (`…/Rust_(language)`). */
function trimTail(url: string): string {
  let u = url;
  for (;;) {
    const last = u.at(-1);
    if (last && ".,;:!?'\"".includes(last)) u = u.slice(0, -1);
    else if (last === ")" && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    else return u;
  }
}

export function linkParts(text: string): LinkPart[] {
  const parts: LinkPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    const url = trimTail(m[0]);
    if (!/^https?:\/\/[^/?#\s]+/i.test(url)) continue;
    if (at > last) parts.push({ kind: "text", text: text.slice(last, at) });
    parts.push({ kind: "link", url });
    last = at + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
