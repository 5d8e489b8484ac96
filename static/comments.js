// Comments without a page reload. Progressive enhancement: every form in #comments works as
// a plain HTML form post; with this script, posting a comment or a reply sends JSON to the
// same URL and puts the new comment into the page, announcing the result in the section's
// live region. Loads nothing from other hosts.
(function () {
  'use strict';
  var section = document.getElementById('comments');
  if (!section || !window.fetch) return;
  var status = section.querySelector('.comment-status');
  var list = section.querySelector('.comment-list');

  function say(text) {
    if (status) status.textContent = text;
  }

  // Edit forms are offered only while the author may still edit (the server checks too).
  var windowSeconds = parseInt(section.getAttribute('data-edit-window') || '0', 10);
  var now = Date.now() / 1000;
  section.querySelectorAll('.comment[data-created]').forEach(function (li) {
    var created = parseInt(li.getAttribute('data-created'), 10);
    if (now - created > windowSeconds) {
      var edit = li.querySelector('.edit');
      if (edit) edit.hidden = true;
    }
  });

  // The new comment's text survives the login round trip (and a reload): kept in this tab's
  // sessionStorage while it is typed, put back when the reader returns to the article, and
  // dropped once the comment is posted. Nothing leaves the browser.
  var draftKey = 'warta-comment-draft:' + window.location.pathname;
  var draftField = section.querySelector('.comment-form textarea[name="body"]');
  function keepDraft() {
    try {
      if (draftField.value) sessionStorage.setItem(draftKey, draftField.value);
      else sessionStorage.removeItem(draftKey);
    } catch (e) { /* storage refused (private mode, quota): the draft is not kept */ }
  }
  function dropDraft() {
    try { sessionStorage.removeItem(draftKey); } catch (e) { /* as above */ }
  }
  if (draftField) {
    try {
      var kept = sessionStorage.getItem(draftKey);
      if (kept && !draftField.value) draftField.value = kept;
    } catch (e) { /* as above */ }
    draftField.addEventListener('input', keepDraft);
  }

  function updateCount(count) {
    var counter = document.getElementById('comments-count');
    if (!counter || typeof count !== 'number') return;
    var text = new Intl.NumberFormat(document.documentElement.lang || undefined).format(count);
    counter.querySelectorAll('span').forEach(function (span) {
      span.textContent = span.textContent.replace(/[0-9][0-9.,\u00a0\u202f]*/, text);
    });
    var title = counter.getAttribute('title');
    if (title) counter.setAttribute('title', title.replace(/[0-9][0-9.,\u00a0\u202f]*/, text));
  }

  // The new comment as the page shows it; body_html was sanitized by the server.
  function render(comment) {
    var li = document.createElement('li');
    li.id = 'comment-' + comment.id;
    li.className = 'comment depth-' + Math.min(comment.depth || 0, 9);
    li.setAttribute('data-id', String(comment.id));
    li.tabIndex = -1;
    var meta = document.createElement('p');
    meta.className = 'comment-meta';
    var author = document.createElement('strong');
    author.className = 'comment-author';
    author.textContent = comment.author || '';
    var time = document.createElement('time');
    time.setAttribute('datetime', comment.created);
    time.textContent = comment.created_text;
    meta.appendChild(author);
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(time);
    var body = document.createElement('div');
    body.className = 'comment-body';
    body.innerHTML = comment.body_html;
    li.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  // A reply goes after its parent's last descendant; a new thread at the end.
  function insert(li, parentId, depth) {
    var empty = section.querySelector('.empty');
    if (empty) empty.remove();
    var parent = parentId ? document.getElementById('comment-' + parentId) : null;
    if (!parent) {
      list.appendChild(li);
      return;
    }
    var at = parent;
    while (at.nextElementSibling) {
      var next = at.nextElementSibling;
      var nextDepth = parseInt((next.className.match(/depth-(\d+)/) || [0, 0])[1], 10);
      if (nextDepth < depth) break;
      at = next;
    }
    at.after(li);
  }

  function submit(form, event) {
    event.preventDefault();
    var field = function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      return input ? input.value : '';
    };
    var payload = {body: field('body'), website: field('website')};
    var parent = parseInt(field('parent_id'), 10);
    if (parent > 0) payload.parent_id = parent;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    say(section.getAttribute('data-msg-sending'));
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': field('csrf_token')},
      body: JSON.stringify(payload)
    }).then(function (response) {
      if (response.status === 401) {
        if (draftField && form.contains(draftField)) keepDraft();
        var login = section.querySelector('.anonymous-only a');
        if (login) window.location.href = login.href;
        return null;
      }
      return response.json().then(function (data) {
        if (response.status !== 201) {
          say(data.error || section.getAttribute('data-msg-failed'));
          return;
        }
        if (draftField && form.contains(draftField)) dropDraft();
        form.reset();
        var details = form.closest('details');
        if (details) details.open = false;
        updateCount(data.comments);
        if (data.status === 'published') {
          var li = render(data);
          insert(li, data.parent_id, data.depth || 0);
          say(section.getAttribute('data-msg-published'));
        } else {
          say(section.getAttribute('data-msg-pending'));
        }
      });
    }).catch(function () {
      say(section.getAttribute('data-msg-failed'));
    }).finally(function () {
      if (button) button.disabled = false;
    });
  }

  section.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList.contains('comment-form') || form.classList.contains('reply-form')) {
      submit(form, event);
    }
  });
})();
