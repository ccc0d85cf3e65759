// The search page (layouts/search.11ty.tsx): our own UI over Pagefind's JS
// API. Every string from the index (headlines, URLs, excerpts, filter names
// and values, counts, dates) and from the address bar reaches the page as
// text: textContent, setAttribute and createElement, never parsed as HTML.
// Pagefind's default UI wrote filter values as HTML, so an author file named
// "<img src=x onerror=…>" ran script in readers' browsers.

/** Results shown at first and added by "Show more results": Pagefind loads each result's data on request. */
const PAGE_SIZE = 10;
/** Typing pause before a search runs; Enter searches at once. */
const TYPING_PAUSE_MS = 250;
/** The sort key of the article layout's data-pagefind-sort. */
const DATE_SORT = "date";
/**
 * A filter every page of a bundle gets (Pagefind's mergeFilter): the
 * bundle's position in bundles.json. Never shown; "newest first" searches
 * the bundles one at a time through it.
 */
const BUNDLE_FILTER = "search-bundle";

/**
 * @typedef {{ id: string, data: () => Promise<ResultData> }} ResultStub
 * @typedef {{ url: string, excerpt?: string, meta?: Record<string, string> }} ResultData
 * @typedef {Record<string, Record<string, number>>} FilterCounts
 * @typedef {{ results: ResultStub[], filters: FilterCounts }} Found
 * @typedef {Map<string, Set<string>>} Selection filter key -> ticked values
 * @typedef {{ query: string, selection: Selection, sort: "" | "newest" }} SearchState
 * @typedef {{ position: string, newest: string, stale: Map<string, Record<string, string[]>> }} Bundle
 *   stale: the results of an archive that no longer stand (the article was amended since, or is gone), by
 *   result id, with the filter values Pagefind counts for them (the bundle's own position included)
 * @typedef {{ pagefind: any, everyFilter: FilterCounts, bundles: Bundle[], stale: Map<string, Record<string, string[]>[]> }} Index
 */

// ---------------------------------------------------------------------------
// The index: Pagefind over every bundle of the site

/**
 * The site's bundles, from the live bundle's bundles.json
 * (src/search/bundle-manifest.ts): the live bundle first, then the
 * archives, newest first. Only bundle folders of this site are opened.
 * @param {URL} live
 */
async function readBundles(live) {
  const response = await fetch(new URL("bundles.json", live));
  if (!response.ok) throw new Error(`bundles.json: ${response.status}`);
  /** @type {{ bundles?: unknown }} */
  const manifest = await response.json();
  if (!Array.isArray(manifest.bundles) || manifest.bundles.length === 0) throw new Error("bundles.json lists no bundles");
  return manifest.bundles.map((/** @type {any} */ bundle) => {
    if (typeof bundle?.path !== "string" || !/^\/[\w-]+\/$/.test(bundle.path)) throw new Error("bundles.json names a bundle outside the site");
    /** @type {{ id: string, filters: Record<string, string[]> }[]} */
    const superseded = Array.isArray(bundle.superseded) ? bundle.superseded : [];
    return { path: /** @type {string} */ (bundle.path), newest: typeof bundle.newest === "string" ? bundle.newest : "", superseded };
  });
}

/**
 * Opens the live bundle and merges the archives into it, each tagged with
 * its position. Asking for every filter first also loads the filter data,
 * so that searches report counts.
 * @param {string} livePath
 * @returns {Promise<Index>}
 */
async function openIndex(livePath) {
  const live = new URL(livePath, location.href);
  const [pagefind, listed] = await Promise.all([import(new URL("pagefind.js", live).href), readBundles(live)]);
  const options = { excerptEllipsis: "…" };
  await pagefind.options({ ...options, mergeFilter: { [BUNDLE_FILTER]: "0" } });
  await Promise.all(listed.slice(1).map((bundle, index) => pagefind.mergeIndex(bundle.path, { ...options, mergeFilter: { [BUNDLE_FILTER]: String(index + 1) } })));
  /** @type {Bundle[]} */
  const bundles = listed.map((bundle, index) => ({
    position: String(index),
    newest: bundle.newest,
    stale: new Map(bundle.superseded.map((entry) => [String(entry.id), { ...entry.filters, [BUNDLE_FILTER]: [String(index)] }])),
  }));
  /** @type {Map<string, Record<string, string[]>[]>} */
  const stale = new Map();
  for (const bundle of bundles) for (const [id, filters] of bundle.stale) stale.set(id, [...(stale.get(id) ?? []), filters]);
  /** @type {FilterCounts} */
  const everyFilter = await pagefind.filters();
  return { pagefind, everyFilter, bundles, stale };
}

