// Progressive enhancement of the programme form: when an audience field changes, ask the Preview handler
// for the page (the same request the "Preview" button makes) and take over its count and list. The count
// element stays in place, so screen readers announce the new number through its role="status".
// Without JavaScript the button does the same with a full page load.
(function () {
  const button = document.getElementById('preview-button');
  const count = document.getElementById('audience-count');
  const list = document.getElementById('audience-list');
  const fields = document.querySelector('[data-audience]');
  if (!button || !count || !list || !fields || !window.fetch) return;

  let timer = 0;
  let latest = 0;
  const refresh = async () => {
    const request = ++latest;
    try {
      const response = await fetch(button.formAction, { method: 'POST', body: new FormData(button.form), credentials: 'same-origin' });
      if (!response.ok || request !== latest) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const freshCount = page.getElementById('audience-count');
      const freshList = page.getElementById('audience-list');
      if (!freshCount || !freshList) return;
      list.innerHTML = freshList.innerHTML;
      if (count.textContent !== freshCount.textContent) count.textContent = freshCount.textContent;
    } catch {
      // The button still works; a failed background refresh changes nothing.
    }
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };
  fields.addEventListener('change', schedule);
  fields.addEventListener('input', schedule);
})();
