/** Records: a table's pages of them, one record, changes, batch deletes, and how the table's grid is laid out. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const tablePage = (...args: Parameters<typeof commands.tablePage>) => call(commands.tablePage(...args));
export const recordDetail = (...args: Parameters<typeof commands.recordDetail>) => call(commands.recordDetail(...args));
export const createRecord = (...args: Parameters<typeof commands.createRecord>) => call(commands.createRecord(...args));
export const updateRecord = (...args: Parameters<typeof commands.updateRecord>) => call(commands.updateRecord(...args));
export const deleteRecord = (...args: Parameters<typeof commands.deleteRecord>) => call(commands.deleteRecord(...args));
export const tableRows = (...args: Parameters<typeof commands.tableRows>) => call(commands.tableRows(...args));
export const deleteRecords = (...args: Parameters<typeof commands.deleteRecords>) => call(commands.deleteRecords(...args));
export const tableLayout = (...args: Parameters<typeof commands.tableLayout>) => call(commands.tableLayout(...args));
export const saveTableLayout = (...args: Parameters<typeof commands.saveTableLayout>) => call(commands.saveTableLayout(...args));
