/** Date-times and times between the wire and the user. On the wire they are UTC
 *  (`YYYY-MM-DD HH:MM:SS`, `HH:MM:SS`); people see and type them in their own zone. Dates
 *  (`YYYY-MM-DD`) are days, not instants, and are never shifted. This is the one place that
 *  converts: the grid, the record form, filters and exports all go through it.
 *
 *  The zone is a parameter (the system's by default) so the conversions are tested across zones
 *  and DST changes without changing the machine's zone. */

export type Zone = string | undefined;

const WIRE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;
const WIRE_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WIRE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

type Fields6 = [number, number, number, number, number, number];

/** Year, month, day, hour, minute, second of a date-time match, when each is in range. */
function dateTimeFields(m: RegExpExecArray): Fields6 | null {
  const n = (i: number) => Number(m[i] ?? "0");
  const f: Fields6 = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const [, mo, d, h, mi, s] = f;
  return mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 ? null : f;
}

/** Formatters by what they are for: making one costs far more than using it, and a grid or an
 *  export formats thousands of values. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${key}|${locale ?? ""}|${options.timeZone ?? ""}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(k, f);
  }
  return f;
}

/** The zone's wall clock at a UTC instant. */
function wallClock(utcMs: number, zone: Zone) {
  const parts = formatter("wall", "en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour") % 24, mi: get("minute"), s: get("second") };
}

