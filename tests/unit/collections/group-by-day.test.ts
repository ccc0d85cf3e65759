import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { groupByDay, type DayGroup } from "../../../src/collections/group-by-day.ts";
import type { Article } from "../../../src/content/model.ts";
import { makeArticle } from "../helpers.ts";

const at = (id: string, iso: string) => makeArticle(id, { publishedAt: new Date(iso) });
const shape = (groups: DayGroup<Article>[]) => groups.map((g) => [g.day, g.articles.map((a) => a.id)]);

describe("groupByDay", () => {
  it("groups consecutive articles of the same day, keeping their order", () => {
    const articles = [at("a", "2026-11-27T18:00:00Z"), at("b", "2026-11-27T08:00:00Z"), at("c", "2026-11-26T12:00:00Z")];
    assert.deepEqual(shape(groupByDay(articles, "UTC")), [["2026-11-27", ["a", "b"]], ["2026-11-26", ["c"]]]);
  });

  it("uses the site's time zone: 23:30Z on the 26th is the 27th in Europe/Berlin", () => {
    const articles = [at("late", "2026-11-26T23:30:00Z"), at("earlier", "2026-11-26T20:00:00Z")];
    assert.deepEqual(shape(groupByDay(articles, "Europe/Berlin")), [["2026-11-27", ["late"]], ["2026-11-26", ["earlier"]]]);
    assert.deepEqual(shape(groupByDay(articles, "Europe/London")), [["2026-11-26", ["late", "earlier"]]]);
  });

  it("returns nothing for no articles", () => {
    assert.deepEqual(groupByDay([], "UTC"), []);
  });
});
