// Going to a table through the sidebar. The app keeps the page it leaves on screen until the
// table's offline copy is read (at most a moment), so a test waits for the table's own title
// before it looks at rows: the rows on screen may still be the last table's.

/** `text` as a regular expression that matches it literally. */
export const literally = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens the table named `name` from the sidebar and waits until its page is the one shown. */
export async function openTable(s, name, timeoutMs = 20000) {
  const exactly = new RegExp(`^${literally(name)}$`);
  await s.click(await s.withText("[data-testid=nav-table]", exactly, timeoutMs));
  await s.withText("#table-title", exactly, timeoutMs);
}
