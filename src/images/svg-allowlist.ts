/**
 * What a published SVG may contain: what charts, maps and diagrams are drawn
 * with (shapes, text, paint servers, filters, styles, animation), and nothing
 * that runs code or loads another file. Names are SVG's, case-sensitive.
 * See https://www.w3.org/TR/SVG2/eltindex.html and attindex.html.
 */

export const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
export const XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";
export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
export const XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

const FILTER_PRIMITIVES = [
  "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
  "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
  "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
  "feSpotLight", "feTile", "feTurbulence",
];

/** Elements kept (their content is checked in turn). */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  "svg", "g", "defs", "symbol", "use", "switch", "title", "desc", "view",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "style", "image",
  "animate", "animateMotion", "animateTransform", "set", "mpath",
  ...FILTER_PRIMITIVES,
]);

/** Elements dropped without a word: editors' notes, not part of the picture. */
export const SILENT_ELEMENTS: ReadonlySet<string> = new Set(["metadata"]);

/**
 * Elements kept as a group (`<g>`) without their link: a link cannot be
 * followed in a picture shown with `<img>`, and its styles and transform
 * still apply to what it holds. The attributes that only make sense on a
 * link go without a word.
 */
export const LINKS_AS_GROUPS: ReadonlySet<string> = new Set(["a"]);
export const LINK_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set(["target", "download", "rel", "hreflang", "referrerpolicy", "ping"]);

/** Elements whose `href` may only point inside the file (`#id`); `image` takes embedded raster data instead. */
export const LOCAL_HREF_ELEMENTS: ReadonlySet<string> = new Set([
  "use", "textPath", "mpath", "linearGradient", "radialGradient", "pattern", "filter",
  "animate", "animateMotion", "animateTransform", "set",
]);

/** Elements that draw nothing without their `href`: removed with it. */
export const HREF_REQUIRED_ELEMENTS: ReadonlySet<string> = new Set(["use", "image", "mpath"]);

const PRESENTATION = [
  "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
  "color-interpolation-filters", "color-profile", "color-rendering", "cursor", "direction", "display", "dominant-baseline",
  "enable-background", "fill", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity", "font", "font-family",
  "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight", "glyph-orientation-horizontal",
  "glyph-orientation-vertical", "image-rendering", "isolation", "kerning", "letter-spacing", "lighting-color", "marker",
  "marker-end", "marker-mid", "marker-start", "mask", "mask-type", "mix-blend-mode", "opacity", "overflow", "paint-order",
  "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset",
  "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
  "text-decoration", "text-rendering", "transform-origin", "unicode-bidi", "vector-effect", "visibility", "white-space",
  "word-spacing", "writing-mode",
];

const GEOMETRY = [
  "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height", "d", "points",
  "pathLength", "transform", "viewBox", "preserveAspectRatio", "version", "baseProfile", "zoomAndPan",
  "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
  "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient",
  "patternUnits", "patternContentUnits", "patternTransform", "gradientUnits", "gradientTransform", "spreadMethod", "offset",
  "clipPathUnits", "maskUnits", "maskContentUnits", "filterUnits", "primitiveUnits",
  "requiredFeatures", "requiredExtensions", "systemLanguage",
];

const FILTER_ATTRIBUTES = [
  "in", "in2", "result", "stdDeviation", "edgeMode", "type", "values", "tableValues", "slope", "intercept", "amplitude",
  "exponent", "operator", "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
  "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "kernelUnitLength", "scale",
  "xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles", "radius", "azimuth",
  "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "mode",
];

const ANIMATION = [
  "attributeName", "attributeType", "begin", "dur", "end", "min", "max", "restart", "repeatCount", "repeatDur",
  "calcMode", "keyTimes", "keySplines", "from", "to", "by", "additive", "accumulate", "keyPoints", "path",
];

/** Attributes without a namespace that are kept (values are checked for references in turn). */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  "id", "class", "style", "lang", "role", "media", "title",
  ...PRESENTATION, ...GEOMETRY, ...FILTER_ATTRIBUTES, ...ANIMATION,
]);

/** `aria-*` and `data-*` describe or label; harmless in a picture. */
export const KEPT_ATTRIBUTE_PREFIXES = /^(aria|data)-/;
