// Progressive enhancement: the comment's limit is a maxlength without JavaScript; this shows what is left.
(function () {
  var box = document.getElementById('comment'), hint = document.getElementById('comment-hint');
  if (!box || !hint) return;
  var max = +hint.getAttribute('data-max'), text = hint.getAttribute('data-left');
  var live = document.createElement('span');
  live.className = 'left';
  live.setAttribute('aria-live', 'polite');
  hint.appendChild(document.createTextNode(' '));
  hint.appendChild(live);
  function show() { live.textContent = text.replace('{0}', String(max - box.value.length)); }
  box.addEventListener('input', show);
  show();
})();