/**
 * A search's results and counts without the archives' stale results: one
 * result of each stale id is dropped (an amended article's new record in
 * the live bundle may share the id, when nothing a result shows changed),
 * and its filter values are taken out of Pagefind's counts.
 * @param {Index} index @param {{ results: ResultStub[], filters?: FilterCounts }} found
 * @returns {Found}
 */
function withoutStale(index, found) {
  const pending = new Map([...index.stale].map(([id, copies]) => [id, [...copies]]));
  /** @type {FilterCounts} */
  const filters = Object.fromEntries(Object.entries(found.filters ?? {}).map(([key, counts]) => [key, { ...counts }]));
  /** @type {ResultStub[]} */
  const results = [];
  for (const result of found.results) {
    const stale = pending.get(result.id)?.pop();
    if (!stale) {
      results.push(result);
      continue;
    }
    for (const [key, values] of Object.entries(stale)) {
      for (const value of values) {
        const counts = filters[key];
        if (counts && (counts[value] ?? 0) > 0) counts[value] = /** @type {number} */ (counts[value]) - 1;
      }
    }
  }
  return { results, filters };
}

/** @param {Selection} selection @param {string} [except] a filter key left out */
function pagefindFilters(selection, except) {
  /** @type {Record<string, { any: string[] }>} */
  const filters = {};
  // Ticks within a group widen the search (any of them); groups narrow it (all of them).
  for (const [key, values] of selection) if (key !== except && values.size > 0) filters[key] = { any: [...values] };
  return filters;
}

/**
 * Runs a search: its results in an order that pages can be read from, how
 * many there are with and without filters, and each filter group's counts
 * as a reader reads them beside a checkbox: the results there would be with
 * that value ticked (the group's own ticks left out).
 * @param {Index} index
 * @param {SearchState} state
 * @param {string[]} groups
 */
async function search(index, state, groups) {
  const { pagefind } = index;
  const filters = pagefindFilters(state.selection);
  const found = withoutStale(index, await pagefind.search(state.query, { filters }));
  /** @type {FilterCounts} */
  const counts = {};
  for (const key of groups) {
    const ticked = state.selection.get(key)?.size ?? 0;
    counts[key] = ticked > 0 ? (withoutStale(index, await pagefind.search(state.query, { filters: pagefindFilters(state.selection, key) })).filters[key] ?? {}) : (found.filters[key] ?? {});
  }
  const filtered = Object.keys(filters).length > 0;
  const unfiltered = filtered ? withoutStale(index, await pagefind.search(state.query)).results.length : found.results.length;
  const results = found.results;
  const pages = state.sort === "newest" ? newestFirst(index, state.query, filters, found.filters[BUNDLE_FILTER] ?? {}, results) : async (/** @type {number} */ end) => results.slice(0, end);
  return { count: results.length, unfiltered, counts, pages };
}

/**
 * Results newest first. Pagefind sorts each bundle's results, but merging
 * bundles orders them by score again; and the live bundle holds amended
 * archive articles of any date beside the newest ones. So each bundle is
 * searched on its own, sorted (a sorted search's scores fall in the sort's
 * order), and the bundles' results are merged by date, a bundle searched
 * only once its newest record could come next. (tests/browser/discovery.test.ts
 * checks three bundles; tests/browser/search-incremental.test.ts an amended one.)
 * Pages without a date (standalone pages: About, Corrections policy) are
 * left out of a sorted search, so they come last, in the order of `all`.
 * @param {Index} index @param {string} query @param {object} filters
 * @param {Record<string, number>} perBundle results in each bundle
 * @param {ResultStub[]} all every result, by score
 */
