/** Mentions. On the wire a mention is `@{<user id>:<name>}` (§10.2); people read and type
 *  `@name`. The composer keeps the people picked for a draft and writes their tokens when the
 *  comment is posted, so the textarea never shows ids. */

export type Mentionable = { user_id: number; name: string };

const TOKEN = /@\{(\d+):([^}]*)\}/g;

/** Mentions arrive as `@{<user id>:<name>}`; people read `@name`. */
export function plainMentions(text: string): string {
  return text.replace(TOKEN, "@$2");
}

/** A name as it may stand inside a token: no `}` (which would end it) and no line breaks. */
export function tokenName(name: string): string {
  return name.replace(/[}\r\n]/g, "").trim();
}

export type MentionPart = { kind: "text"; text: string } | { kind: "mention"; userId: number; name: string };

/** Text split into plain runs and mentions, for showing mentions as chips. */
export function mentionParts(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: "text", text: text.slice(last, at) });
    parts.push({ kind: "mention", userId: Number(m[1]), name: m[2] ?? "" });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** The `@word` being typed just before the caret, if any: where it starts and what follows `@`. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s(])@([^\s@{}]{0,40})$/.exec(before);
  if (!m) return null;
  return { start: before.length - (m[2] ?? "").length - 1, query: m[2] ?? "" };
}

/** People whose name or email matches what follows `@`: names starting with it first, then
 *  names containing it, then emails; at most `max`. */
export function matchPeople<P extends Mentionable & { email?: string | null }>(people: P[], query: string, max = 8): P[] {
  const q = query.trim().toLocaleLowerCase();
  const rank = (p: P): number => {
    const name = p.name.toLocaleLowerCase();
    if (q === "" || name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (name.includes(q)) return 2;
    if ((p.email ?? "").toLocaleLowerCase().includes(q)) return 3;
    return -1;
  };
  return people
    .map((p) => ({ p, r: rank(p) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.p.name.localeCompare(b.p.name))
    .slice(0, max)
    .map((x) => x.p);
}

/** The draft with `@query` at `start` replaced by `@Name `, and where the caret goes next. */
export function insertMention(text: string, start: number, caret: number, person: Mentionable): { text: string; caret: number } {
  const label = `@${tokenName(person.name)} `;
  return { text: text.slice(0, start) + label + text.slice(caret), caret: start + label.length };
}

/** What is posted: each `@Name` of a person picked for this draft becomes their token. A picked
 *  person whose `@Name` was deleted from the text is not mentioned. Longer names go first, so
 *  `@Ann Lee` is not taken for `@Ann`. */
export function encodeMentions(text: string, picked: Mentionable[]): string {
  const byLength = [...picked].sort((a, b) => tokenName(b.name).length - tokenName(a.name).length);
  let out = text;
  for (const p of byLength) {
    const name = tokenName(p.name);
    if (name === "") continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Not inside a token already written, and not the start of a longer word.
    out = out.replace(new RegExp(`(^|[^\\w{])@${escaped}(?![\\w])`, "gu"), (_m, lead: string) => `${lead}@{${p.user_id}:${name}}`);
  }
  return out;
}

/** The picked people still named in the draft, for showing whom the comment will notify. */
export function mentionedIn(text: string, picked: Mentionable[]): Mentionable[] {
  const encoded = encodeMentions(text, picked);
  const ids = new Set(mentionParts(encoded).flatMap((p) => (p.kind === "mention" ? [p.userId] : [])));
  return picked.filter((p) => ids.has(p.user_id));
}
