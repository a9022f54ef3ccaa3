/** Items grouped under the day they happened, in the user's zone: "Today", "Yesterday", then
 *  dates, newest first. */
import { formatDate, localDayOf, type Zone } from "./time";

export type DayGroup<T> = { day: string; label: string; items: T[] };

function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** `items` (in the order given, usually newest first) under their local day. Items without a
 *  readable time go under "Earlier". */
export function groupByDay<T>(items: T[], when: (item: T) => string | null | undefined, today: string, zone?: Zone, locale?: string): DayGroup<T>[] {
  const yesterday = shiftDay(today, -1);
  const groups: DayGroup<T>[] = [];
  const index = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const wire = when(item);
    const day = (wire ? localDayOf(wire, zone) : null) ?? "";
    let g = index.get(day);
    if (!g) {
      const label = day === "" ? "Earlier" : day === today ? "Today" : day === yesterday ? "Yesterday" : formatDate(day, { locale });
      g = { day, label, items: [] };
      index.set(day, g);
      groups.push(g);
    }
    g.items.push(item);
  }
  return groups;
}
