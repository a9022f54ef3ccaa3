/** Tables, their design, and their views. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listTables = (...args: Parameters<typeof commands.listTables>) => call(commands.listTables(...args));
export const getTable = (...args: Parameters<typeof commands.getTable>) => call(commands.getTable(...args));
export const createTable = (...args: Parameters<typeof commands.createTable>) => call(commands.createTable(...args));
export const updateTable = (...args: Parameters<typeof commands.updateTable>) => call(commands.updateTable(...args));
export const deleteTable = (...args: Parameters<typeof commands.deleteTable>) => call(commands.deleteTable(...args));
export const listViews = (...args: Parameters<typeof commands.listViews>) => call(commands.listViews(...args));
