// Progressive enhancement only: every page works without JavaScript.

// The main menu's area panels (ADR-034, KRDS main menu): Escape closes the open one and returns focus to its name;
// a click or focus outside the menu closes it, as a dropdown does.
(() => {
  const areas = () => document.querySelectorAll(".gnb details[open]");
  document.addEventListener("keydown", e => {
    if (e.key !== "Escape") return;
    for (const area of areas()) {
      area.open = false;
      area.querySelector("summary").focus();
    }
  });
  const closeOutside = e => {
    for (const area of areas()) {
      if (!area.contains(e.target)) area.open = false;
    }
  };
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
})();

// Confirmation dialogs (ADR-039, KRDS modal): a link marked data-confirm leads to a confirmation page (ADR-032). Here
// that page's own part ([data-confirm-content]: its question, its text, its form with the antiforgery token) is
// fetched and shown in a modal <dialog>; its way back becomes the Cancel button. Esc, Cancel and × close it with
// nothing sent; focus returns to the link. Anything unexpected (an error, a page without that part) follows the link.
(() => {
  const shell = document.getElementById("confirm-dialog");
  if (!shell) return;
  let busy = false;
  document.addEventListener("click", async e => {
    const link = e.target instanceof Element ? e.target.closest("a[data-confirm]") : null;
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const content = response.ok ? doc.querySelector("[data-confirm-content]") : null;
      if (content) show(content, response.url, link); else location.assign(link.href);
    } catch {
      location.assign(link.href);
    } finally {
      busy = false;
    }
  });

  const show = (content, url, link) => {
    const dialog = shell.content.firstElementChild.cloneNode(true);
    const part = document.importNode(content, true);
    const heading = part.querySelector("h1");
    dialog.querySelector(".modal-title").textContent = heading.textContent;
    heading.remove();
    // A form without an action posts to its own page: here that is the confirmation page, not the page behind.
    for (const form of part.querySelectorAll("form")) form.action = new URL(form.getAttribute("action") || "", url).href;
    let cancel = null;
    for (const back of part.querySelectorAll("[data-confirm-back]")) {
      cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "secondary";
      cancel.textContent = back.textContent;
      cancel.addEventListener("click", () => dialog.close());
      back.replaceWith(cancel);
    }
    dialog.querySelector(".modal-conts").append(...part.childNodes);
    dialog.querySelector("[data-confirm-close]").addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.remove();
      link.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    // A field to fill first (a reason), else the harmless choice: Enter must never confirm by accident.
    (dialog.querySelector(".modal-conts :is(input:not([type=hidden]), select, textarea)") ?? cancel)?.focus();
  };
})();

// Signing out deletes this phone's offline copies of the learner's courses (ADR-045), so the next person signed in on
// it sees none of them. Lessons done offline and not yet sent stay queued under their account for its next sign-in.
(() => {
  const form = document.querySelector("form.signout");
  if (!form || !window.caches) return;
  form.addEventListener("submit", e => {
    if (form.dataset.cleared) return;
    e.preventDefault();
    caches.keys()
      .then(keys => Promise.all(keys.filter(k => k.startsWith("servewell-learn-")).map(k => caches.delete(k))))
      .catch(() => {})
      .then(() => {
        Object.keys(localStorage).filter(k => k.startsWith("servewell.learn.kept.")).forEach(k => localStorage.removeItem(k));
        form.dataset.cleared = "1";
        form.requestSubmit();
      });
  });
})();
