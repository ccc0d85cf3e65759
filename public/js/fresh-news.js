// Keeps the "News feed" side column true for the reader. The built column is
// static HTML that may be served for days, so it gives every story its date
// and time; here, against the reader's clock in the site's time zone,
// today's stories show only their time. Then the column fetches the light
// headlines feed and adds stories published since the build, leaving out
// those the page shows elsewhere. An article page's built column lists the
// stories published before its own, under a heading that says so (a new
// story leaves older pages as they are); once the feed is read the column
// holds the latest news and takes its name back (data-fresh-heading). Text
// is set with textContent, never parsed as HTML.

/**
 * @typedef {{ path: string, title: string, published: Date }} Story
 */

/** @param {HTMLElement} column */
function labeller(column) {
  const locale = column.dataset.locale || document.documentElement.lang || "en";
  const timeZone = column.dataset.timeZone || undefined;
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" });
  const thisYear = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const otherYear = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const now = new Date();
  const today = day.format(now);
  const year = today.slice(0, 4);
  /** @param {Date} published */
  return (published) => {
    const key = day.format(published);
    if (key === today) return time.format(published);
    return key.slice(0, 4) === year ? thisYear.format(published) : otherYear.format(published);
  };
}

/** @param {HTMLElement} column @param {HTMLOListElement} list */
function relabel(column, list) {
  const label = labeller(column);
  for (const when of list.querySelectorAll("time[datetime]")) {
    const published = new Date(when.getAttribute("datetime") || "");
    if (!Number.isNaN(published.getTime())) when.textContent = label(published);
  }
  column.dataset.labelled = "true";
}

/** @param {HTMLOListElement} list @returns {Story[]} */
function shownStories(list) {
  return [...list.querySelectorAll("li")].flatMap((li) => {
    const link = li.querySelector("a");
    const when = li.querySelector("time");
    const published = new Date(when?.getAttribute("datetime") || "");
    return link && !Number.isNaN(published.getTime()) ? [{ path: link.getAttribute("href") || "", title: link.textContent || "", published }] : [];
  });
}

/** @param {HTMLElement} column @param {HTMLOListElement} list */
async function refresh(column, list) {
  const feedUrl = column.dataset.feed;
  if (!feedUrl) return;
  const limit = Number(column.dataset.limit || 8);
  const exclude = new Set((column.dataset.exclude || "").split(" ").filter(Boolean));

  const response = await fetch(feedUrl, { cache: "no-cache" });
  if (!response.ok) return;
  /** @type {{ items: { url: string, title: string, date_published: string }[] }} */
  const feed = await response.json();
  /** @type {Map<string, Story>} */
  const stories = new Map(shownStories(list).map((story) => [story.path, story]));
  for (const item of feed.items) {
    const path = new URL(item.url, location.href).pathname;
    const published = new Date(item.date_published);
    if (!Number.isNaN(published.getTime())) stories.set(path, { path, title: item.title, published });
  }
  const items = [...stories.values()]
    .filter((story) => !exclude.has(story.path))
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .slice(0, limit);
  // The column now holds the newest stories, whatever it held when built.
  const heading = column.querySelector("h2");
  if (heading && column.dataset.freshHeading) heading.textContent = column.dataset.freshHeading;
  const unchanged = items.map((story) => `${story.path}|${story.title}`).join() === shownStories(list).map((story) => `${story.path}|${story.title}`).join();
  if (items.length > 0 && !unchanged) {
    list.replaceChildren(
      ...items.map((story) => {
        const li = document.createElement("li");
        const when = document.createElement("time");
        when.dateTime = story.published.toISOString();
        const link = document.createElement("a");
        link.href = story.path;
        link.textContent = story.title;
        li.append(when, link);
        return li;
      }),
    );
    relabel(column, list);
  }
  column.dataset.refreshed = "true";
}

for (const column of document.querySelectorAll('[data-component="news-feed-column"]')) {
  const element = /** @type {HTMLElement} */ (column);
  const list = element.querySelector("ol");
  if (!list) continue;
  // First the labels, whatever the network does: the built ones cannot know the reader's today.
  relabel(element, list);
  refresh(element, list).catch(() => {
    // Offline or the feed is unreachable: the built list stays, relabelled above.
  });
}
