// The SCORM run-time for the player page (ADR-043): window.API (SCORM 1.2) and window.API_1484_11 (SCORM 2004),
// which the course in the frame finds by walking up its parents. Values are kept here and sent to ServeWell on
// Commit and Finish/Terminate (and when the page is left), each visit with its own session id; a failed send is
// kept and tried again. The frame is given its address only once the API exists.
(function () {
  'use strict';
  var frame = document.getElementById('scorm-sco');
  var status = document.getElementById('scorm-status');
  if (!frame || !status || !window.fetch) return;

  var v12 = frame.dataset.version === '12';
  var values = JSON.parse(frame.dataset.initial || '{}');
  var words = JSON.parse(status.dataset.statuses || '{}');
  var pending = {};
  var state = 'new';
  var lastError = '0';
  var retry = 0;
  var session = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + String(Math.random()).slice(2);

  var readOnly = v12
    ? ['cmi.core._children', 'cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.credit', 'cmi.core.entry', 'cmi.core.score._children',
       'cmi.core.total_time', 'cmi.core.lesson_mode', 'cmi.launch_data', 'cmi.comments_from_lms', 'cmi.student_data._children',
       'cmi.student_data.mastery_score', 'cmi.interactions._count', 'cmi.objectives._count']
    : ['cmi._version', 'cmi.learner_id', 'cmi.learner_name', 'cmi.credit', 'cmi.mode', 'cmi.entry', 'cmi.launch_data', 'cmi.scaled_passing_score',
       'cmi.total_time', 'cmi.score._children', 'cmi.interactions._count', 'cmi.objectives._count', 'cmi.comments_from_learner._count', 'cmi.comments_from_lms._count'];
  var writeOnly = v12 ? ['cmi.core.exit', 'cmi.core.session_time'] : ['cmi.exit', 'cmi.session_time'];
  var vocab = v12
    ? { 'cmi.core.lesson_status': ['passed', 'completed', 'failed', 'incomplete', 'browsed'], 'cmi.core.exit': ['', 'time-out', 'suspend', 'logout'] }
    : { 'cmi.completion_status': ['completed', 'incomplete', 'not attempted', 'unknown'], 'cmi.success_status': ['passed', 'failed', 'unknown'],
        'cmi.exit': ['', 'time-out', 'suspend', 'logout', 'normal'] };
  var limits = v12 ? { 'cmi.core.lesson_location': 255, 'cmi.suspend_data': 4096 } : { 'cmi.location': 1000, 'cmi.suspend_data': 64000 };
  var numbers = v12 ? ['cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max'] : ['cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled'];
  var known = /^cmi\.(interactions|objectives|student_preference|comments_from_learner|learner_preference)\.|^cmi\.(comments|progress_measure)$/;
  var messages = v12
    ? { '0': 'No error', '101': 'General exception', '201': 'Invalid argument error', '301': 'Not initialized', '401': 'Not implemented error', '403': 'Element is read only', '404': 'Element is write only', '405': 'Incorrect data type' }
    : { '0': 'No error', '103': 'Already initialized', '104': 'Content instance terminated', '112': 'Termination before initialization', '113': 'Termination after termination',
        '122': 'Retrieve data before initialization', '123': 'Retrieve data after termination', '132': 'Store data before initialization', '133': 'Store data after termination',
        '142': 'Commit before initialization', '143': 'Commit after termination', '201': 'General argument error', '401': 'Undefined data model element',
        '403': 'Data model element value not initialized', '404': 'Data model element is read only', '405': 'Data model element is write only', '406': 'Data model element type mismatch' };
  var codes = v12
    ? { notInit: '301', notInitGet: '301', notInitSet: '301', notInitCommit: '301', again: '101', ended: '101', endedGet: '101', endedSet: '101', endedCommit: '101', readOnly: '403', writeOnly: '404', type: '405', unknown: '401' }
    : { notInit: '112', notInitGet: '122', notInitSet: '132', notInitCommit: '142', again: '103', ended: '113', endedGet: '123', endedSet: '133', endedCommit: '143', readOnly: '404', writeOnly: '405', type: '406', unknown: '401' };

  function say(text) { status.textContent = text; }
  function statusWord() {
    var s = v12 ? values['cmi.core.lesson_status'] : (values['cmi.success_status'] === 'passed' || values['cmi.success_status'] === 'failed' ? values['cmi.success_status'] : values['cmi.completion_status']);
    return words[s] || s || '';
  }

  function send(finish) {
    var body = JSON.stringify({ session: session, values: pending, finish: !!finish });
    var sent = pending;
    pending = {};
    return fetch(frame.dataset.commit, {
      method: 'POST', credentials: 'same-origin', keepalive: body.length < 60000,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': frame.dataset.token }, body: body
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (attempt) {
          if (v12) values['cmi.core.lesson_status'] = attempt.lessonStatus;
          say(finish ? status.dataset.finished : status.dataset.label.replace('{0}', words[attempt.lessonStatus] || attempt.lessonStatus) + ' ' + status.dataset.saved);
        });
      }
      // Refused: the course set values outside SCORM; trying again would be refused again.
      say(status.dataset.failed);
    }).catch(function () {
      for (var k in sent) if (!(k in pending)) pending[k] = sent[k];
      say(status.dataset.failed);
      clearTimeout(retry);
      retry = setTimeout(function () { send(finish); }, 5000);
    });
  }

  function initialize() {
    if (state === 'running') { lastError = codes.again; return 'false'; }
    if (state === 'finished') { lastError = v12 ? '101' : '104'; return 'false'; }
    state = 'running'; lastError = '0';
    return 'true';
  }
  function finish() {
    if (state === 'new') { lastError = codes.notInit; return 'false'; }
    if (state === 'finished') { lastError = codes.ended; return 'false'; }
    state = 'finished'; lastError = '0';
    send(true);
    return 'true';
  }
  function getValue(name) {
    if (state === 'new') { lastError = codes.notInitGet; return ''; }
    if (state === 'finished') { lastError = codes.endedGet; return ''; }
    name = String(name);
    if (writeOnly.indexOf(name) >= 0) { lastError = codes.writeOnly; return ''; }
    if (Object.prototype.hasOwnProperty.call(values, name)) { lastError = '0'; return String(values[name]); }
    lastError = known.test(name) ? (v12 ? '0' : '403') : codes.unknown;
    return '';
  }
  function setValue(name, value) {
    if (state === 'new') { lastError = codes.notInitSet; return 'false'; }
    if (state === 'finished') { lastError = codes.endedSet; return 'false'; }
    name = String(name); value = value === undefined || value === null ? '' : String(value);
    if (readOnly.indexOf(name) >= 0) { lastError = codes.readOnly; return 'false'; }
    var listed = vocab[name] || limits[name] !== undefined || numbers.indexOf(name) >= 0 || writeOnly.indexOf(name) >= 0 || Object.prototype.hasOwnProperty.call(values, name);
    if (!listed && !known.test(name)) { lastError = codes.unknown; return 'false'; }
    if (vocab[name] && vocab[name].indexOf(value) < 0) { lastError = codes.type; return 'false'; }
    if (limits[name] !== undefined && value.length > limits[name]) { lastError = codes.type; return 'false'; }
    if (numbers.indexOf(name) >= 0 && value !== '' && !/^-?\d+(\.\d+)?$/.test(value)) { lastError = codes.type; return 'false'; }
    values[name] = value; pending[name] = value; lastError = '0';
    return 'true';
  }
  function commit() {
    if (state === 'new') { lastError = codes.notInitCommit; return 'false'; }
    if (state === 'finished') { lastError = codes.endedCommit; return 'false'; }
    lastError = '0';
    if (Object.keys(pending).length > 0) send(false);
    return 'true';
  }
  function errorString(code) { return messages[String(code)] || ''; }

  if (v12) {
    window.API = {
      LMSInitialize: initialize, LMSFinish: finish, LMSGetValue: getValue, LMSSetValue: setValue, LMSCommit: commit,
      LMSGetLastError: function () { return lastError; }, LMSGetErrorString: errorString, LMSGetDiagnostic: errorString
    };
  } else {
    window.API_1484_11 = {
      Initialize: initialize, Terminate: finish, GetValue: getValue, SetValue: setValue, Commit: commit,
      GetLastError: function () { return lastError; }, GetErrorString: errorString, GetDiagnostic: errorString
    };
  }

  // Leaving the page without Finish (a closed tab, a lost connection) keeps what the course set so far.
  window.addEventListener('pagehide', function () { if (state === 'running' && Object.keys(pending).length > 0) send(false); });
  say(status.dataset.label.replace('{0}', statusWord()));
  frame.src = frame.dataset.src;
})();
