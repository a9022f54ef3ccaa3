/** The people of a workspace a user can mention or assign: its members where the key may list
 *  them, else the users seen in its records, plus the authors of the comments on screen. */
import type { Person } from "../api/bindings";

export type { Person };

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+$/.test(s);

/** One entry per user id, with the best name any source gave (a real name over an email or a
 *  placeholder), sorted by name. */
export function mergePeople(...lists: Person[][]): Person[] {
  const byId = new Map<number, Person>();
  for (const list of lists) {
    for (const p of list) {
      if (!Number.isSafeInteger(p.user_id) || p.user_id <= 0) continue;
      const name = p.name.trim();
      const had = byId.get(p.user_id);
      if (!had) {
        byId.set(p.user_id, { user_id: p.user_id, name: name || p.email || `User ${p.user_id}`, email: p.email ?? null });
        continue;
      }
      const weak = (n: string) => n === "" || looksLikeEmail(n) || /^User \d+$/.test(n);
      if (weak(had.name) && name && !weak(name)) had.name = name;
      had.email ??= p.email ?? null;
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.user_id - b.user_id);
}

/** The authors of comments, as people. */
export function commentAuthors(comments: { user_id?: number | null; user_name?: string | null }[]): Person[] {
  return comments.flatMap((c) => (c.user_id != null && c.user_name ? [{ user_id: c.user_id, name: c.user_name, email: null }] : []));
}
