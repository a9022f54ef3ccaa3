/** Exports: the save dialog and the file the window fills in pieces. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const chooseExportFile = (...args: Parameters<typeof commands.chooseExportFile>) => call(commands.chooseExportFile(...args));
export const exportAppend = (...args: Parameters<typeof commands.exportAppend>) => call(commands.exportAppend(...args));
export const exportFinish = (...args: Parameters<typeof commands.exportFinish>) => call(commands.exportFinish(...args));
export const exportAbort = (...args: Parameters<typeof commands.exportAbort>) => call(commands.exportAbort(...args));
export const exportAppendRows = (...args: Parameters<typeof commands.exportAppendRows>) => call(commands.exportAppendRows(...args));
