// The kiosk: answers queue in localStorage with their own key and time, and are sent in batches whenever the
// network allows, so a dropped connection loses nothing and a resend never duplicates.
(function () {
  var TOKEN = 'servewell.kiosk.token', QUEUE = 'servewell.kiosk.queue', SURVEY = 'servewell.kiosk.survey';
  var OPTIONAL = ['timeliness', 'knowledge', 'courtesy', 'fairness', 'outcome', 'resolved'];
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
  function show(el) { if (el === survey) applySurvey(); [setup, survey, thanks].forEach(function (x) { x.hidden = x !== el; }); }

  // The touchpoint's survey version, as last fetched (kept for restarts while offline); the page's own until then.
  // Applied only when the survey is (re)shown, so a question never vanishes under a citizen's finger.
  function cachedSurvey() { try { return JSON.parse(localStorage.getItem(SURVEY) || 'null'); } catch (e) { return null; } }
  function setLegend(el, text) {
    var legend = el && el.querySelector('legend'), node = legend && legend.firstChild;
    if (node && node.nodeType === 3 && text) node.nodeValue = text;
  }
  function applySurvey() {
    var def = cachedSurvey(), lang = survey.getAttribute('data-lang') === 'ko' ? 'ko' : 'en';
    var asks = def ? def.questions.map(function (q) { return q.id; }) : survey.getAttribute('data-asks').split(',');
    survey.setAttribute('data-shown', def ? String(def.surveyVersion) : survey.getAttribute('data-version'));
    OPTIONAL.forEach(function (q) { document.getElementById(q).hidden = asks.indexOf(q) < 0; });
    if (!def) return;
    def.questions.forEach(function (q) { setLegend(document.getElementById(q.id), q.text[lang]); });
    document.getElementById('kiosk-thanks-text').textContent = def.thanks[lang];
  }
  function fetchSurvey() {
    var token = localStorage.getItem(TOKEN);
    if (!token) return;
    fetch('/api/v1/kiosk/survey', { headers: { 'X-Kiosk-Token': token } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (def) {
        if (!def) return;
        var first = !cachedSurvey();
        localStorage.setItem(SURVEY, JSON.stringify(def));
        if (first && !survey.hidden && !survey.querySelector('input:checked')) applySurvey();
      })
      .catch(function () { /* offline: the kept version stays */ });
  }

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
    localStorage.removeItem(SURVEY);
    show(survey); fetchSurvey(); sync();
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
    OPTIONAL.slice(0, 5).forEach(function (d) { if (f.get(d) && !document.getElementById(d).hidden) drivers[d] = +f.get(d); });
    var resolved = document.getElementById('resolved').hidden ? null : f.get('resolved') || null;
    var q = queue();
    q.push({
      key: newKey(), surveyVersion: +survey.getAttribute('data-shown'), overall: +overall, drivers: drivers, resolved: resolved,
      language: document.documentElement.lang === 'ko' ? 'ko' : 'en', answeredAt: new Date().toISOString()
    });
    save(q);
    survey.reset(); error.textContent = '';
    show(thanks); thanks.focus();
    setTimeout(function () { show(survey); }, 4000);
    sync();
  });

  window.addEventListener('online', function () { sync(); fetchSurvey(); });
  setInterval(sync, 15000);
  setInterval(fetchSurvey, 300000);
  show(localStorage.getItem(TOKEN) ? survey : setup);
  showQueue(); sync(); fetchSurvey();
})();
