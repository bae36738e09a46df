/* FactDesk pages: the few things that must happen without a reload. Every form also works without this script. */
(function () {
  'use strict';

  /* A step that cannot be undone (reject, block) asks first; without script the page's own words say what it does. */
  function initConfirmations() {
    document.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true);
  }

  /* The queue: claim and unclaim in place. The server answers with a message and the task's new row. */
  function initInPlaceForms() {
    var live = document.getElementById('live');
    document.addEventListener('submit', function (event) {
      var form = event.target.closest('form[data-inplace]');
      if (!form || !window.fetch) {
        return;
      }
      event.preventDefault();
      var row = form.closest('tr');
      var buttons = row ? row.querySelectorAll('button') : [];
      buttons.forEach(function (b) { b.disabled = true; });
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        headers: { 'X-FactDesk-Fragment': 'row' }
      }).then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      }).then(function (answer) {
        var doc = new DOMParser().parseFromString(answer.html, 'text/html');
        var message = doc.querySelector('.update .msg');
        if (!message) {
          // Not our answer (signed out, or an error page): let the browser show it.
          window.location.reload();
          return;
        }
        var fresh = doc.querySelector('.update tr');
        if (row && fresh) {
          var imported = document.importNode(fresh, true);
          row.replaceWith(imported);
          var next = imported.querySelector('a.btn-primary, button');
          if (next) {
            next.focus();
          }
        } else if (row) {
          row.remove();
        }
        recount();
        if (live) {
          live.textContent = message.textContent;
          live.hidden = false;
          live.className = 'flash live ' + (answer.ok ? 'flash-ok' : 'flash-bad');
        }
      }).catch(function () {
        form.submit();
      });
    });
  }

  /* Keeps the queue's "3 tasks · 1 yours" in step with the rows after an in-place change. */
  function recount() {
    var tasks = document.querySelector('[data-count="tasks"]');
    var mine = document.querySelector('[data-count="mine"]');
    var rows = document.querySelectorAll('table.queue tbody tr');
    if (tasks) {
      tasks.textContent = rows.length === 1 ? '1 task' : rows.length + ' tasks';
    }
    if (mine) {
      mine.textContent = document.querySelectorAll('table.queue tbody .holder-me').length + ' yours';
    }
  }

  /*
   * The article page: a selection in the text becomes the claim's quote and start index. The public article page and
   * the report page do the same for a reader's "Report an error" form (prefix 'report').
   */
  function initSelection(prefix) {
    var body = document.querySelector('[data-article-body]');
    var form = document.getElementById(prefix + '-form');
    if (!body || !form) {
      return;
    }
    var quote = form.querySelector('#' + prefix + '-quote');
    var start = form.querySelector('#' + prefix + '-start');
    var info = form.querySelector('#' + prefix + '-position');

    function paragraphOf(node) {
      var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      return element ? element.closest('p[data-offset]') : null;
    }

    function capture() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return;
      }
      var range = selection.getRangeAt(0);
      var paragraph = paragraphOf(range.startContainer);
      if (!paragraph || !body.contains(paragraph)) {
        return;
      }
      if (paragraphOf(range.endContainer) !== paragraph) {
        info.textContent = 'Select words within one paragraph.';
        return;
      }
      var before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var text = range.toString();
      var lead = text.length - text.replace(/^\s+/, '').length;
      text = text.trim();
      if (!text) {
        return;
      }
      var offset = Number(paragraph.getAttribute('data-offset')) + before.toString().length + lead;
      quote.value = text;
      start.value = String(offset);
      info.textContent = 'Selected \u201c' + (text.length > 40 ? text.slice(0, 40) + '\u2026' : text)
        + '\u201d at character ' + offset + '.';
      form.classList.add('has-selection');
      var box = form.closest('details');
      if (box && !box.open) {
        box.open = true;
      }
    }

    var timer = null;
    document.addEventListener('selectionchange', function () {
      clearTimeout(timer);
      timer = setTimeout(capture, 120);
    });
    body.addEventListener('mouseup', capture);
    body.addEventListener('keyup', capture);
    quote.addEventListener('input', function () {
      start.value = '';
      info.textContent = 'Typed: FactDesk looks for these exact words in the text.';
      form.classList.remove('has-selection');
    });
  }

  /* The Verify claim page: the notice draft and required fields follow the verdict. */
  function initVerdictForm() {
    var form = document.querySelector('form[data-verdict-form]');
    if (!form) {
      return;
    }
    var notice = form.querySelector('#notice');
    var note = form.querySelector('#note');
    // A notice that is no draft (an earlier verdict, prefilled after a return) is the fact-checker's own words.
    var edited = notice.value !== '' && notice.value !== notice.getAttribute('data-draft-error_confirmed')
      && notice.value !== notice.getAttribute('data-draft-clarification_needed');
    notice.addEventListener('input', function () { edited = true; });

    function update() {
      var chosen = form.querySelector('input[name="verdict"]:checked');
      var verdict = chosen ? chosen.value : null;
      form.querySelectorAll('[data-for]').forEach(function (field) {
        var show = !verdict || field.getAttribute('data-for').split(' ').indexOf(verdict) >= 0;
        field.hidden = !show;
        field.querySelectorAll('input, textarea').forEach(function (input) { input.disabled = !show; });
      });
      note.required = verdict === 'NOT_AN_ERROR';
      notice.required = verdict === 'ERROR_CONFIRMED' || verdict === 'CLARIFICATION_NEEDED';
      var draft = verdict && notice.getAttribute('data-draft-' + verdict.toLowerCase());
      if (draft && !edited) {
        notice.value = draft;
      }
    }
    form.addEventListener('change', function (event) {
      if (event.target.name === 'verdict') {
        update();
      }
    });
    update();
  }

  /*
   * Verify claim and Approve correction: the word diff and the notice preview follow what is typed. The server renders
   * them with publication's own code (GET /tasks/{id}/preview), asked a moment after the typing stops; an answer
   * overtaken by newer typing is dropped. Without script the page shows the preview of the form as it was loaded.
   */
  function initTaskPreview() {
    var form = document.querySelector('form[data-task-form][data-preview]');
    if (!form || !window.fetch || !window.URLSearchParams) {
      return;
    }
    var timer = null;
    var asked = 0;

    function query() {
      var params = new URLSearchParams();
      ['replacement', 'notice', 'kind'].forEach(function (name) {
        var field = form.querySelector('[name="' + name + '"]');
        if (field && !field.matches(':disabled')) {
          params.set(name, field.value);
        }
      });
      var verdict = form.querySelector('input[name="verdict"]:checked');
      if (verdict) {
        params.set('verdict', verdict.value);
      }
      return params.toString();
    }

    function refresh() {
      var mine = ++asked;
      fetch(form.getAttribute('data-preview') + '?' + query(), {
        credentials: 'same-origin',
        headers: { 'X-FactDesk-Fragment': 'preview' }
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html || mine !== asked) {
          return;
        }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        doc.querySelectorAll('[data-preview-part]').forEach(function (part) {
          var here = document.querySelector('[data-preview-part="' + part.getAttribute('data-preview-part') + '"]');
          // The part's content changes, not the part: it is the live region screen readers follow.
          if (here) {
            here.innerHTML = part.innerHTML;
          }
        });
      }).catch(function () { /* the preview stays as it was; the form still works */ });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  }

  /* A refused task form: the first field the server marked invalid takes the focus (autofocus may be pre-empted). */
  function initFieldErrors() {
    var invalid = document.querySelector('form [aria-invalid="true"]');
    if (invalid && document.activeElement !== invalid) {
      invalid.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    initConfirmations();
    initInPlaceForms();
    initSelection('flag');
    initSelection('report');
    initVerdictForm();
    initTaskPreview();
    initFieldErrors();
  });
})();
