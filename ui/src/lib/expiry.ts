/** Key expiry reminders: how many whole days are left before a `YYYY-MM-DD` date. */

export type Expiry =
  | { state: "none" }
  | { state: "ok"; days: number }
  | { state: "soon"; days: number }
  | { state: "expired"; days: number };

const DAY = 24 * 60 * 60 * 1000;

/** `today` is injectable for tests; dates are compared as local calendar days. */
export function expiryOf(expiresOn: string | null | undefined, reminderDays: number, today = new Date()): Expiry {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiresOn ?? "");
  if (!m) return { state: "none" };
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const days = Math.round((end.getTime() - start.getTime()) / DAY);
  if (days < 0) return { state: "expired", days };
  if (days <= reminderDays) return { state: "soon", days };
  return { state: "ok", days };
}

export function expiryText(e: Expiry): string {
  switch (e.state) {
    case "none":
      return "";
    case "expired":
      return "The key's expiry date has passed. Replace the key.";
    case "soon":
      return e.days === 0
        ? "The key expires today. Replace it to keep working."
        : `The key expires in ${e.days} day${e.days === 1 ? "" : "s"}. Replace it before then.`;
    case "ok":
      return `Expires in ${e.days} days`;
  }
}
