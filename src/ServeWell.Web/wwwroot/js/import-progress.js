// Polls a roster import's progress and reloads the page when it has finished.
(function () {
  var panel = document.querySelector("[data-import-progress]");
  if (!panel) return;
  var url = panel.getAttribute("data-import-progress");
  var bar = panel.querySelector("[data-bar]");
  var text = panel.querySelector("[data-text]");
  var heading = panel.querySelector("[data-heading]");
  var phases = { Reading: "data-reading", Checking: "data-checking", Writing: "data-writing" };
  var running = { Queued: true, Checking: true, Applying: true };
  var lastAnnounced = -1;

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) return setTimeout(tick, 2000);
        if (!running[job.status]) { window.location.reload(); return; }
        if (job.phase && phases[job.phase] && heading) {
          var title = heading.getAttribute(phases[job.phase]);
          if (heading.textContent !== title) heading.textContent = title;
        }
        if (job.total > 0) {
          var pct = Math.min(100, Math.round((job.done / job.total) * 100));
          bar.value = pct;
          // Announce in steps of ten so a screen reader is not flooded.
          var step = Math.floor(pct / 10) * 10;
          if (step !== lastAnnounced) {
            lastAnnounced = step;
            text.textContent = (document.documentElement.lang === "ko" ? "진행: " : "Progress: ") + pct + "% (" + job.done.toLocaleString() + " / " + job.total.toLocaleString() + ")";
          }
        }
        setTimeout(tick, 700);
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  tick();
})();
