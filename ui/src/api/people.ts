/** Whom a user can mention or assign in a workspace. The only place the UI calls this command; it resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listPeople = (...args: Parameters<typeof commands.listPeople>) => call(commands.listPeople(...args));
