/** The offline read cache: cached copies of pages, records and comments, search across every
 *  connection's cache, and each connection's cache settings. The only place the UI calls these
 *  commands; each resolves to its data or throws an `AppError`. */
import { commands } from "./bindings";
import { asAppError, call } from "./call";

export const cachedTablePage = (...args: Parameters<typeof commands.cachedTablePage>) => call(commands.cachedTablePage(...args));
export const cachedTableRows = (...args: Parameters<typeof commands.cachedTableRows>) => call(commands.cachedTableRows(...args));
export const cachedRecordDetail = (...args: Parameters<typeof commands.cachedRecordDetail>) => call(commands.cachedRecordDetail(...args));
export const cachedComments = (...args: Parameters<typeof commands.cachedComments>) => call(commands.cachedComments(...args));
export const searchCache = (...args: Parameters<typeof commands.searchCache>) => call(commands.searchCache(...args));
export const cacheStatus = (...args: Parameters<typeof commands.cacheStatus>) => call(commands.cacheStatus(...args));
export const setCacheOptions = (...args: Parameters<typeof commands.setCacheOptions>) => call(commands.setCacheOptions(...args));
export const clearCache = (...args: Parameters<typeof commands.clearCache>) => call(commands.clearCache(...args));

/** The server's answer; while it cannot be reached (or refuses the key), the offline copy, if
 *  there is one. `onCopy` learns when the copy was fetched. */
export async function withCopy<T>(
  live: () => Promise<T>,
  copy: () => Promise<{ value: T; fetched_at: number } | T | null>,
  onCopy?: (fetchedAt: number | null) => void,
): Promise<T> {
  try {
    return await live();
  } catch (e) {
    const err = asAppError(e);
    if (err.code !== "offline" && err.code !== "invalid_key") throw err;
    const kept = await copy().catch(() => null);
    if (kept === null) throw err;
    if (typeof kept === "object" && kept !== null && "fetched_at" in kept && "value" in kept) {
      onCopy?.(kept.fetched_at);
      return kept.value;
    }
    onCopy?.(null);
    return kept as T;
  }
}
