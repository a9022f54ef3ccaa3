/** Native alerts: what each connection alerts for, a test alert, start at login. The only
 *  place the UI calls these commands. */
import { commands } from "./bindings";
import { call } from "./call";

export const setAlertPrefs = (...args: Parameters<typeof commands.setAlertPrefs>) => call(commands.setAlertPrefs(...args));
export const sendTestNotification = (...args: Parameters<typeof commands.sendTestNotification>) => call(commands.sendTestNotification(...args));
export const autostartEnabled = (...args: Parameters<typeof commands.autostartEnabled>) => call(commands.autostartEnabled(...args));
export const setAutostart = (...args: Parameters<typeof commands.setAutostart>) => call(commands.setAutostart(...args));