function newestFirst(index, query, filters, perBundle, all) {
  /** @typedef {{ bundle: Bundle, results?: ResultStub[], next: number, head?: { result: ResultStub, date: string } }} Stream */
  /** @type {Stream[]} */
  const streams = index.bundles.filter((bundle) => (perBundle[bundle.position] ?? 0) > 0).sort((a, b) => (a.newest < b.newest ? 1 : a.newest > b.newest ? -1 : 0)).map((bundle) => ({ bundle, next: 0 }));
  /** @type {ResultStub[]} */
  const loaded = [];
  let undatedAdded = false;
  /** @param {Stream} stream */
  const advance = async (stream) => {
    const result = stream.results?.[stream.next];
    stream.head = result ? { result, date: (await result.data()).meta?.date ?? "" } : undefined;
  };
  /** @param {Stream} stream */
  const open = async (stream) => {
    const found = await index.pagefind.search(query, { filters: { ...filters, [BUNDLE_FILTER]: stream.bundle.position }, sort: { [DATE_SORT]: "desc" } });
    stream.results = /** @type {ResultStub[]} */ (found.results).filter((result) => !stream.bundle.stale.has(result.id));
    await advance(stream);
  };
  return async (/** @type {number} */ end) => {
    while (loaded.length < end) {
      /** @type {Stream | undefined} */
      let best;
      for (const stream of streams) if (stream.head && (!best?.head || stream.head.date > best.head.date)) best = stream;
      // A bundle not searched yet whose newest record is newer than the best result so far may hold the next result.
      const unopened = streams.find((stream) => !stream.results && (!best?.head || stream.bundle.newest > best.head.date));
      if (unopened) await open(unopened);
      else if (best?.head) {
        loaded.push(best.head.result);
        best.next++;
        await advance(best);
      } else break;
    }
    if (loaded.length < end && !undatedAdded) {
      undatedAdded = true;
      const dated = new Set(loaded.map((result) => result.id));
      loaded.push(...all.filter((result) => !dated.has(result.id)));
    }
    return loaded.slice(0, end);
  };
}

// ---------------------------------------------------------------------------
// Rendering, as text

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string} className @param {string} [text]
 */
