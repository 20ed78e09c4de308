// Fetches the session's next check-in code every few seconds and shows it; without script the page reloads itself.
(function () {
  var panel = document.querySelector("[data-checkin-code]");
  if (!panel) return;
  var url = panel.getAttribute("data-checkin-code");
  var image = panel.querySelector("#checkin-qr");
  var count = panel.querySelector("[data-checked-in]");

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (code) {
        if (code && String(code.step) !== image.getAttribute("data-step")) {
          image.setAttribute("src", code.image);
          image.setAttribute("data-checkin-url", code.url);
          image.setAttribute("data-step", String(code.step));
        }
        if (code && count.textContent !== String(code.checkedIn)) count.textContent = String(code.checkedIn);
        setTimeout(tick, 3000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 3000);
})();
