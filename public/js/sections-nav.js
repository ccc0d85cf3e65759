// The section navigation scrolls sideways on small screens. A link reached
// by keyboard is brought wholly into the row's view, clear of its faded ends
// (scroll-padding): Chromium leaves a link that is partly in view where it
// is, cut off, when focus moves backwards.
for (const list of document.querySelectorAll(".sections__list")) {
  list.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLElement) event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
}
