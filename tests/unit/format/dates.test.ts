import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { dayKey, formatDateTime, formatDay, formatShortDate, formatTime, isoInZone } from "../../../src/format/dates.ts";

const winter = new Date("2026-01-15T08:15:00Z");
const summer = new Date("2026-07-15T08:15:00Z");

describe("isoInZone", () => {
  it("gives +01:00 in Europe/Berlin in winter and +02:00 in summer", () => {
    assert.equal(isoInZone(winter, "Europe/Berlin"), "2026-01-15T09:15:00+01:00");
    assert.equal(isoInZone(summer, "Europe/Berlin"), "2026-07-15T10:15:00+02:00");
  });

  it("gives +00:00 (not Z or GMT) for UTC and for Europe/London in winter", () => {
    assert.equal(isoInZone(winter, "UTC"), "2026-01-15T08:15:00+00:00");
    assert.equal(isoInZone(winter, "Europe/London"), "2026-01-15T08:15:00+00:00");
    assert.equal(isoInZone(summer, "Europe/London"), "2026-07-15T09:15:00+01:00");
  });

  it("handles negative and half-hour offsets", () => {
    assert.equal(isoInZone(winter, "America/New_York"), "2026-01-15T03:15:00-05:00");
    assert.equal(isoInZone(winter, "Asia/Kolkata"), "2026-01-15T13:45:00+05:30");
  });

  it("writes midnight as 00, not 24", () => {
    assert.equal(isoInZone(new Date("2026-01-15T23:00:00Z"), "Europe/Berlin"), "2026-01-16T00:00:00+01:00");
  });

  it("round-trips to the same instant", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"]) {
      assert.equal(new Date(isoInZone(summer, zone)).getTime(), summer.getTime(), zone);
    }
  });
});

describe("dayKey", () => {
  it("gives the calendar day in the zone", () => {
    const late = new Date("2026-11-26T23:30:00Z");
    assert.equal(dayKey(late, "UTC"), "2026-11-26");
    assert.equal(dayKey(late, "Europe/Berlin"), "2026-11-27");
    assert.equal(dayKey(new Date("2026-11-27T03:00:00Z"), "America/Los_Angeles"), "2026-11-26");
  });
});

describe("display formats", () => {
  it("formats in the site's zone and locale", () => {
    const date = new Date("2026-11-26T08:15:00Z");
    // The comma after the weekday depends on the ICU data of the Node build.
    assert.match(formatDay(date, "en-GB", "Europe/London"), /^Thursday,? 26 November 2026$/);
    assert.match(formatDay(new Date("2026-11-26T23:30:00Z"), "en-GB", "Europe/Berlin"), /^Friday,? 27 November 2026$/);
    assert.equal(formatTime(date, "en-GB", "Europe/Berlin"), "09:15");
    assert.equal(formatShortDate(date, "en-GB", "Europe/London"), "26 Nov 2026");
    assert.match(formatDateTime(date, "en-GB", "Europe/London"), /^26 November 2026(,| at) 08:15 GMT$/);
  });
});
