/** Tasks on records and the personal key's own, with their comments. The only place the UI calls these commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { call } from "./call";

export const createRecordTask = (...args: Parameters<typeof commands.createRecordTask>) => call(commands.createRecordTask(...args));
export const listRecordTasks = (...args: Parameters<typeof commands.listRecordTasks>) => call(commands.listRecordTasks(...args));
export const completeTask = (...args: Parameters<typeof commands.completeTask>) => call(commands.completeTask(...args));
export const reopenTask = (...args: Parameters<typeof commands.reopenTask>) => call(commands.reopenTask(...args));
export const updateTask = (...args: Parameters<typeof commands.updateTask>) => call(commands.updateTask(...args));
export const deleteTask = (...args: Parameters<typeof commands.deleteTask>) => call(commands.deleteTask(...args));
export const listTaskComments = (...args: Parameters<typeof commands.listTaskComments>) => call(commands.listTaskComments(...args));
export const commentOnTask = (...args: Parameters<typeof commands.commentOnTask>) => call(commands.commentOnTask(...args));
export const createTask = (...args: Parameters<typeof commands.createTask>) => call(commands.createTask(...args));
export const myTasks = (...args: Parameters<typeof commands.myTasks>) => call(commands.myTasks(...args));
