import { describe, expect, it } from "vitest";
import {
  dateTimeToLocalInput,
  formatDate,
  formatDateTime,
  formatTime,
  localInputToDateTime,
  localInputToTime,
  offsetMinutes,
  timeToLocalInput,
  dueToLocalInput,
  formatDue,
  localDayOf,
  localInputToDue,
} from "./time";

const AKL = "Pacific/Auckland";
const LA = "America/Los_Angeles";
const BER = "Europe/Berlin";

describe("date-times between the wire (UTC) and local time", () => {
  it("round-trips in zones east and west of UTC", () => {
    for (const zone of [AKL, LA, BER, "UTC", "Asia/Kolkata"]) {
      const wire = "2026-07-15 23:45:00";
      const local = dateTimeToLocalInput(wire, zone);
      expect(localInputToDateTime(local, zone), zone).toBe(wire);
    }
  });

  it("shifts by the zone's offset at that instant", () => {
    expect(dateTimeToLocalInput("2026-07-15 23:45:00", AKL)).toBe("2026-07-16T11:45"); // NZST +12
    expect(dateTimeToLocalInput("2026-01-15 23:45:00", AKL)).toBe("2026-01-16T12:45"); // NZDT +13
    expect(dateTimeToLocalInput("2026-07-15 03:00:00", LA)).toBe("2026-07-14T20:00"); // PDT -7
    expect(localInputToDateTime("2026-12-01T09:30", LA)).toBe("2026-12-01 17:30:00"); // PST -8
    expect(localInputToDateTime("2026-12-01T09:30", AKL)).toBe("2026-11-30 20:30:00");
  });

  it("handles the spring-forward gap and the repeated autumn hour", () => {
    // Berlin, 2026-03-29: 02:00 local jumps to 03:00.
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 0, 30), BER)).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 1, 30), BER)).toBe(120);
    expect(localInputToDateTime("2026-03-29T01:59", BER)).toBe("2026-03-29 00:59:00");
    expect(localInputToDateTime("2026-03-29T03:00", BER)).toBe("2026-03-29 01:00:00");
    // 02:30 does not exist; it lands past the gap, at 03:30 local.
    expect(localInputToDateTime("2026-03-29T02:30", BER)).toBe("2026-03-29 01:30:00");
    // 2026-10-25: 02:30 happens twice; the first (summer time) is taken.
    expect(localInputToDateTime("2026-10-25T02:30", BER)).toBe("2026-10-25 00:30:00");
    expect(dateTimeToLocalInput("2026-10-25 01:30:00", BER)).toBe("2026-10-25T02:30");
    // Los Angeles, 2026-03-08 02:00 → 03:00.
    expect(localInputToDateTime("2026-03-08T01:30", LA)).toBe("2026-03-08 09:30:00");
    expect(localInputToDateTime("2026-03-08T03:30", LA)).toBe("2026-03-08 10:30:00");
  });

  it("refuses what is not a date-time", () => {
    expect(localInputToDateTime("tomorrow", BER)).toBeNull();
    expect(localInputToDateTime("2026-13-01T10:00", BER)).toBeNull();
    expect(dateTimeToLocalInput("garbage", BER)).toBe("");
  });
});

describe("times, which have no date of their own, use today's offset", () => {
  const summer = Date.UTC(2026, 6, 1, 12);
  const winter = Date.UTC(2026, 0, 15, 12);
  it("converts both ways", () => {
    expect(timeToLocalInput("08:15:00", BER, summer)).toBe("10:15");
    expect(timeToLocalInput("08:15:00", BER, winter)).toBe("09:15");
    expect(localInputToTime("10:15", BER, summer)).toBe("08:15:00");
    expect(localInputToTime("00:30", AKL, summer)).toBe("12:30:00");
    expect(localInputToTime("25:00", AKL, summer)).toBeNull();
  });
});

describe("display", () => {
  it("shows date-times local, dates unshifted", () => {
    expect(formatDateTime("2026-07-15 23:45:00", { zone: AKL, locale: "en-GB" })).toBe("16 Jul 2026, 11:45");
    expect(formatDateTime("2026-07-15 23:45:00", { zone: LA, locale: "en-GB" })).toBe("15 Jul 2026, 16:45");
    for (const zone of [AKL, LA]) expect(formatDate("2026-07-15", { zone, locale: "en-GB" })).toBe("15 Jul 2026");
    expect(formatTime("23:45:00", { zone: AKL, locale: "en-GB", now: Date.UTC(2026, 6, 1) })).toBe("11:45");
    expect(formatDateTime("not a date", { zone: AKL })).toBe("not a date");
  });
});

describe("task due moments", () => {
  it("moves a due date with a time into the local zone, and back", () => {
    // 09:00 on Dec 1 in Auckland (NZDT, +13) is 20:00 UTC the day before.
    expect(localInputToDue("2026-12-01", "09:00", AKL)).toEqual({ due_date: "2026-11-30", due_time: "20:00" });
    expect(dueToLocalInput("2026-11-30", "20:00:00", AKL)).toEqual({ date: "2026-12-01", time: "09:00" });
    // 17:00 on Dec 1 in Los Angeles (PST, -8) is 01:00 UTC the next day.
    expect(localInputToDue("2026-12-01", "17:00", LA)).toEqual({ due_date: "2026-12-02", due_time: "01:00" });
    expect(dueToLocalInput("2026-12-02", "01:00", LA)).toEqual({ date: "2026-12-01", time: "17:00" });
  });

  it("never shifts a date without a time, and refuses what is no date", () => {
    for (const zone of [AKL, LA]) {
      expect(localInputToDue("2026-12-01", "", zone)).toEqual({ due_date: "2026-12-01", due_time: null });
      expect(dueToLocalInput("2026-12-01", null, zone)).toEqual({ date: "2026-12-01", time: "" });
    }
    expect(localInputToDue("", "09:00", AKL)).toBeNull();
    expect(localInputToDue("2026-12-01", "25:00", AKL)).toBeNull();
    expect(dueToLocalInput("garbage", "09:00", AKL)).toEqual({ date: "", time: "" });
  });

  it("reads across a DST change with the offset of that day", () => {
    // NZ leaves DST on 2026-04-05 at 03:00 (+13 → +12).
    expect(localInputToDue("2026-04-04", "12:00", AKL)).toEqual({ due_date: "2026-04-03", due_time: "23:00" });
    expect(localInputToDue("2026-04-06", "12:00", AKL)).toEqual({ due_date: "2026-04-06", due_time: "00:00" });
    expect(formatDue("2026-04-06", "00:00:00", { zone: AKL, locale: "en-GB" })).toBe("6 Apr 2026 12:00");
    expect(localDayOf("2026-04-05 11:30:00", AKL)).toBe("2026-04-05");
  });
});
