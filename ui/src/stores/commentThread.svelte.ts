/** A record's comments, oldest at the top and newest at the bottom, shown a page at a time from
 *  the newest as the user scrolls up.
 *
 *  The API gives no count and does not say in which order it lists comments (§10.1). When the
 *  first page comes newest first, each older page is fetched as the user scrolls up. When it comes
 *  oldest first (as the sandbox does), the newest are on the last page, so the thread is read
 *  through to the end at once, a request per 100 comments, and older pages are then shown from
 *  memory as the user scrolls up. */
import * as commentsApi from "../api/comments";
import * as cacheApi from "../api/cache";
import type { Comment } from "../api/bindings";
import { asAppError, type AppError } from "../api/call";

export const COMMENT_PAGE = 100;

/** Oldest first: by time, then id. */
function chronological(a: Comment, b: Comment): number {
  const ta = a.created_at ?? "";
  const tb = b.created_at ?? "";
  return ta < tb ? -1 : ta > tb ? 1 : a.id - b.id;
}

/** Whether a page lists its comments newest first. */
export function newestFirst(page: Comment[]): boolean {
  if (page.length < 2) return false;
  const first = page[0]!;
  const last = page[page.length - 1]!;
  return chronological(first, last) > 0;
}

export class CommentThread {
  /** Every comment read so far, oldest first. */
  all = $state<Comment[]>([]);
  /** How many of the newest are on screen. */
  shown = $state(COMMENT_PAGE);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** The server has older comments not read yet (newest-first servers only). */
  private olderOnServer = $state(false);
  private offset = 0;
  private generation = 0;

  constructor(
    private connectionId: string,
    private tableId: number,
    private recordId: number,
  ) {}

  get visible(): Comment[] {
    return this.all.slice(Math.max(0, this.all.length - this.shown));
  }
  get hasOlder(): boolean {
    return this.shown < this.all.length || this.olderOnServer;
  }

  /** When the comments on screen were fetched, while they are the offline copy. */
  asOf = $state<number | null>(null);

  /** A page from the server; while it cannot answer (or refuses the key), the offline copy. */
  private async page(offset: number): Promise<Comment[]> {
    const [c, t, r] = [this.connectionId, this.tableId, this.recordId];
    let copyAt: number | null = null;
    const page = await cacheApi.withCopy(
      () => commentsApi.listComments(c, t, r, COMMENT_PAGE, offset),
      () => cacheApi.cachedComments(c, t, r, COMMENT_PAGE, offset),
      (at) => (copyAt = at),
    );
    if (offset === 0) this.asOf = copyAt;
    return page;
  }

  private merge(page: Comment[]) {
    const known = new Set(this.all.map((c) => c.id));
    this.all = [...this.all, ...page.filter((c) => !known.has(c.id))].sort(chronological);
  }

  async load(): Promise<void> {
    const mine = ++this.generation;
    this.loading = true;
    this.error = null;
    try {
      const first = await this.page(0);
      if (mine !== this.generation) return;
      this.all = [];
      this.shown = COMMENT_PAGE;
      this.merge(first);
      this.offset = first.length;
      const full = first.length === COMMENT_PAGE;
      if (newestFirst(first)) {
        this.olderOnServer = full;
      } else {
        this.olderOnServer = false;
        let last = first.length;
        while (last === COMMENT_PAGE) {
          const next = await this.page(this.offset);
          if (mine !== this.generation) return;
          this.merge(next);
          this.offset += next.length;
          last = next.length;
        }
      }
    } catch (e) {
      if (mine === this.generation) this.error = asAppError(e);
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }

  /** Shows the next older page, fetching it first on a newest-first server. */
  async older(): Promise<void> {
    if (this.loading) return;
    if (this.shown < this.all.length) {
      this.shown += COMMENT_PAGE;
      return;
    }
    if (!this.olderOnServer) return;
    const mine = this.generation;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.page(this.offset);
      if (mine !== this.generation) return;
      this.merge(page);
      this.offset += page.length;
      this.olderOnServer = page.length === COMMENT_PAGE;
      this.shown += COMMENT_PAGE;
    } catch (e) {
      if (mine === this.generation) this.error = asAppError(e);
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }

  added(comment: Comment) {
    this.merge([comment]);
    this.shown += 1;
  }
}
