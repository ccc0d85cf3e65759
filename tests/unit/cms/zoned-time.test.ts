import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { instantInZone, instantOf, isoInZone, localInZone } from "../../../src/cms/admin/zoned-time.js";
import { readTimestamp } from "../../../src/content/fields.ts";
import { isoInZone as buildIsoInZone } from "../../../src/format/dates.ts";

const ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"];
/** Every 7 hours 13 minutes through two years: every season, both sides of every change of clocks. */
const INSTANTS = Array.from({ length: 2400 }, (_, index) => Date.UTC(2025, 0, 1) + index * (7 * 60 + 13) * 60_000);

describe("the CMS's dates in the site's zone (src/cms/admin/zoned-time.js)", () => {
  it("writes every instant exactly as the build's isoInZone does", () => {
    for (const zone of ZONES) {
      for (const ms of INSTANTS) assert.equal(isoInZone(ms, zone), buildIsoInZone(new Date(ms), zone), `${new Date(ms).toISOString()} in ${zone}`);
    }
  });

  it("reads the wall-clock time a form shows back to the same instant", () => {
    for (const zone of ZONES) {
      for (const ms of INSTANTS) {
        const minute = ms - (ms % 60_000);
        const local = localInZone(minute, zone);
        // An hour repeated when clocks go back names two instants: either is that wall-clock time.
        assert.equal(localInZone(instantInZone(local, zone)!, zone), local, `${local} in ${zone}`);
      }
    }
  });

  it("reads a time skipped when clocks go forward with the offset before the change", () => {
    // Europe/Berlin skips 02:00-03:00 on 29 March 2026.
    assert.equal(isoInZone(instantInZone("2026-03-29T02:30", "Europe/Berlin")!, "Europe/Berlin"), "2026-03-29T03:30:00+02:00");
    assert.equal(isoInZone(instantInZone("2026-03-29T01:59", "Europe/Berlin")!, "Europe/Berlin"), "2026-03-29T01:59:00+01:00");
  });

  it("names an instant for exactly the values the schema reads as one", () => {
    const values = [
      "2026-03-14T09:30:00+01:00", "2026-03-14T09:30+01:00", "2026-03-14 09:30:00 +0100", "2014-03-21 12:00:00 -0400", "2026-03-14T09:30:00Z",
      "2026-03-14T09:30:00.250Z", "2026-03-14", "2026-03-14T09:30", "2026-02-30T09:30:00Z", "2026-03-14T24:00:00Z", "yesterday", "",
    ];
    for (const value of values) {
      const reading = readTimestamp(value);
      assert.equal(instantOf(value), reading.ok ? reading.date.getTime() : undefined, value);
    }
  });
});