function element(tag, className, text) {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/**
 * Pagefind's excerpt is the page's text with `<` and `>` written as `&lt;`
 * and `&gt;` (nothing else is escaped: `&` and quotes stay as they are) and
 * each hit wrapped in `<mark>`. Only those mark tags become elements; the
 * rest is text, with the two escapes undone. (Text that itself read "&lt;"
 * shows as "<": the excerpt cannot tell them apart.)
 * @param {HTMLElement} parent @param {string} excerpt
 */
function appendExcerpt(parent, excerpt) {
  /** @type {HTMLElement | undefined} */
  let mark;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") parent.append((mark = document.createElement("mark")));
    else if (part === "</mark>") mark = undefined;
    else if (part) (mark ?? parent).append(part.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
  }
}

/** A link target from the index, only if it is a web address; same-site ones stay root-relative. @param {string} url */
function safeHref(url) {
  try {
    const resolved = new URL(url, location.href);
    if (resolved.protocol !== "https:" && resolved.protocol !== "http:") return undefined;
    return resolved.origin === location.origin ? `${resolved.pathname}${resolved.search}${resolved.hash}` : resolved.href;
  } catch {
    return undefined;
  }
}

/** @param {ResultData} data @param {Intl.DateTimeFormat} dateFormat */
function renderResult(data, dateFormat) {
  const item = element("li", "search-result");
  item.dataset.component = "search-result";
  const headline = data.meta?.title || data.url;
  const heading = element("h2", "search-result__title");
  const href = safeHref(data.url);
  if (href) {
    const link = element("a", "search-result__link", headline);
    link.setAttribute("href", href);
    heading.append(link);
  } else {
    heading.textContent = headline;
  }
  item.append(heading);
  const published = new Date(data.meta?.date ?? "");
  if (!Number.isNaN(published.getTime())) {
    const time = element("time", "search-result__date", dateFormat.format(published));
    time.setAttribute("datetime", published.toISOString());
    item.append(time);
  }
  if (data.excerpt) {
    const excerpt = element("p", "search-result__excerpt");
    appendExcerpt(excerpt, data.excerpt);
    item.append(excerpt);
  }
  return item;
}

/**
 * One checkbox group: the values with results, and those ticked, in
 * alphabetical order with their counts. The boxes are made again only when
 * the values change, so a box under the reader's focus stays where it is.
 * @param {HTMLFieldSetElement} group @param {string} key
 * @param {Record<string, number>} counts @param {Set<string>} ticked @param {Intl.Collator} collator
 */
function renderFilterGroup(group, key, counts, ticked, collator) {
  const list = /** @type {HTMLElement} */ (group.querySelector("ul"));
  const values = [...new Set([...Object.keys(counts).filter((value) => (counts[value] ?? 0) > 0), ...ticked])].sort(collator.compare);
  const boxes = () => /** @type {HTMLInputElement[]} */ ([...list.querySelectorAll("input[type=checkbox]")]);
  if (boxes().map((box) => box.value).join("\n") !== values.join("\n")) {
    const focused = boxes().find((box) => box === document.activeElement)?.value;
    list.replaceChildren(...values.map((value, position) => filterOption(key, value, position)));
    if (focused !== undefined) boxes().find((box) => box.value === focused)?.focus();
  }
  for (const box of boxes()) {
    box.checked = ticked.has(box.value);
    const count = box.parentElement?.querySelector(".search__option-count");
    if (count) count.textContent = String(counts[box.value] ?? 0);
  }
  group.hidden = values.length === 0;
}

/** @param {string} key @param {string} value @param {number} position */
function filterOption(key, value, position) {
  const id = `search-filter-${key}-${position}`;
  const item = element("li", "search__option");
  const box = element("input", "search__checkbox");
  box.type = "checkbox";
  box.id = id;
  box.name = key;
  box.value = value;
  const label = element("label", "search__option-label");
  label.htmlFor = id;
  label.append(element("span", "search__option-name", value), " ", element("span", "search__option-count"));
  item.append(box, label);
  return item;
}

/** @param {number} count @param {string} one @param {string} many */
const plural = (count, one, many) => `${count.toLocaleString(document.documentElement.lang || undefined)} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------
// The page: state, address bar, events

/** The search in the address bar (?q=, filter keys, sort), as a shared link gives it. @param {string[]} groups @returns {SearchState} */
function stateFromUrl(groups) {
  const params = new URLSearchParams(location.search);
  return {
    query: (params.get("q") ?? "").trim(),
    selection: new Map(groups.map((key) => [key, new Set(params.getAll(key))])),
    sort: params.get("sort") === "newest" ? "newest" : "",
  };
}

/** Keeps the address bar in step with the search, so that it can be shared. @param {SearchState} state */
function writeUrl(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const [key, values] of state.selection) for (const value of values) params.append(key, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}`);
}

