/** Web links from fields and comments, opened by the shell in the default browser (http and https only). The only place the UI calls this command; it resolves or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const openLink = (...args: Parameters<typeof commands.openLink>) => call(commands.openLink(...args));
