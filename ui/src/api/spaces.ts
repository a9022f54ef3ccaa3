/** Workspaces and their members. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const listSpaces = (...args: Parameters<typeof commands.listSpaces>) => call(commands.listSpaces(...args));
export const createSpace = (...args: Parameters<typeof commands.createSpace>) => call(commands.createSpace(...args));
export const updateSpace = (...args: Parameters<typeof commands.updateSpace>) => call(commands.updateSpace(...args));
export const deleteSpace = (...args: Parameters<typeof commands.deleteSpace>) => call(commands.deleteSpace(...args));
export const listMembers = (...args: Parameters<typeof commands.listMembers>) => call(commands.listMembers(...args));
export const addMember = (...args: Parameters<typeof commands.addMember>) => call(commands.addMember(...args));
export const changeMemberRole = (...args: Parameters<typeof commands.changeMemberRole>) => call(commands.changeMemberRole(...args));
export const removeMember = (...args: Parameters<typeof commands.removeMember>) => call(commands.removeMember(...args));
