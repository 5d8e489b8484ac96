// Like and share without leaving the page. Progressive enhancement: the like button and the
// share buttons are plain HTML forms that work without scripts; with this script they call
// the same routes with fetch and put the server's localized counter texts into the page
// (plural rules and number formats stay on the server). When a call fails, the form is
// submitted as if there were no script. Loads nothing from other hosts.
(function () {
  'use strict';
  if (!window.fetch) return;
  var status = document.querySelector('.engage-status');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute('content') : '';

  function say(text) {
    if (status && text) status.textContent = text;
  }

  // Sets a counter's number, its accessible label and its title.
  function setCounter(id, number, label) {
    var counter = document.getElementById(id);
    if (!counter || typeof number !== 'string') return;
    var shown = counter.querySelector('[aria-hidden="true"]');
    var hidden = counter.querySelector('.vh');
    if (shown) shown.textContent = number;
    if (hidden && label) hidden.textContent = label;
    if (label) counter.setAttribute('title', label);
  }

  function call(url, method) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      keepalive: true,
      headers: {'Accept': 'application/json', 'X-CSRF-Token': token}
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  var likeBox = document.getElementById('like-button');
  var likeForm = likeBox && likeBox.querySelector('form');
  if (likeForm) {
    likeForm.addEventListener('submit', function (event) {
      var action = likeForm.querySelector('[name="action"]');
      var button = likeForm.querySelector('button');
      if (!action || !button || button.disabled) return;
      event.preventDefault();
      var like = action.value !== 'unlike';
      button.disabled = true;
      call(likeForm.getAttribute('action'), like ? 'POST' : 'DELETE').then(function (data) {
        var texts = data.texts || {};
        action.value = data.liked ? 'unlike' : 'like';
        button.setAttribute('data-liked', data.liked ? 'true' : 'false');
        if (texts.button) button.textContent = texts.button;
        var prompt = likeBox.querySelector('.like-prompt');
        if (prompt && texts.like_prompt) prompt.textContent = texts.like_prompt;
        setCounter('likes', texts.likes, texts.likes_label);
        say(texts.likes_label);
        button.disabled = false;
      }).catch(function () {
        button.disabled = false;
        likeForm.submit();  // as without scripts: the server answers with a page
      });
    });
  }

  var share = document.querySelector('section.share');
  if (!share) return;
  var shareAction = share.getAttribute('data-action');
  var articleUrl = new URL(share.getAttribute('data-url') || '', window.location.href).href;

  // Counts one share; the count on the page follows the server's answer.
  function countShare(network) {
    var url = shareAction + '?network=' + encodeURIComponent(network);
    return call(url, 'POST').then(function (data) {
      var texts = data.texts || {};
      setCounter('shares', texts.shares, texts.shares_label);
      return texts;
    });
  }

  // Network buttons: the network's page opens in a new window at once (while the click
  // still allows a window), and the share is counted alongside.
  share.querySelectorAll('form').forEach(function (form) {
    var button = form.querySelector('.share-submit');
    if (!button) return;
    form.addEventListener('submit', function (event) {
      var target = button.getAttribute('data-url');
      if (!target || !shareAction) return;
      event.preventDefault();
      window.open(target, '_blank', 'noopener');
      countShare(button.getAttribute('data-network')).catch(function () {});
    });
  });

  function addButton(parent, className, label, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = label;
    button.addEventListener('click', onClick);
    parent.appendChild(button);
    return button;
  }

  var list = share.querySelector('.share-links');
  var title = share.getAttribute('data-title') || document.title;
  if (list && navigator.share && shareAction) {
    var item = document.createElement('li');
    addButton(item, 'share-native', share.getAttribute('data-native-label'), function () {
      navigator.share({title: title, url: articleUrl}).then(function () {
        return countShare('native');
      }).catch(function () {});  // cancelled by the reader, or not allowed: nothing to count
    });
    list.appendChild(item);
  }

  var copyField = share.querySelector('.copy-link');
  if (copyField && navigator.clipboard && navigator.clipboard.writeText && shareAction) {
    var copyButton = addButton(document.createElement('span'), 'copy-submit',
      share.getAttribute('data-copy-label'), function () {
        navigator.clipboard.writeText(articleUrl).then(function () {
          say(share.getAttribute('data-copied'));
          return countShare('copy');
        }).catch(function () {});
      });
    copyField.after(' ', copyButton);
  }
})();
