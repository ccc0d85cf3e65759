// Newsletter sign-up, progressively enhanced. Without JavaScript each form
// posts to the provider and the browser checks the address (type=email,
// required). With it, the address is checked inline with a clear message,
// the form is sent in the background and a success message is announced
// through the form's role="status" region.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** @param {HTMLFormElement} form */
function enhance(form) {
  const input = /** @type {HTMLInputElement | null} */ (form.querySelector('input[type="email"]'));
  const message = form.querySelector('[role="status"]');
  const button = form.querySelector('button[type="submit"]');
  const name = form.querySelector(".newsletter__name")?.textContent ?? "the newsletter";
  if (!input || !message) return;
  form.noValidate = true; // our message replaces the browser's bubble

  /** @param {"error" | "success" | "sending" | ""} state @param {string} text */
  const show = (state, text) => {
    form.dataset.state = state;
    message.textContent = text;
    if (state === "error") input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };

  input.addEventListener("input", () => {
    if (form.dataset.state === "error" && EMAIL.test(input.value.trim())) show("", "");
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const address = input.value.trim();
    if (!address) {
      show("error", "Enter your email address to sign up.");
      input.focus();
      return;
    }
    if (!EMAIL.test(address) || !input.checkValidity()) {
      show("error", `“${address}” is not a valid email address. Check it looks like name@example.com.`);
      input.focus();
      return;
    }
    show("sending", "Signing you up…");
    if (button) button.disabled = true;
    try {
      // A form-encoded POST is a "simple" request: no CORS preflight, and the
      // provider receives exactly what the plain form would have sent.
      const response = await fetch(form.action, {
        method: "POST",
        mode: "no-cors",
        body: new URLSearchParams(/** @type {any} */ (new FormData(form))),
      });
      // An opaque (no-cors) response cannot be read; a readable one can still fail.
      if (response.type !== "opaque" && !response.ok) throw new Error(String(response.status));
      form.reset();
      show("success", `Thanks! You are signed up to ${name}. Check your inbox to confirm.`);
    } catch {
      show("error", "We could not reach the newsletter service. Please try again in a moment.");
    } finally {
      if (button) button.disabled = false;
    }
  });
}

for (const form of document.querySelectorAll("form[data-newsletter]")) {
  enhance(/** @type {HTMLFormElement} */ (form));
}
