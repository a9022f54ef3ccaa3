/** Unread notifications and tasks due per connection, as the background watcher last saw them. */
import * as notificationsApi from "../api/notifications";
import { listen } from "@tauri-apps/api/event";
import type { Unread } from "../api/bindings";

class UnreadCounts {
  byConnection = $state<Partial<Record<string, Unread>>>({});

  /** Loads the current counts and follows the watcher's updates; returns the unsubscribe. */
  async follow(): Promise<() => void> {
    this.byConnection = await notificationsApi.unreadCounts();
    return listen<Partial<Record<string, Unread>>>("unread-changed", (event) => {
      this.byConnection = event.payload;
    });
  }
}

export const unread = new UnreadCounts();
