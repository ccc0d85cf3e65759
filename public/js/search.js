// Mounts Pagefind's search UI on /search/ and runs the query from ?q=, so the
// masthead's search box (a plain GET form) lands on results.
window.addEventListener("DOMContentLoaded", () => {
  const mount = document.getElementById("search");
  // @ts-ignore PagefindUI is a global from /pagefind/pagefind-ui.js
  if (!mount || typeof PagefindUI === "undefined") return;
  // @ts-ignore
  // A large archive is indexed in parts (the build lists the older ones); results come from all of them.
  const mergeIndex = (mount.dataset.mergeIndex ?? "").split(" ").filter(Boolean).map((bundlePath) => ({ bundlePath }));
  // @ts-ignore
  const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false, autofocus: true, mergeIndex });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
