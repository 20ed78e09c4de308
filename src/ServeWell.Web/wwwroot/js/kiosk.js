// The kiosk (ADR-037): one question, five faces; one tap stores the answer. Answers queue in localStorage with their own
// key and time and are sent at once and again whenever the network allows, so a dropped connection loses nothing and a
// resend never duplicates. The other questions and a commendation follow only if the citizen goes on; they are added to
// the same answer (/api/v1/kiosk/answers/{key}/details) once it is stored. After a while without a touch the kiosk starts
// again for the next person, showing the time left and offering more (WCAG 2.2.1).
(function () {
  var TOKEN = 'servewell.kiosk.token', LANG = 'servewell.kiosk.lang', QUEUE = 'servewell.kiosk.queue', MORE = 'servewell.kiosk.details', SURVEY = 'servewell.kiosk.survey';
  var DRIVERS = ['timeliness', 'knowledge', 'courtesy', 'fairness', 'outcome'];
  function $(id) { return document.getElementById(id); }
  var setup = $('kiosk-setup'), ask = $('kiosk-ask'), thanks = $('kiosk-thanks'), more = $('kiosk-more'), done = $('kiosk-done');
  var timer = $('kiosk-timer'), left = $('kiosk-left'), warn = $('kiosk-warn'), status = $('kiosk-queue'), error = $('kiosk-error');
  var lang = ask.getAttribute('data-lang') === 'ko' ? 'ko' : 'en', home = localStorage.getItem(LANG) || lang;
  var idle = Math.max(20, +ask.getAttribute('data-idle-seconds') || 45), deadline = 0, tick = null, warned = false;
  var syncing = false, current = null;

  function load(name, empty) { try { return JSON.parse(localStorage.getItem(name) || empty); } catch (e) { return JSON.parse(empty); } }
  function store(name, value) { localStorage.setItem(name, JSON.stringify(value)); showQueue(); }
  function showQueue() {
    var n = load(QUEUE, '[]').length;
    status.textContent = n ? status.getAttribute('data-waiting').replace('{0}', String(n)) : '';
  }
  function newKey() {
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return 'k-' + Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  // One screen at a time; its heading takes the focus, so a screen reader starts there.
  function show(el) {
    [setup, ask, thanks, more, done].forEach(function (x) { x.hidden = x !== el; });
    var h = el.querySelector('h1');
    if (h && el !== setup) h.focus();
    if (el === ask || el === setup) stopTimer(); else startTimer(el === done ? Math.min(idle, 10) : idle);
  }

  function startTimer(seconds) {
    deadline = Date.now() + seconds * 1000; warned = false; warn.textContent = '';
    timer.hidden = false; clearInterval(tick); tick = setInterval(countdown, 1000); countdown();
  }
  function stopTimer() { clearInterval(tick); tick = null; timer.hidden = true; warn.textContent = ''; }
  function countdown() {
    var s = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    left.textContent = left.getAttribute('data-text').replace('{0}', String(s));
    if (s <= 20 && !warned && done.hidden) { warned = true; warn.textContent = warn.getAttribute('data-text'); }
    if (s === 0) restart();
  }
  function stillHere() { if (tick && deadline - Date.now() < idle * 1000) startTimer(idle); }

  // The next person sees nothing of the last: forms cleared, the answer forgotten, the language the kiosk was set up in.
  function restart() {
    more.reset(); current = null; error.textContent = '';
    if (home && home !== lang) { location.replace('/kiosk?lang=' + home); return; }
    show(ask);
  }

  // The touchpoint's survey, office and staff, as last fetched (kept for restarts while offline).
  function applySurvey() {
    var def = load(SURVEY, 'null');
    var asks = def ? def.questions.map(function (q) { return q.id; }) : ask.getAttribute('data-asks').split(',');
    DRIVERS.concat('resolved').forEach(function (q) { $(q).hidden = asks.indexOf(q) < 0; });
    if (!def) return;
    def.questions.forEach(function (q) {
      var el = $(q.id), legend = el && el.querySelector('legend');
      if (q.id === 'overall') el.textContent = q.text[lang];
      else if (legend && legend.firstChild && legend.firstChild.nodeType === 3) legend.firstChild.nodeValue = q.text[lang];
    });
    $('kiosk-thanks-text').textContent = def.thanks[lang];
    if (def.place) document.querySelector('.brand').textContent = def.place[lang];
    var list = $('kiosk-staff'), staff = def.staff || [];
    while (list.children.length > 2) list.removeChild(list.lastChild);
    staff.forEach(function (s) {
      var input = document.createElement('input'), label = document.createElement('label');
      input.type = 'radio'; input.name = 'commendStaff'; input.value = String(s.id); input.id = 'commend-' + s.id;
      label.htmlFor = input.id; label.textContent = s.name;
      list.appendChild(input); list.appendChild(label);
    });
    $('commend').hidden = staff.length === 0;
  }
  function fetchSurvey() {
    var token = localStorage.getItem(TOKEN);
    if (!token) return;
    fetch('/api/v1/kiosk/survey', { headers: { 'X-Kiosk-Token': token } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (def) {
        if (!def) return;
        localStorage.setItem(SURVEY, JSON.stringify(def));
        if (!ask.hidden) applySurvey();
      })
      .catch(function () { /* offline: the kept version stays */ });
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': localStorage.getItem(TOKEN) }, body: JSON.stringify(body) });
  }
  function revoked() { status.textContent = status.getAttribute('data-revoked'); localStorage.removeItem(TOKEN); show(setup); }

  // Answers first; an answer's details only once the answer itself is stored.
  function sync() {
    var q = load(QUEUE, '[]');
    if (syncing || !localStorage.getItem(TOKEN)) return;
    syncing = true;
    var answers = q.length ? post('/api/v1/feedback/batch', { answers: q.slice(0, 500) }).then(function (r) {
      if (r.status === 401) { revoked(); return null; }
      return r.ok ? r.json() : null;
    }).then(function (body) {
      if (!body) return;
      var sent = {};
      body.results.forEach(function (x) { if (x.status < 500) sent[x.key] = true; });
      store(QUEUE, load(QUEUE, '[]').filter(function (a) { return !sent[a.key]; }));
    }) : Promise.resolve();
    answers.then(sendDetails).catch(function () { /* offline: the queues wait */ }).then(function () { syncing = false; showQueue(); });
  }
  function sendDetails() {
    var waiting = load(QUEUE, '[]').map(function (a) { return a.key; });
    var ready = load(MORE, '[]').filter(function (d) { return waiting.indexOf(d.key) < 0; });
    return ready.reduce(function (chain, d) {
      return chain.then(function () {
        return post('/api/v1/kiosk/answers/' + encodeURIComponent(d.key) + '/details', d).then(function (r) {
          if (r.status === 401) { revoked(); return; }
          // Stored, refused or too late: either way it is not sent again. A server error keeps it for the next round.
          if (r.status < 500) store(MORE, load(MORE, '[]').filter(function (x) { return x.key !== d.key; }));
        });
      });
    }, Promise.resolve());
  }

  function answer(score) {
    if (current) return;
    current = newKey();
    var q = load(QUEUE, '[]');
    q.push({ key: current, surveyVersion: +(load(SURVEY, 'null') || {}).surveyVersion || +ask.getAttribute('data-version'), overall: score, language: lang, answeredAt: new Date().toISOString() });
    store(QUEUE, q);
    show(thanks);
    sync();
  }

  Array.prototype.forEach.call(document.querySelectorAll('.face'), function (b) {
    b.addEventListener('click', function () { answer(+b.getAttribute('data-score')); });
  });
  $('kiosk-go-on').addEventListener('click', function () { show(more); });
  $('kiosk-finish').addEventListener('click', function () { show(done); });
  $('kiosk-extend').addEventListener('click', function () { startTimer(idle); });
  document.addEventListener('pointerdown', stillHere);
  document.addEventListener('keydown', stillHere);
  more.addEventListener('change', stillHere);
  more.addEventListener('submit', function (e) {
    e.preventDefault();
    var f = new FormData(more), details = { key: current, drivers: {}, resolved: null, commendStaff: null }, any = false;
    DRIVERS.forEach(function (d) { if (f.get(d) && !$(d).hidden) { details.drivers[d] = +f.get(d); any = true; } });
    if (f.get('resolved') && !$('resolved').hidden) { details.resolved = f.get('resolved'); any = true; }
    if (f.get('commendStaff') && !$('commend').hidden) { details.commendStaff = +f.get('commendStaff'); any = true; }
    if (any && current) { var m = load(MORE, '[]'); m.push(details); store(MORE, m); }
    show(done);
    sync();
  });

  setup.addEventListener('submit', function (e) {
    e.preventDefault();
    var token = $('kiosk-token').value.trim();
    if (!token) return;
    localStorage.setItem(TOKEN, token);
    localStorage.setItem(LANG, lang); home = lang;
    localStorage.removeItem(SURVEY);
    $('kiosk-token').value = '';
    applySurvey(); show(ask); fetchSurvey(); sync();
  });

  window.addEventListener('online', function () { sync(); fetchSurvey(); });
  setInterval(sync, 15000);
  setInterval(fetchSurvey, 300000);
  applySurvey();
  if (localStorage.getItem(TOKEN)) { ask.hidden = false; } else { show(setup); }
  showQueue(); sync(); fetchSurvey();
})();
