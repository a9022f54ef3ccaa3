/** Files of file fields, and the user's own files: picking and showing downloads. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const chooseFiles = (...args: Parameters<typeof commands.chooseFiles>) => call(commands.chooseFiles(...args));
export const uploadFile = (...args: Parameters<typeof commands.uploadFile>) => call(commands.uploadFile(...args));
export const deleteFile = (...args: Parameters<typeof commands.deleteFile>) => call(commands.deleteFile(...args));
export const downloadFile = (...args: Parameters<typeof commands.downloadFile>) => call(commands.downloadFile(...args));
export const showDownload = (...args: Parameters<typeof commands.showDownload>) => call(commands.showDownload(...args));
export const openDownload = (...args: Parameters<typeof commands.openDownload>) => call(commands.openDownload(...args));
