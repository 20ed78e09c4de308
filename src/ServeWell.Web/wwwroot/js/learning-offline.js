// Self-study on a phone, offline (ADR-045). "Keep for offline" stores the learner's course page, its text lessons and
// what they need (styles, fonts, scripts, images) in a cache named for the signed-in account; the service worker
// answers from it when the network does not. A lesson marked done offline queues in localStorage with its own key and
// time, exactly as the kiosk queues answers (ADR-037), and is sent on the online event, on the next page load and on
// "Sync now"; whatever the server answers below 500 leaves the queue, so a resend never duplicates.
// A quiz without a time limit is kept too, question by question of the attempt the server started for it (ADR-056):
// answers and the submission made offline queue the same way, each with its key and the moment it was made.
(function () {
  var root = document.getElementById('learning-offline');
  if (!root || !window.fetch || !window.localStorage) return;
  var account = root.getAttribute('data-account'), programme = +root.getAttribute('data-programme');
  var lessonKey = root.getAttribute('data-lesson') ? +root.getAttribute('data-lesson') : null;
  var attemptId = root.getAttribute('data-attempt') ? +root.getAttribute('data-attempt') : null;
  var position = root.getAttribute('data-position') ? +root.getAttribute('data-position') : null;
  var QUEUE = 'servewell.learn.queue.' + account, KEPT = 'servewell.learn.kept.' + account, CACHE = 'servewell-learn-' + account;
  var COPY_HEADER = 'X-ServeWell-Offline-Copy';
  var banner = document.getElementById('offline-banner'), queueBox = document.getElementById('offline-queue');
  var queueText = document.getElementById('offline-queue-text'), keep = document.getElementById('offline-keep');
  var fromCache = banner.getAttribute('data-served') === 'cache', loadedAt = Date.now(), syncing = false;
  var canKeep = 'serviceWorker' in navigator && !!window.caches;

  function load(name, empty) { try { return JSON.parse(localStorage.getItem(name) || empty); } catch (e) { return JSON.parse(empty); } }
  function store(name, value) { localStorage.setItem(name, JSON.stringify(value)); }
  function text(el, name) { return el.getAttribute(name); }
  function newKey() {
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return 'l-' + Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function offline() { return fromCache || !navigator.onLine; }

  function showState() {
    banner.hidden = !offline();
    Array.prototype.forEach.call(document.querySelectorAll('[data-needs-connection]'), function (el) { el.hidden = !offline(); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-online-only]'), function (el) { el.hidden = offline(); });
    var q = load(QUEUE, '[]'), mine = {};
    q.forEach(function (a) { if (a.programmeId === programme) mine[a.lessonKey] = true; });
    Array.prototype.forEach.call(document.querySelectorAll('[data-lesson-key]'), function (li) {
      li.querySelector('[data-waiting-to-send]').hidden = !mine[li.getAttribute('data-lesson-key')];
    });
    queueBox.hidden = q.length === 0;
    if (q.length) queueText.textContent = text(root, 'data-waiting').replace('{0}', String(q.length));
    showQuizState(q);
  }

  // The kept question pages show the server's answers as they were when kept; the ones made since on this phone are
  // shown from the queue: the answer in the form, the mark in the list of questions, the count on the submit page.
  function queuedAnswers(q) {
    var byPosition = {};
    q.forEach(function (a) { if (a.type === 'quiz-answer' && a.attemptId === attemptId) byPosition[a.position] = a; });
    return byPosition;
  }
  function showQuizState(q) {
    if (attemptId === null) return;
    var answers = queuedAnswers(q);
    Array.prototype.forEach.call(document.querySelectorAll('.quiz-nav [data-position]'), function (li) {
      if (!answers[li.getAttribute('data-position')] || li.getAttribute('data-answered')) return;
      li.setAttribute('data-answered', 'phone');
      li.querySelector('.visually-hidden').textContent = ' ' + text(root, 'data-answered-here');
      var mark = document.createElement('span'); mark.setAttribute('aria-hidden', 'true'); mark.textContent = '✓';
      li.appendChild(mark);
    });
    // The submit page's first line counts the answers: the server's when kept, with those made here since.
    var count = root.hasAttribute('data-questions') ? document.querySelector('.confirm-consequences p') : null;
    if (count) {
      var answered = {};
      root.getAttribute('data-answered').split(',').filter(Boolean).forEach(function (p) { answered[p] = true; });
      Object.keys(answers).forEach(function (p) { answered[p] = true; });
      count.textContent = text(root, 'data-count-text').replace('{0}', String(Object.keys(answered).length)).replace('{1}', root.getAttribute('data-questions'));
    }
  }
  function fill(form, fields) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit') return;
      var values = fields[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values.indexOf(el.value) >= 0;
      else el.value = values.length ? values[0] : (el.tagName === 'SELECT' ? el.options[0].value : '');
    });
  }

  // The sync, as the kiosk's: a fresh antiforgery token (a kept page may carry a stale one), then one batch.
  function sync() {
    var q = load(QUEUE, '[]');
    if (syncing || !q.length || !navigator.onLine) return Promise.resolve();
    syncing = true;
    return fetch('/api/v1/learning/offline/token', { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error('signed out'); return r.json(); })
      .then(function (t) {
        return fetch('/api/v1/learning/offline/sync', {
          method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': t.token },
          body: JSON.stringify({ actions: q.slice(0, 200) })
        });
      })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) return;
        var sent = {}, n = 0;
        var graded = [], byKey = {};
        q.forEach(function (a) { byKey[a.key] = a; });
        body.results.forEach(function (x) {
          if (x.status < 500) { sent[x.key] = true; n++; }
          if (x.outcome === 'graded' && byKey[x.key]) graded.push(byKey[x.key].attemptId);
        });
        store(QUEUE, load(QUEUE, '[]').filter(function (a) { return !sent[a.key]; }));
        showState();
        if (n && !load(QUEUE, '[]').length) { queueBox.hidden = false; queueText.textContent = text(root, 'data-sent').replace('{0}', String(n)); }
        graded.forEach(function (id) {
          var link = document.createElement('a');
          link.href = '/Learning/Quiz/Attempts/' + id + '/Result'; link.textContent = text(root, 'data-graded');
          var p = document.createElement('p'); p.appendChild(link); queueBox.appendChild(p); queueBox.hidden = false;
        });
      })
      .catch(function (e) {
        if (e && e.message === 'signed out') queueText.textContent += ' ' + text(root, 'data-signin');
      })
      .then(function () { syncing = false; });
  }

  // A lesson marked done while offline (or on the kept copy) is queued instead of posted.
  var doneForm = document.querySelector('form[data-offline-done]');
  if (doneForm && lessonKey !== null) {
    doneForm.addEventListener('submit', function (e) {
      if (!offline()) return;
      e.preventDefault();
      var q = load(QUEUE, '[]');
      q.push({ key: newKey(), programmeId: programme, lessonKey: lessonKey, doneAt: new Date().toISOString(), secondsSpent: Math.round((Date.now() - loadedAt) / 1000) });
      store(QUEUE, q);
      var note = document.createElement('p');
      note.className = 'notice success'; note.setAttribute('role', 'status');
      doneForm.parentNode.replaceChild(note, doneForm);
      note.textContent = text(doneForm, 'data-queued');
      showState();
      sync();
    });
  }

  // An answer to a question of a kept quiz, made offline: queued (replacing one queued before for the same question),
  // then on to the next kept question, or to the submit page after the last.
  var answerForm = document.querySelector('form[data-offline-answer]');
  if (answerForm && attemptId !== null) {
    var before = queuedAnswers(load(QUEUE, '[]'))[position];
    if (before) fill(answerForm, before.answer);
    answerForm.addEventListener('submit', function (e) {
      if (!offline()) return;
      e.preventDefault();
      var fields = {};
      Array.prototype.forEach.call(answerForm.elements, function (el) {
        if (!el.name || el.type === 'hidden' || el.type === 'submit' || ((el.type === 'checkbox' || el.type === 'radio') && !el.checked)) return;
        (fields[el.name] = fields[el.name] || []).push(el.value);
      });
      var q = load(QUEUE, '[]').filter(function (a) { return !(a.type === 'quiz-answer' && a.attemptId === attemptId && a.position === position); });
      q.push({ key: newKey(), type: 'quiz-answer', attemptId: attemptId, position: position, answer: fields, doneAt: new Date().toISOString() });
      store(QUEUE, q);
      location.assign(answerForm.getAttribute('data-next'));
    });
  }

  // Submitting a kept quiz offline, from its submit page or the dialog that shows it: queued, graded when it is sent.
  var SUBMIT = /^\/Learning\/Quiz\/Attempts\/(\d+)\/Submit$/;
  window.addEventListener('click', function (e) {
    var link = e.target instanceof Element ? e.target.closest('a[data-confirm]') : null;
    if (!link || !offline() || !SUBMIT.test(new URL(link.href).pathname)) return;
    // The page, not the dialog: it shows the answers made on this phone in its count.
    e.preventDefault(); e.stopImmediatePropagation();
    location.assign(link.href);
  }, true);
  window.addEventListener('submit', function (e) {
    var form = e.target, match = form instanceof HTMLFormElement ? SUBMIT.exec(new URL(form.action, location.href).pathname) : null;
    if (!match || !offline()) return;
    e.preventDefault();
    var id = +match[1], q = load(QUEUE, '[]').filter(function (a) { return !(a.type === 'quiz-submit' && a.attemptId === id); });
    q.push({ key: newKey(), type: 'quiz-submit', attemptId: id, doneAt: new Date().toISOString() });
    store(QUEUE, q);
    var note = document.createElement('p');
    note.className = 'notice success'; note.setAttribute('role', 'status'); note.textContent = text(root, 'data-submitted');
    form.parentNode.replaceChild(note, form);
    showState();
    sync();
  }, true);

  function cityTime(iso) {
    var parts = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: root.getAttribute('data-zone'), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ' (' + root.getAttribute('data-zone') + ')';
  }
  function size(bytes) {
    var lang = root.getAttribute('data-lang'), kb = bytes / 1024;
    return kb < 1024 ? new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, kb)) + ' KB'
      : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(kb / 1024) + ' MB';
  }
  function showKept(message) {
    if (!keep) return;
    var k = load(KEPT, '{}')[programme], status = document.getElementById('offline-kept');
    status.textContent = message || (k ? text(keep, 'data-kept').replace('{0}', cityTime(k.at)).replace('{1}', String(k.pages)).replace('{2}', size(k.bytes)) : text(keep, 'data-none'));
    document.getElementById('offline-remove-button').hidden = !k;
  }

  // Keeping: the server fixes the version and lists the pages; each page is fetched as a copy (not an opening), and
  // what it links to (styles and their fonts, scripts, images) is kept beside it.
  function put(cache, url, headers) {
    return fetch(url, { credentials: 'same-origin', headers: headers || {} }).then(function (r) {
      if (!r.ok || r.redirected) throw new Error('not kept: ' + url);
      return r.clone().blob().then(function (b) { return cache.put(url, r).then(function () { return { url: url, bytes: b.size, body: b }; }); });
    });
  }
  function assetsOf(html, base) {
    var doc = new DOMParser().parseFromString(html, 'text/html'), urls = [];
    doc.querySelectorAll('link[rel=stylesheet][href], script[src], img[src]').forEach(function (el) {
      var u = new URL(el.getAttribute('href') || el.getAttribute('src'), base);
      if (u.origin === location.origin) urls.push(u.pathname + u.search);
    });
    return urls;
  }
  function keepCourse() {
    var cache, total = 0, pages = 0, seen = {};
    var button = document.getElementById('offline-keep-button');
    button.disabled = true;
    function asset(url) {
      if (seen[url]) return Promise.resolve();
      seen[url] = true;
      return put(cache, url).then(function (k) {
        total += k.bytes;
        if (!/\.css(\?|$)/.test(url)) return null;
        return k.body.text().then(function (css) {
          var found = [], re = /url\(["']?([^"')]+)["']?\)/g, m;
          while ((m = re.exec(css))) { if (m[1].indexOf('data:') !== 0) { var u = new URL(m[1], location.origin + url); if (u.origin === location.origin) found.push(u.pathname + u.search); } }
          return Promise.all(found.map(asset));
        });
      });
    }
    return install()
      .then(function () { return fetch('/api/v1/learning/offline/token', { credentials: 'same-origin' }); })
      .then(function (r) { return r.json(); })
      .then(function (t) { return fetch('/api/v1/learning/programmes/' + programme + '/offline-copy', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': t.token } }); })
      .then(function (r) { if (!r.ok) throw new Error('no copy'); return r.json(); })
      .then(function (copy) {
        return caches.open(CACHE).then(function (c) {
          cache = c;
          var headers = {}; headers[COPY_HEADER] = '1';
          return Promise.all(copy.pages.map(function (url) {
            return put(cache, url, headers).then(function (k) {
              total += k.bytes; pages++;
              return k.body.text().then(function (html) { return Promise.all(assetsOf(html, location.origin + url).map(asset)); });
            });
          }));
        });
      })
      .then(function () {
        var kept = load(KEPT, '{}');
        kept[programme] = { at: new Date().toISOString(), pages: pages, bytes: total };
        store(KEPT, kept);
        showKept();
      })
      .catch(function () { showKept(text(keep, 'data-failed')); })
      .then(function () { button.disabled = false; });
  }
  function removeCourse() {
    var prefix = '/Learning/Programmes/' + programme;
    return caches.open(CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.filter(function (r) { var p = new URL(r.url).pathname; return p === prefix || p.indexOf(prefix + '/') === 0; })
          .map(function (r) { return cache.delete(r); }));
      });
    }).then(function () {
      var kept = load(KEPT, '{}');
      delete kept[programme];
      store(KEPT, kept);
      if (Object.keys(kept).length) return null;
      // Nothing kept: the cache and the worker go, and the pages are served as if they never were.
      return caches.delete(CACHE).then(function () { return navigator.serviceWorker.getRegistration(root.getAttribute('data-scope')); })
        .then(function (reg) { return reg && reg.unregister(); });
    }).then(function () { showKept(text(keep, 'data-removed')); document.getElementById('offline-remove-button').hidden = true; });
  }

  // The worker is installed only once something is kept, and learns which account is signed in, so it reads only this
  // account's copy (and drops any other's) — also when another account kept something on this phone before.
  function tellWorker(reg) {
    return navigator.serviceWorker.ready.then(function (ready) { if (ready.active) ready.active.postMessage({ type: 'account', account: account }); return reg; });
  }
  function install() {
    return navigator.serviceWorker.register(root.getAttribute('data-worker'), { scope: root.getAttribute('data-scope') }).then(tellWorker);
  }
  if (canKeep) {
    navigator.serviceWorker.getRegistration(root.getAttribute('data-scope'))
      .then(function (reg) { return reg ? tellWorker(reg) : Object.keys(load(KEPT, '{}')).length ? install() : null; })
      .catch(function () { /* no worker: the pages work online as before */ });
    if (keep && !fromCache) {
      keep.hidden = false;
      document.getElementById('offline-keep-button').addEventListener('click', keepCourse);
      document.getElementById('offline-remove-button').addEventListener('click', removeCourse);
      showKept();
    }
  }
  document.getElementById('offline-sync').addEventListener('click', sync);
  window.addEventListener('online', function () { showState(); sync(); });
  window.addEventListener('offline', showState);
  showState();
  sync();
})();
