/** The people of each workspace, fetched once per connection and workspace while the app runs:
 *  gathering them costs requests of the rate budget (for a personal key, a read of each table
 *  with user fields), and a team changes slowly. A failed fetch is not kept, so the next use tries
 *  again. */
import * as peopleApi from "../api/people";
import type { People } from "../api/bindings";

const cache = new Map<string, Promise<People>>();

export function peopleOf(connectionId: string, spaceId: number): Promise<People> {
  const key = `${connectionId}:${spaceId}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = peopleApi.listPeople(connectionId, spaceId);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** After a member is added or removed. */
export function forgetPeople(connectionId: string) {
  for (const key of [...cache.keys()]) if (key.startsWith(`${connectionId}:`)) cache.delete(key);
}
