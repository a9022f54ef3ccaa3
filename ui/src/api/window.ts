/** The main window: what an alert or the tray asked it to open, and its title. The only place
 *  the UI calls these commands. */
import { commands } from "./bindings";

export const takeOpenRequest = (...args: Parameters<typeof commands.takeOpenRequest>) => commands.takeOpenRequest(...args);
export const setWindowTitle = (...args: Parameters<typeof commands.setWindowTitle>) => commands.setWindowTitle(...args);