/** Minutes the zone is ahead of UTC at a UTC instant. */
export function offsetMinutes(utcMs: number, zone: Zone): number {
  const w = wallClock(utcMs, zone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The UTC instant of a wall-clock time in a zone. A time skipped by a DST change moves forward
 *  by the gap (02:30 on a spring-forward night is 03:30), as calendars do; a repeated one takes
 *  the first of its two instants. */
function wallToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: Zone): number {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const before = offsetMinutes(naive - 86_400_000 / 2, zone);
  const after = offsetMinutes(naive + 86_400_000 / 2, zone);
  // Try the offset in force before the change first, so a repeated hour reads as its first instant.
  for (const off of before === after ? [before] : [before, after]) {
    const utc = naive - off * 60000;
    if (offsetMinutes(utc, zone) === off) return utc;
  }
  // In a gap neither offset gives this wall time: keep the wall time's distance from midnight
  // with the offset before the change, which lands past the gap.
  return naive - before * 60000;
}

function toWire(utcMs: number): string {
  const t = new Date(utcMs);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** A wire date-time as a UTC instant, or null when it is not one. */
export function parseWireDateTime(wire: string): number | null {
  const m = WIRE_DATETIME.exec(wire.trim());
  const f = m ? dateTimeFields(m) : null;
  if (!f) return null;
  const [y, mo, d, h, mi, s] = f;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** `2026-03-29 01:30:00` (UTC) → `2026-03-29T03:30` in Europe/Berlin: for a date-time input. */
export function dateTimeToLocalInput(wire: string, zone?: Zone): string {
  const utc = parseWireDateTime(wire);
  if (utc === null) return "";
  const w = wallClock(utc, zone);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** What a date-time input holds (local wall time) → the wire's UTC, or null if it is no date-time. */
export function localInputToDateTime(input: string, zone?: Zone): string | null {
  const m = WIRE_DATETIME.exec(input.trim());
  const f = m ? dateTimeFields(m) : null;
  if (!f) return null;
  return toWire(wallToUtc(...f, zone));
}

/** The day a time-only value is placed on to convert it: today, in the user's zone. */
function today(zone: Zone, now: number): { y: number; mo: number; d: number } {
  const w = wallClock(now, zone);
  return { y: w.y, mo: w.mo, d: w.d };
}

/** A wire time (UTC) → local `HH:MM`, with today's offset (a time has no date of its own). */
export function timeToLocalInput(wire: string, zone?: Zone, now = Date.now()): string {
  const m = WIRE_TIME.exec(wire.trim());
  if (!m) return "";
  const day = today(zone, now);
  const utc = Date.UTC(day.y, day.mo - 1, day.d, Number(m[1]), Number(m[2]), Number(m[3] ?? "0"));
  const w = wallClock(utc, zone);
  return `${pad(w.h)}:${pad(w.mi)}`;
}

/** Local `HH:MM` → the wire's UTC `HH:MM:SS`, with today's offset; null if it is no time. */
export function localInputToTime(input: string, zone?: Zone, now = Date.now()): string | null {
  const m = WIRE_TIME.exec(input.trim());
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? "0")];
  if (h > 23 || mi > 59 || s > 59) return null;
  const day = today(zone, now);
  const t = new Date(wallToUtc(day.y, day.mo, day.d, h, mi, s, zone));
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

export type DisplayOptions = { zone?: Zone; locale?: string; now?: number };

/** A wire date-time as the user reads it: local, in their locale's short form. */
export function formatDateTime(wire: string, o: DisplayOptions = {}): string {
  const utc = parseWireDateTime(wire);
  if (utc === null) return wire;
  return formatter("datetime", o.locale, { timeZone: o.zone, dateStyle: "medium", timeStyle: "short" }).format(utc);
}

/** A wire time as the user reads it, local. */
export function formatTime(wire: string, o: DisplayOptions = {}): string {
  const local = timeToLocalInput(wire, o.zone, o.now);
  if (local === "") return wire;
  const [h = 0, mi = 0] = local.split(":").map(Number);
  return formatter("time", o.locale, { timeZone: "UTC", timeStyle: "short" }).format(Date.UTC(2000, 0, 1, h, mi));
}

/** A date as the user reads it, never shifted: the same day in every zone. */
export function formatDate(wire: string, o: DisplayOptions = {}): string {
  const m = WIRE_DATE.exec(wire.trim());
  if (!m) return wire;
  return formatter("date", o.locale, { timeZone: "UTC", dateStyle: "medium" }).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
}

/** The user's zone, for labels ("Pacific/Auckland"). */
export function zoneName(zone?: Zone): string {
  return zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "local time";
}

/** The user's calendar day (`YYYY-MM-DD`) of a wire date-time, for grouping by day. */
export function localDayOf(wire: string, zone?: Zone): string | null {
  const local = dateTimeToLocalInput(wire, zone);
  return local === "" ? null : local.slice(0, 10);
}

/** A task's due moment as the user edits it. With a time, date and time are one UTC instant on
 *  the wire and both move into the local zone; a date alone is a day and stays as it is. */
export function dueToLocalInput(dueDate: string | null | undefined, dueTime: string | null | undefined, zone?: Zone): { date: string; time: string } {
  const date = (dueDate ?? "").slice(0, 10);
  if (!WIRE_DATE.test(date)) return { date: "", time: "" };
  if (!dueTime || !WIRE_TIME.test(dueTime.trim())) return { date, time: "" };
  const local = dateTimeToLocalInput(`${date} ${dueTime.trim()}`, zone);
  return local === "" ? { date, time: "" } : { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The local due date and time the user typed → the wire's `due_date` and `due_time` (UTC
 *  `HH:MM`); null when the date is missing or invalid, or the time is invalid. */
export function localInputToDue(date: string, time: string, zone?: Zone): { due_date: string; due_time: string | null } | null {
  const d = date.trim();
  if (!WIRE_DATE.test(d)) return null;
  if (time.trim() === "") return { due_date: d, due_time: null };
  const wire = localInputToDateTime(`${d}T${time.trim()}`, zone);
  if (wire === null) return null;
  return { due_date: wire.slice(0, 10), due_time: wire.slice(11, 16) };
}

/** A task's due moment as the user reads it: the local date, and the local time when it has one. */
export function formatDue(dueDate: string | null | undefined, dueTime: string | null | undefined, o: DisplayOptions = {}): string {
  const local = dueToLocalInput(dueDate, dueTime, o.zone);
  if (local.date === "") return "";
  const day = formatDate(local.date, o);
  if (local.time === "") return day;
  const [h = 0, mi = 0] = local.time.split(":").map(Number);
  return `${day} ${formatter("time", o.locale, { timeZone: "UTC", timeStyle: "short" }).format(Date.UTC(2000, 0, 1, h, mi))}`;
}

/** When a cached copy was fetched, as "10:42" today and "Nov 30, 10:42" before. */
export function formatAsOf(utcMs: number, o: DisplayOptions = {}): string {
  const now = o.now ?? Date.now();
  const day = (ms: number) => formatter("asof-day", "en-CA", { timeZone: o.zone, dateStyle: "short" }).format(ms);
  const time = formatter("asof-time", o.locale, { timeZone: o.zone, timeStyle: "short" }).format(utcMs);
  if (day(utcMs) === day(now)) return time;
  return `${formatter("asof-date", o.locale, { timeZone: o.zone, month: "short", day: "numeric" }).format(utcMs)}, ${time}`;
}
