// Keeps the "News feed" side column fresh: the column is static HTML from the
// last build; a page cached hours ago fetches the site's JSON Feed and shows
// the newest headlines. Text is set with textContent, never parsed as HTML.

/** @param {HTMLElement} column */
async function refresh(column) {
  const list = column.querySelector("ol");
  const feedUrl = column.dataset.feed;
  if (!list || !feedUrl) return;
  const limit = Number(column.dataset.limit || 8);
  const exclude = column.dataset.exclude || "";
  const locale = column.dataset.locale || document.documentElement.lang || "en";
  const timeZone = column.dataset.timeZone || undefined;

  const response = await fetch(feedUrl, { cache: "no-cache" });
  if (!response.ok) return;
  /** @type {{ items: { url: string, title: string, date_published: string }[] }} */
  const feed = await response.json();
  const items = feed.items
    .map((item) => ({ ...item, path: new URL(item.url).pathname }))
    .filter((item) => item.path !== exclude)
    .slice(0, limit);
  const shown = [...list.querySelectorAll("a")].map((a) => a.getAttribute("href"));
  if (items.length === 0 || items.map((item) => item.path).join() === shown.join()) return;

  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" });
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" });
  const today = day.format(new Date());
  list.replaceChildren(
    ...items.map((item) => {
      const published = new Date(item.date_published);
      const li = document.createElement("li");
      const when = document.createElement("time");
      when.dateTime = item.date_published;
      when.textContent = day.format(published) === today ? time.format(published) : date.format(published);
      const link = document.createElement("a");
      link.href = item.path;
      link.textContent = item.title;
      li.append(when, link);
      return li;
    }),
  );
  column.dataset.refreshed = "true";
}

for (const column of document.querySelectorAll('[data-component="news-feed-column"][data-feed]')) {
  refresh(/** @type {HTMLElement} */ (column)).catch(() => {
    // Offline or the feed is unreachable: the built list stays, which is still correct.
  });
}
