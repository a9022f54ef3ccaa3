/** The one way the UI calls the shell: the generated bindings, with every failure turned into a
 *  `CommandError` the UI can branch on by `code` and show by `message`. */
import type { CommandError, ErrorCode } from "./bindings";

export type { CommandError, ErrorCode };

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSecs: number | null;

  constructor(e: CommandError) {
    super(e.message);
    this.code = e.code;
    this.retryAfterSecs = e.retry_after_secs;
  }
}

/** Tauri itself rejects with a plain string (unknown command, bad argument): keep it readable. */
export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return e as CommandError;
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: "server", message: `The app could not do that: ${message}`, retry_after_secs: null };
}

/** Awaits a binding call; resolves to its data or throws an `AppError`. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (e) {
    throw new AppError(toCommandError(e));
  }
  if (result.status === "error") {
    throw new AppError(toCommandError(result.error));
  }
  return result.data;
}

export function asAppError(e: unknown): AppError {
  return e instanceof AppError ? e : new AppError(toCommandError(e));
}

/** Progress of uploads and downloads arrives on a channel the generated bindings take. */
import { Channel } from "@tauri-apps/api/core";
import type { TransferProgress } from "./bindings";
export { Channel };

/** A channel that writes each progress report into `into` (a reactive entry of a list). */
export function progressInto(into: { done: number; total: number }): Channel<TransferProgress> {
  const channel = new Channel<TransferProgress>();
  channel.onmessage = (p) => {
    into.done = p.done;
    into.total = p.total;
  };
  return channel;
}
