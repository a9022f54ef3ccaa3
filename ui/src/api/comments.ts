/** Comments on records and the files they carry. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listComments = (...args: Parameters<typeof commands.listComments>) => call(commands.listComments(...args));
export const createComment = (...args: Parameters<typeof commands.createComment>) => call(commands.createComment(...args));
export const uploadCommentFile = (...args: Parameters<typeof commands.uploadCommentFile>) => call(commands.uploadCommentFile(...args));
export const downloadCommentFile = (...args: Parameters<typeof commands.downloadCommentFile>) => call(commands.downloadCommentFile(...args));
