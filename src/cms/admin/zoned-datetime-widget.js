// A date-and-time field in the site's time zone (Decap's own datetime widget
// knows only the editor's zone and UTC). It shows the wall-clock time in the
// zone named by the field's `time_zone` and saves it with that zone's offset.
// A required date starts at "now"; a value the build would refuse (no
// offset) is shown as an error with the schema's message.

import { instantInZone, instantOf, isoInZone, localInZone } from "./zoned-time.js";

/**
 * @param {{ h: Function, createClass: Function }} react Decap's React helpers (window.h, window.createClass)
 */
export function zonedDateTimeControl({ h, createClass }) {
  return createClass({
    componentDidMount() {
      const { value, field, onChange } = this.props;
      if (!value && field.get("required") !== false) onChange(isoInZone(Date.now(), field.get("time_zone")));
    },

    isValid() {
      const { value, field } = this.props;
      if (!value || instantOf(value) !== undefined) return true;
      return { error: { message: `${field.get("label")}: "${value}" ${field.get("invalid_message")}` } };
    },

    render() {
      const { value, field, forID, classNameWrapper, setActiveStyle, setInactiveStyle, onChange } = this.props;
      const timeZone = field.get("time_zone");
      const instant = instantOf(value);
      return h(
        "div",
        { className: classNameWrapper, style: { display: "flex", gap: "0.75rem", alignItems: "center" } },
        h("input", {
          type: "datetime-local",
          id: forID,
          value: instant === undefined ? "" : localInZone(instant, timeZone),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
          style: { font: "inherit", border: 0, background: "transparent", color: "inherit" },
          onChange: (/** @type {{ target: HTMLInputElement }} */ event) => {
            const ms = event.target.value ? instantInZone(event.target.value, timeZone) : undefined;
            onChange(ms === undefined ? "" : isoInZone(ms, timeZone));
          },
        }),
        h("span", { "data-zoned-datetime": "zone" }, timeZone),
      );
    },
  });
}

/** @param {{ h: Function, createClass: Function }} react */
export function zonedDateTimePreview({ h, createClass }) {
  return createClass({
    render() {
      return h("span", {}, this.props.value ?? "");
    },
  });
}
