import { expect, it } from "vitest";
import { timingFields, timingOf } from "./taskTiming";

const AKL = "Pacific/Auckland";

it("sends a local due time and a reminder as UTC fields", () => {
  expect(timingFields({ date: "2026-12-01", time: "09:00", reminder: 30 }, false, AKL)).toEqual({
    fields: { due_date: "2026-11-30", due_time: "20:00", reminder_offset_mins: 30 },
  });
  expect(timingFields({ date: "2026-12-01", time: "", reminder: null }, false, AKL)).toEqual({ fields: { due_date: "2026-12-01" } });
  expect(timingFields({ date: "", time: "", reminder: null }, false, AKL)).toEqual({ fields: {} });
});

it("clears what an edit emptied, and says what cannot be sent", () => {
  expect(timingFields({ date: "", time: "", reminder: null }, true, AKL)).toEqual({
    fields: { due_date: null, due_time: null, reminder_offset_mins: null },
  });
  expect(timingFields({ date: "2026-12-01", time: "", reminder: 10 }, false, AKL)).toEqual({ error: "A reminder needs a due time." });
  expect(timingFields({ date: "", time: "09:00", reminder: null }, false, AKL)).toEqual({ error: "A due time needs a due date." });
});

it("reads a stored task back into the form in local time", () => {
  expect(timingOf({ due_date: "2026-11-30", due_time: "20:00:00", reminder_offset_mins: 30 }, AKL)).toEqual({
    date: "2026-12-01",
    time: "09:00",
    reminder: 30,
  });
  expect(timingOf({ due_date: "2026-12-01", due_time: null, reminder_offset_mins: 30 }, AKL)).toEqual({
    date: "2026-12-01",
    time: "",
    reminder: null,
  });
});
