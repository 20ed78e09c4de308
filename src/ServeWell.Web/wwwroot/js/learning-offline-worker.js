// The service worker for self-study offline (ADR-045), served as /Learning/offline-worker.js so that its scope covers
// the course and lesson pages. Network first: online, the server answers as always; when the network fails, the copy
// kept for the account last signed in on this phone answers, its page marked as served from the cache so it shows the
// offline banner. Another account's copies are never read: they are deleted as soon as a different account signs in.
'use strict';
var PREFIX = 'servewell-learn-', META = 'servewell-learn-meta', ACCOUNT = '/Learning/offline-account';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });

self.addEventListener('message', function (e) {
  var d = e.data || {};
  if (d.type !== 'account' || typeof d.account !== 'string' || !/^[0-9a-f]{1,64}$/.test(d.account)) return;
  e.waitUntil(caches.open(META)
    .then(function (c) { return c.put(ACCOUNT, new Response(d.account)); })
    .then(function () { return caches.keys(); })
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== META && k !== PREFIX + d.account; })
        .map(function (k) { return caches.delete(k); }));
    }));
});

function account() {
  return caches.open(META).then(function (c) { return c.match(ACCOUNT); }).then(function (r) { return r ? r.text() : ''; });
}

function fromCopy(request) {
  return account().then(function (a) {
    return a ? caches.has(PREFIX + a).then(function (has) { return has ? caches.open(PREFIX + a).then(function (c) { return c.match(request); }) : null; }) : null;
  }).then(function (hit) {
    if (hit && request.mode === 'navigate') {
      return hit.text().then(function (html) {
        return new Response(html.replace('data-served="network"', 'data-served="cache"'), { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      });
    }
    if (hit) return hit;
    if (request.mode === 'navigate') return notKept();
    return Response.error();
  });
}

// A page that was not kept: said in both languages, as the worker does not know the reader's.
function notKept() {
  var html = '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>인터넷 연결 없음 · Offline</title></head><body><main>'
    + '<h1>인터넷에 연결되어 있지 않습니다</h1><p>이 페이지는 이 휴대전화에 보관되어 있지 않습니다. 연결되면 다시 열어 주세요.</p>'
    + '<h2 lang="en">You are offline</h2><p lang="en">This page was not kept on this phone. Open it again when you are connected.</p>'
    + '</main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', function (e) {
  var request = e.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.headers.has('X-ServeWell-Offline-Copy') || new URL(request.url).pathname.indexOf('/api/') === 0) return;
  e.respondWith(fetch(request).catch(function () { return fromCopy(request); }));
});
