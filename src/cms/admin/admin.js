// /admin/: registers what Decap CMS needs to know about our content (the
// file formats, the zoned date widget, the related-card component, the
// previews in the site's styles), then starts it with the configuration
// the build made from the content schemas (config.json beside the page).

import { readContentFile, writeContentFile } from "./content-format.js";
import { previewTemplates } from "./previews.js";
import { relatedCardComponent } from "./related-card-component.js";
import { zonedDateTimeControl, zonedDateTimePreview } from "./zoned-datetime-widget.js";

/** The widget name the configuration uses for dates (src/cms/cms-fields.ts). */
const DATETIME_WIDGET = "newsroom-datetime";

const { CMS, h, createClass } = /** @type {any} */ (window);
// Beside the page, whether it was opened as /admin/, /admin/index.html or /admin (hosts differ).
const folder = location.pathname.replace(/\/[^/]*\.html$/, "/").replace(/([^/])$/, "$1/");
const settings = await (await fetch(new URL(`${folder}config.json`, location.origin), { cache: "no-cache" })).json();
const isLocal = ["127.0.0.1", "localhost"].includes(location.hostname);

if (settings.isLocalOnly && !isLocal) {
  document.body.textContent = "This site's CMS is not connected to its repository yet: see “Editing in the browser” in the README.";
} else {
  for (const [name, format] of Object.entries(settings.formats)) {
    CMS.registerCustomFormat(name, format.extension, {
      fromFile: (/** @type {string} */ text) => readContentFile(text, format),
      toFile: (/** @type {Record<string, unknown>} */ data) => writeContentFile(data, format),
    });
  }
  CMS.registerWidget(DATETIME_WIDGET, zonedDateTimeControl({ h, createClass }), zonedDateTimePreview({ h, createClass }));
  CMS.registerEditorComponent(relatedCardComponent);
  for (const style of settings.previewStyles) CMS.registerPreviewStyle(style);
  for (const [collection, template] of Object.entries(previewTemplates({ h, createClass }, settings))) CMS.registerPreviewTemplate(collection, template);
  CMS.init({ config: settings.config });
}
