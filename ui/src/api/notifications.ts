/** Notifications, and the watcher's counts and checks. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listNotifications = (...args: Parameters<typeof commands.listNotifications>) => call(commands.listNotifications(...args));
export const markNotification = (...args: Parameters<typeof commands.markNotification>) => call(commands.markNotification(...args));
export const markAllNotificationsRead = (...args: Parameters<typeof commands.markAllNotificationsRead>) => call(commands.markAllNotificationsRead(...args));
export const unreadCounts = (...args: Parameters<typeof commands.unreadCounts>) => commands.unreadCounts(...args);
export const checkNow = (...args: Parameters<typeof commands.checkNow>) => commands.checkNow(...args);