/** @param {HTMLElement} root */
function start(root) {
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const ui = /** @type {HTMLElement | null} */ (root.querySelector(".search__ui"));
  const form = ui?.querySelector("form");
  const input = /** @type {HTMLInputElement} */ (byId("search-query"));
  const status = byId("search-status");
  const tools = byId("search-tools");
  const filterCount = byId("search-filter-count");
  const sort = /** @type {HTMLSelectElement} */ (byId("search-sort"));
  const list = byId("search-results");
  const more = /** @type {HTMLButtonElement} */ (byId("search-more"));
  const clear = byId("search-clear");
  const groups = /** @type {HTMLFieldSetElement[]} */ ([...root.querySelectorAll("fieldset[data-filter]")]);
  const groupKeys = groups.map((group) => group.dataset.filter ?? "");
  if (!ui || !form || !input || !status || !tools || !sort || !list || !more || !clear) return;

  const lang = document.documentElement.lang || undefined;
  const collator = new Intl.Collator(lang);
  const dateFormat = new Intl.DateTimeFormat(lang, { timeZone: root.dataset.timeZone || undefined, day: "numeric", month: "short", year: "numeric" });
  const index = openIndex(root.dataset.bundle || "/pagefind/");

  const state = stateFromUrl(groupKeys);
  input.value = state.query;
  sort.value = state.sort;
  ui.hidden = false;
  if (!state.query) input.focus();

  /** Counts up with every search, so that a slower, older one never overwrites a newer one. */
  let generation = 0;
  /** @type {Awaited<ReturnType<typeof search>> | undefined} */
  let current;
  let shown = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;

  async function run() {
    clearTimeout(typing);
    state.query = input.value.trim();
    const mine = ++generation;
    writeUrl(state);
    if (!state.query) {
      current = undefined;
      list.replaceChildren();
      status.textContent = "";
      tools.hidden = true;
      more.hidden = true;
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      const opened = await index;
      // A filter value from a shared link that no story carries would hide every result with nothing to untick.
      for (const [key, values] of state.selection) for (const value of values) if (!Object.hasOwn(opened.everyFilter[key] ?? {}, value)) values.delete(value);
      const found = await search(opened, state, groupKeys);
      const first = await found.pages(PAGE_SIZE);
      const data = await Promise.all(first.map((result) => result.data()));
      if (mine !== generation) return;
      current = found;
      shown = data.length;
      list.replaceChildren(...data.map((result) => renderResult(result, dateFormat)));
      more.hidden = shown >= found.count;
      renderFilters(found);
      status.textContent = describe(found);
      writeUrl(state);
    } catch (error) {
      if (mine !== generation) return;
      console.error(error);
      list.replaceChildren();
      more.hidden = true;
      tools.hidden = true;
      status.textContent = "Search is not available right now. Please try again later, or browse the topics instead.";
    } finally {
      if (mine === generation) list.removeAttribute("aria-busy");
    }
  }

  /** @param {Awaited<ReturnType<typeof search>>} found */
  function renderFilters(found) {
    groups.forEach((group, position) => {
      const key = groupKeys[position] ?? "";
      renderFilterGroup(group, key, found.counts[key] ?? {}, state.selection.get(key) ?? new Set(), collator);
    });
    const ticked = [...state.selection.values()].reduce((sum, values) => sum + values.size, 0);
    filterCount.textContent = ticked > 0 ? `(${ticked} selected)` : "";
    clear.hidden = ticked === 0;
    // With filters ticked the tools stay, even with nothing found: the reader must be able to untick them.
    tools.hidden = found.count === 0 && ticked === 0;
  }

  /** @param {Awaited<ReturnType<typeof search>>} found */
  function describe(found) {
    const query = `“${state.query}”`;
    const filtered = [...state.selection.values()].some((values) => values.size > 0);
    if (found.count === 0) return `No results for ${query}. ${filtered ? "Try removing a filter." : "Check the spelling or try other words."}`;
    const before = filtered && found.unfiltered !== found.count ? ` (${plural(found.unfiltered, "result", "results")} without filters)` : "";
    return `${plural(found.count, "result", "results")} for ${query}${before}.`;
  }

  async function showMore() {
    if (!current) return;
    const found = current;
    const mine = generation;
    more.disabled = true;
    list.setAttribute("aria-busy", "true");
    try {
      const page = (await found.pages(shown + PAGE_SIZE)).slice(shown);
      const data = await Promise.all(page.map((result) => result.data()));
      if (mine !== generation) return;
      const items = data.map((result) => renderResult(result, dateFormat));
      list.append(...items);
      shown += items.length;
      more.hidden = shown >= found.count;
      // Keyboard and screen-reader users carry on from the first new headline.
      items[0]?.querySelector("a")?.focus();
    } finally {
      more.disabled = false;
      if (mine === generation) list.removeAttribute("aria-busy");
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(run, TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  root.addEventListener("change", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.type !== "checkbox") return;
    const values = state.selection.get(target.name);
    if (!values) return;
    if (target.checked) values.add(target.value);
    else values.delete(target.value);
    run();
  });
  clear.addEventListener("click", () => {
    for (const values of state.selection.values()) values.clear();
    run();
    // The button hides with nothing left to clear: focus goes back to the disclosure it sat in.
    clear.closest("details")?.querySelector("summary")?.focus();
  });
  sort.addEventListener("change", () => {
    state.sort = sort.value === "newest" ? "newest" : "";
    run();
  });
  more.addEventListener("click", () => {
    showMore().catch((error) => console.error(error));
  });

  if (state.query) run();
}

const root = document.getElementById("search");
if (root) start(root);
