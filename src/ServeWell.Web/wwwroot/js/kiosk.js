// The kiosk: answers queue in localStorage with their own key and time, and are sent in batches whenever the
// network allows, so a dropped connection loses nothing and a resend never duplicates.
(function () {
  var TOKEN = 'servewell.kiosk.token', QUEUE = 'servewell.kiosk.queue';
  var setup = document.getElementById('kiosk-setup'), survey = document.getElementById('kiosk-survey');
  var thanks = document.getElementById('kiosk-thanks'), status = document.getElementById('kiosk-queue');
  var error = document.getElementById('kiosk-error');
  var syncing = false, idle = null, idleMs = (+survey.getAttribute('data-idle-seconds') || 60) * 1000;

  function queue() { try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(QUEUE, JSON.stringify(q)); showQueue(); }
  function showQueue() {
    var n = queue().length;
    status.textContent = n ? status.getAttribute('data-waiting').replace('{0}', String(n)) : '';
  }
  function newKey() {
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return 'k-' + Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function show(el) { [setup, survey, thanks].forEach(function (x) { x.hidden = x !== el; }); }

  function sync() {
    var token = localStorage.getItem(TOKEN), q = queue();
    if (syncing || !token || !q.length) return;
    syncing = true;
    var batch = q.slice(0, 500);
    fetch('/api/v1/feedback/batch', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
      body: JSON.stringify({ answers: batch })
    }).then(function (r) {
      if (r.status === 401) { status.textContent = status.getAttribute('data-revoked'); localStorage.removeItem(TOKEN); show(setup); return null; }
      return r.ok ? r.json() : null;
    }).then(function (body) {
      if (!body) return;
      var done = {};
      body.results.forEach(function (x) { if (x.status < 500) done[x.key] = true; });
      save(queue().filter(function (a) { return !done[a.key]; }));
    }).catch(function () { /* offline: the queue waits */ }).then(function () { syncing = false; showQueue(); });
  }

  function resetSoon() {
    clearTimeout(idle);
    idle = setTimeout(function () { survey.reset(); error.textContent = ''; show(survey); }, idleMs);
  }

  setup.addEventListener('submit', function (e) {
    e.preventDefault();
    var token = document.getElementById('kiosk-token').value.trim();
    if (!token) return;
    localStorage.setItem(TOKEN, token);
    show(survey); sync();
  });

  survey.addEventListener('input', resetSoon);
  survey.addEventListener('submit', function (e) {
    e.preventDefault();
    var f = new FormData(survey), overall = f.get('overall');
    if (!overall) {
      error.textContent = survey.querySelector('button[type=submit]').getAttribute('data-required');
      document.getElementById('overall-1').focus();
      return;
    }
    var drivers = {};
    ['timeliness', 'knowledge', 'courtesy', 'fairness', 'outcome'].forEach(function (d) { if (f.get(d)) drivers[d] = +f.get(d); });
    var q = queue();
    q.push({
      key: newKey(), overall: +overall, drivers: drivers, resolved: f.get('resolved') || null,
      language: document.documentElement.lang === 'ko' ? 'ko' : 'en', answeredAt: new Date().toISOString()
    });
    save(q);
    survey.reset(); error.textContent = '';
    show(thanks); thanks.focus();
    setTimeout(function () { show(survey); }, 4000);
    sync();
  });

  window.addEventListener('online', sync);
  setInterval(sync, 15000);
  show(localStorage.getItem(TOKEN) ? survey : setup);
  showQueue(); sync();
})();
