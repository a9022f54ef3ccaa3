/** Following tables and records. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const followTable = (...args: Parameters<typeof commands.followTable>) => call(commands.followTable(...args));
export const followRecord = (...args: Parameters<typeof commands.followRecord>) => call(commands.followRecord(...args));
export const following = (...args: Parameters<typeof commands.following>) => call(commands.following(...args));
