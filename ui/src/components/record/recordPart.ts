import type { Connection } from "../../api/bindings";

/** What every part of a record's page is given: whose record, whether the key may write, and
 *  the workspace whose people can be picked (null while the record's table is not known). */
export type RecordPart = { connection: Connection; tableId: number; recordId: number; canWrite: boolean; spaceId: number | null };
