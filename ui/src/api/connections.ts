/** Connections, the app's settings and the built-in demo. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listConnections = (...args: Parameters<typeof commands.listConnections>) => call(commands.listConnections(...args));
export const addConnection = (...args: Parameters<typeof commands.addConnection>) => call(commands.addConnection(...args));
export const replaceKey = (...args: Parameters<typeof commands.replaceKey>) => call(commands.replaceKey(...args));
export const updateConnection = (...args: Parameters<typeof commands.updateConnection>) => call(commands.updateConnection(...args));
export const removeConnection = (...args: Parameters<typeof commands.removeConnection>) => call(commands.removeConnection(...args));
export const setActiveConnection = (...args: Parameters<typeof commands.setActiveConnection>) => call(commands.setActiveConnection(...args));
export const getSettings = (...args: Parameters<typeof commands.getSettings>) => call(commands.getSettings(...args));
export const updateSettings = (...args: Parameters<typeof commands.updateSettings>) => call(commands.updateSettings(...args));
export const startDemo = (...args: Parameters<typeof commands.startDemo>) => call(commands.startDemo(...args));
export const resetDemo = (...args: Parameters<typeof commands.resetDemo>) => call(commands.resetDemo(...args));
export const damagedFiles = (...args: Parameters<typeof commands.damagedFiles>) => commands.damagedFiles(...args);
export const dismissDamagedFiles = (...args: Parameters<typeof commands.dismissDamagedFiles>) => commands.dismissDamagedFiles(...args);
export const launchOptions = (...args: Parameters<typeof commands.launchOptions>) => commands.launchOptions(...args);
export const connectionStatus = (...args: Parameters<typeof commands.connectionStatus>) => call(commands.connectionStatus(...args));
