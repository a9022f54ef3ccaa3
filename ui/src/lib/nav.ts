/** The pages of the main area. */
export type Page =
  | { kind: "workspaces" }
  | { kind: "connections" }
  | { kind: "table"; tableId: number; tableName: string; /** Opens on this saved view. */ viewId?: number }
  | { kind: "record"; tableId: number; tableName: string; recordId: number }
  | { kind: "notifications" }
  | { kind: "tasks" }
  | { kind: "space"; spaceId: number; spaceName: string };

/** Opens a record from anywhere that knows only its ids (a task, a notification). */
export type OpenRecord = (tableId: number, tableName: string, recordId: number) => void;
