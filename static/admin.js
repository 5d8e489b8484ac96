// The admin's one enhancement: the article editor keeps an unsaved draft in this browser
// (localStorage), so a closed tab or a crash loses at most a second of typing, and offers to
// restore it when the editor is opened again. Every page works without this file.
(function () {
  'use strict';
  var form = document.getElementById('editor-form');
  if (!form || !window.localStorage) return;
  var key = 'warta-draft:' + form.getAttribute('data-draft-key');
  var FIELDS = ['title', 'dek', 'section', 'tags', 'author', 'lang', 'body_markdown',
                'body_html', 'publish_at', 'correction', 'source', 'url'];

  function read() {
    var values = {};
    FIELDS.forEach(function (name) {
      var el = form.elements[name];
      if (el && typeof el.value === 'string') values[name] = el.value;
    });
    return values;
  }
  function stored() {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function forget() {
    try { localStorage.removeItem(key); } catch (e) { /* storage refused: nothing kept */ }
  }

  // The server stored the form just now (the page after a save): the local copy is done.
  // A new article's draft is kept under "new" until its first save names it.
  if (form.hasAttribute('data-just-saved')) {
    forget();
    try { localStorage.removeItem('warta-draft:new'); } catch (e) { /* as above */ }
  }

  var initial = JSON.stringify(read());
  var draft = stored();
  var updatedMs = Number(form.getAttribute('data-updated-ms') || '0');
  var box = document.getElementById('draft-restore');
  if (draft && draft.values && JSON.stringify(draft.values) !== initial &&
      draft.savedAt > updatedMs && box) {
    var text = document.createElement('p');
    text.textContent = box.getAttribute('data-text') + ' ' +
        new Date(draft.savedAt).toLocaleString(document.documentElement.lang);
    var restore = document.createElement('button');
    restore.type = 'button';
    restore.id = 'draft-restore-button';
    restore.textContent = box.getAttribute('data-restore');
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.textContent = box.getAttribute('data-discard');
    restore.addEventListener('click', function () {
      Object.keys(draft.values).forEach(function (name) {
        var el = form.elements[name];
        if (el && typeof el.value === 'string') el.value = draft.values[name];
      });
      box.hidden = true;
      var title = form.elements.title;
      if (title) title.focus();
    });
    discard.addEventListener('click', function () { forget(); box.hidden = true; });
    box.appendChild(text);
    box.appendChild(restore);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(discard);
    box.hidden = false;
  }

  var timer = 0;
  function keep() {
    timer = 0;
    var values = read();
    if (JSON.stringify(values) === initial) return;
    try {
      localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: values }));
    } catch (e) { /* full or refused: the server copy is all there is */ }
  }
  form.addEventListener('input', function () {
    if (!timer) timer = window.setTimeout(keep, 500);
  });
  // Closing the tab within the half second still keeps the last keystrokes.
  window.addEventListener('pagehide', function () { if (timer) { clearTimeout(timer); keep(); } });
}());
