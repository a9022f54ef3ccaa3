import type { Connection } from "../../api/bindings";

/** What every part of a record's page is given: whose record, and whether the key may write. */
export type RecordPart = { connection: Connection; tableId: number; recordId: number; canWrite: boolean };
