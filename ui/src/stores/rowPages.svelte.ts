/** The rows of one query, fetched 1,000 at a time as the grid needs them, with the next page
 *  fetched ahead and far pages let go. A rate limit or a dropped network waits and tries again. */
import type { PageRow } from "../api/bindings";
import { asAppError, type AppError } from "../api/call";
import { MAX_PAGES, PAGE_SIZE, pageOf, pagesFor, pagesToDrop } from "../lib/paging";
import { retrying, type Wait } from "../lib/retry";

export type FetchPage = (offset: number, limit: number) => Promise<PageRow[]>;

export class RowPages {
  total = $state(0);
  /** Bumped when pages arrive or rows change, so what reads rows redraws. */
  version = $state(0);
  error = $state<AppError | null>(null);
  waiting = $state<Wait | null>(null);
  private pages = new Map<number, PageRow[]>();
  /** Some rows of a page (`rows` from its position `start`), shown while the whole page is
   *  fetched: a screenful read for the first paint (see the constructor and `hold`). */
  private partial = new Map<number, { start: number; rows: PageRow[] }>();
  private inflight = new Map<number, Promise<void>>();
  private stop = new AbortController();
  /** Bumped when the rows' source changes (`adopt`): pages fetched from the old one are dropped. */
  private source = 0;

  /** `first` is the first page, or with `firstComplete` false only its first rows: enough to
   *  paint a screen at once, while the page itself is fetched when the grid asks for it. */
  constructor(
    private fetchPage: FetchPage,
    total: number,
    first: PageRow[] = [],
    firstComplete = true,
  ) {
    this.total = total;
    if (!firstComplete) this.partial.set(0, { start: 0, rows: first });
    else if (first.length > 0) this.pages.set(0, first);
  }

  /** The row at `index`, if its page is here. */
  row(index: number): PageRow | undefined {
    void this.version;
    const page = pageOf(index);
    const at = index % PAGE_SIZE;
    const some = this.partial.get(page);
    return this.pages.get(page)?.[at] ?? (some ? some.rows[at - some.start] : undefined);
  }

  /** Fetches what rows `first..last` need, and lets go of far pages. */
  ensure(first: number, last: number): Promise<void> {
    const wanted = pagesFor(first, last, this.total);
    for (const p of pagesToDrop([...this.pages.keys()], wanted, MAX_PAGES)) this.pages.delete(p);
    return Promise.all(wanted.map((p) => this.load(p))).then(() => {});
  }

  /** The row at `index`, fetching its page if needed. */
  async rowAt(index: number): Promise<PageRow | undefined> {
    if (index < 0 || index >= this.total) return undefined;
    await this.load(pageOf(index));
    return this.pages.get(pageOf(index))?.[index % PAGE_SIZE];
  }

  /** Where a record is among the loaded rows, or -1. */
  indexOf(id: number): number {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return -1;
  }

  /** Replaces a row in place, after an inline edit was saved. */
  setRow(index: number, row: PageRow) {
    const page = this.pages.get(pageOf(index));
    if (page && index % PAGE_SIZE < page.length) {
      page[index % PAGE_SIZE] = row;
      this.version += 1;
    }
  }

  /** A page read elsewhere (the offline copy's, read ahead), unless one is held already; with
   *  `start`, only its rows from there, shown until the whole page is fetched. */
  hold(page: number, rows: PageRow[], start?: number) {
    if (this.pages.has(page)) return;
    if (start === undefined) this.pages.set(page, rows);
    else this.partial.set(page, { start, rows });
    this.version += 1;
  }

  /** The same query from another source (the server's answer after the offline copy): its
   *  first page replaces the rows in place, so the grid keeps its rows, place and elements, and
   *  the other pages held are fetched again and replaced as they come. */
  adopt(fetchPage: FetchPage, total: number, first: PageRow[]) {
    // Pages on their way from the old source are wanted too: the grid asked for them already.
    const others = [...new Set([...this.pages.keys(), ...this.partial.keys(), ...this.inflight.keys()])].filter((p) => p !== 0);
    this.fetchPage = fetchPage;
    this.source += 1;
    this.inflight.clear();
    this.total = total;
    this.partial.delete(0);
    this.error = null;
    this.waiting = null;
    this.pages.set(0, first);
    this.version += 1;
    for (const p of others) void this.load(p, true);
  }

  /** Stops fetches that are waiting; the grid that used these rows is gone or re-queried. */
  dispose() {
    this.stop.abort();
  }

  /** Fetches a page not held, or with `again` one held, which stays until its new rows come. */
  private load(page: number, again = false): Promise<void> {
    if (this.pages.has(page) && !again) return Promise.resolve();
    const pending = this.inflight.get(page);
    if (pending) return pending;
    const source = this.source;
    const job = retrying(() => this.fetchPage(page * PAGE_SIZE, PAGE_SIZE), {
      signal: this.stop.signal,
      onWait: (w) => (this.waiting = w),
    })
      .then((rows) => {
        if (source !== this.source) return;
        this.pages.set(page, rows);
        this.partial.delete(page);
        this.error = null;
        this.version += 1;
      })
      .catch((e) => {
        if (!this.stop.signal.aborted && source === this.source) this.error = asAppError(e);
      })
      .finally(() => {
        if (this.inflight.get(page) === job) this.inflight.delete(page);
      });
    this.inflight.set(page, job);
    return job;
  }
}
