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
