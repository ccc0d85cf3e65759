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

describe("isoInZone and dayKey against formatToParts", () => {
  // The straightforward way: ICU's parts for every instant. isoInZone works most of them out by
  // arithmetic from the offsets at the surrounding UTC midnights, and must agree to the character.
  const referenceFormatters = new Map<string, Intl.DateTimeFormat>();
  function referenceIso(ms: number, timeZone: string): string {
    let formatter = referenceFormatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "longOffset",
      });
      referenceFormatters.set(timeZone, formatter);
    }
    const p = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
    const offset = p.timeZoneName === "GMT" ? "+00:00" : String(p.timeZoneName).replace("GMT", "");
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
  }
  function referenceOffset(ms: number, timeZone: string): string {
    return referenceIso(ms, timeZone).slice(-6);
  }
  function assertSame(ms: number, timeZone: string): void {
    const expected = referenceIso(ms, timeZone);
    const label = `${timeZone} ${new Date(ms).toISOString()}`;
    assert.equal(isoInZone(new Date(ms), timeZone), expected, label);
    assert.equal(dayKey(new Date(ms), timeZone), expected.slice(0, expected.indexOf("T")), label);
  }

  const zones = [
    "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kathmandu",
    "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Casablanca",
  ];
  const DAY = 86_400_000;
  let seed = 20_261_126;
  function random(from: number, until: number): number {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return from + Math.floor((seed / 2 ** 31) * (until - from));
  }

  /** The first millisecond of each new offset in 2024-2027 (offsets change at most every few days). */
  function transitions(timeZone: string): number[] {
    const found: number[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY) {
      if (referenceOffset(day, timeZone) === referenceOffset(day + DAY, timeZone)) continue;
      let [before, after] = [day, day + DAY];
      while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        if (referenceOffset(middle, timeZone) === referenceOffset(day, timeZone)) before = middle;
        else after = middle;
      }
      found.push(after);
    }
    return found;
  }

  it("agrees at random instants from 1970 to 2100", () => {
    for (const zone of zones) {
      for (let i = 0; i < 1000; i++) assertSame(random(Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)), zone);
    }
  });

  it("agrees minute by minute for two hours either side of each offset change in 2024-2027", () => {
    const counts: Record<string, number> = {};
    for (const zone of zones) {
      const found = transitions(zone);
      counts[zone] = found.length;
      for (const change of found) {
        for (let ms = change - 2 * 3_600_000; ms <= change + 2 * 3_600_000; ms += 60_000) assertSame(ms, zone);
        assertSame(change - 1, zone);
        assertSame(change + 1, zone);
      }
    }
    // The scan did find what it tests: two changes a year where there is summer time (Casablanca's
    // are around Ramadan), none where there is not.
    assert.deepEqual(counts, {
      "UTC": 0, "Europe/London": 8, "Europe/Berlin": 8, "America/New_York": 8, "America/St_Johns": 8,
      "Asia/Kathmandu": 0, "Australia/Lord_Howe": 8, "Pacific/Chatham": 8, "Asia/Kolkata": 0,
      "America/Sao_Paulo": 0, "Africa/Casablanca": 8,
    });
  });

  it("agrees before 1970 (offsets in seconds, local mean time) and in years of other than four digits", () => {
    for (const zone of zones) {
      for (let i = 0; i < 300; i++) assertSame(random(Date.UTC(1800, 0, 1), Date.UTC(1970, 0, 1)), zone);
      for (let i = 0; i < 50; i++) assertSame(random(Date.UTC(990, 0, 1), Date.UTC(1010, 0, 1)), zone);
      for (let i = 0; i < 50; i++) assertSame(random(Date.UTC(9990, 0, 1), Date.UTC(10_010, 0, 1)), zone);
      for (const edge of [Date.UTC(1000, 0, 1), Date.UTC(1001, 0, 1), Date.UTC(9999, 0, 1), Date.UTC(10_000, 0, 1)]) {
        for (const ms of [edge - DAY, edge - 1, edge, edge + DAY]) assertSame(ms, zone);
      }
      for (let i = 0; i < 20; i++) assertSame(random(Date.UTC(-100, 0, 1), Date.UTC(100, 0, 1)), zone);
      // The first and last instants a Date can hold.
      for (const ms of [-8.64e15, -8.64e15 + 1, 8.64e15 - 1, 8.64e15]) assertSame(ms, zone);
    }
    assert.equal(isoInZone(new Date("1840-01-01T00:00:00Z"), "Europe/London"), "1839-12-31T23:58:45-00:01:15");
  });
});
