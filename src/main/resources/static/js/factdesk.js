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
      info.textContent = whereInWords(body, paragraph, text, offset);
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
    // The flag form's "Flag this" takes the selection at once, not after the pause above.
    form.captureSelection = capture;
    quote.addEventListener('input', function () {
      start.value = '';
      info.textContent = 'Typed: FactDesk looks for these exact words in the text.';
      form.classList.remove('has-selection');
    });
  }

  /*
   * A selection's place as a person says it: "Selected “Delany” in paragraph 2 (2nd of 3 times in the text)". Blank
   * paragraphs are not counted; the times are those of the words in the whole text, as the server counts them.
   */
  function whereInWords(body, paragraph, text, offset) {
    var paragraphs = body.querySelectorAll('p[data-offset]');
    var counted = 0;
    var number = 0;
    var whole = [];
    for (var i = 0; i < paragraphs.length; i++) {
      if (paragraphs[i].textContent.trim()) {
        counted++;
      }
      if (paragraphs[i] === paragraph) {
        number = counted;
      }
      whole.push(paragraphs[i].textContent);
    }
    var all = whole.join('\n');
    var times = 0;
    var nth = 0;
    for (var at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length)) {
      times++;
      if (at === offset) {
        nth = times;
      }
    }
    var words = 'Selected \u201c' + (text.length > 40 ? text.slice(0, 40) + '\u2026' : text) + '\u201d in paragraph '
      + number;
    if (times > 1 && nth > 0) {
      words += ' (' + ordinal(nth) + ' of ' + times + ' times in the text)';
    }
    return words + '.';
  }

  function ordinal(n) {
    var tens = n % 100;
    var suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
    return n + suffix;
  }

  /*
   * The article page: "Flag this" appears beside a selection in the text and opens the one flag form next to it,
   * under the selection on a wide screen and as a sheet at the foot of the screen on a phone; Escape sends the form
   * back to the sidebar and focus back to where it was. The text is one Tab stop in which the arrow keys move a caret
   * (by word, by line) and Shift with them selects, so the keyboard selects what a mouse would; F, Alt+Shift+F or Tab
   * then reaches "Flag this". Without script the sidebar form is the route, with words selected or typed.
   */
  function initFlagPopover() {
    var body = document.querySelector('[data-article-body]');
    var form = document.getElementById('flag-form');
    var button = document.getElementById('flag-this');
    var pop = document.getElementById('flag-pop');
    if (!body || !form || !button || !pop || !window.getSelection) {
      return;
    }
    var story = body.closest('.story') || body.parentNode;
    var home = document.createComment(' the flag form\u2019s place in the sidebar ');
    form.parentNode.insertBefore(home, form);
    var phone = window.matchMedia('(max-width: 700px)');
    var caret = document.createElement('span');
    caret.className = 'text-caret';
    caret.hidden = true;
    caret.setAttribute('aria-hidden', 'true');
    story.appendChild(caret);
    var opener = null;
    var saved = null;

    body.tabIndex = 0;
    body.setAttribute('role', 'region');
    body.setAttribute('aria-label', 'Article text');
    if (document.getElementById('flag-hint')) {
      body.setAttribute('aria-describedby', 'flag-hint');
    }

    function paragraphOf(node) {
      var element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
      return element ? element.closest('p[data-offset]') : null;
    }

    /* The selection when it is words within one paragraph of the text, else null. */
    function selected() {
      var selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) {
        return null;
      }
      var range = selection.getRangeAt(0);
      var paragraph = paragraphOf(range.startContainer);
      if (!paragraph || !body.contains(paragraph) || paragraphOf(range.endContainer) !== paragraph
          || !range.toString().trim()) {
        return null;
      }
      return range;
    }

    /* Puts an absolutely placed element of the story just under the range's last line, or above its first line. */
    function placeBy(element, range) {
      var rects = range.getClientRects();
      var first = rects.length ? rects[0] : range.getBoundingClientRect();
      var last = rects.length ? rects[rects.length - 1] : first;
      var origin = story.getBoundingClientRect();
      var height = element.offsetHeight;
      var width = element.offsetWidth;
      var top = last.bottom + 6;
      if (top + height > window.innerHeight && first.top - height - 6 > 0) {
        top = first.top - height - 6;
      }
      var left = Math.min(last.left, window.innerWidth - width - 8);
      element.style.left = Math.max(left, 8) - origin.left + 'px';
      element.style.top = top - origin.top + 'px';
    }

    function showButton() {
      var range = selected();
      if (!range) {
        if (document.activeElement !== button) {
          button.hidden = true;
        }
        return;
      }
      button.hidden = false;
      placeBy(button, range);
    }

    function showCaret() {
      var selection = window.getSelection();
      caret.hidden = true;
      if (!selection.rangeCount || !selection.isCollapsed || !body.contains(selection.anchorNode)
          || document.activeElement !== body) {
        return;
      }
      var rects = selection.getRangeAt(0).getClientRects();
      if (!rects.length) {
        return;
      }
      var origin = story.getBoundingClientRect();
      caret.style.left = rects[0].left - origin.left + 'px';
      caret.style.top = rects[0].top - origin.top + 'px';
      caret.style.height = rects[0].height + 'px';
      caret.hidden = false;
    }

    /* A caret at the start of the first paragraph with words, for a keyboard that enters the text. */
    function caretAtStart() {
      var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data.trim()) {
          window.getSelection().collapse(node, node.data.length - node.data.replace(/^\s+/, '').length);
          return;
        }
      }
    }

    /* Opens the form by the selection; {@code back} is where Escape returns the focus. */
    function open(back) {
      var range = selected();
      if (!range) {
        return false;
      }
      if (form.captureSelection) {
        form.captureSelection();
      }
      saved = range.cloneRange();
      opener = back === button ? button : body;
      caret.hidden = true;
      pop.appendChild(form);
      pop.hidden = false;
      button.hidden = true;
      layout();
      form.querySelector('#flag-category').focus();
      return true;
    }

    function layout() {
      if (phone.matches) {
        pop.classList.add('is-sheet');
        pop.style.left = '';
        pop.style.top = '';
      } else {
        pop.classList.remove('is-sheet');
        if (saved) {
          placeBy(pop, saved);
        }
      }
    }

    function close() {
      if (pop.hidden) {
        return;
      }
      home.parentNode.insertBefore(form, home.nextSibling);
      pop.hidden = true;
      if (saved) {
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(saved);
      }
      if (opener === button && saved) {
        button.hidden = false;
        placeBy(button, saved);
        button.focus();
      } else {
        body.focus();
      }
    }

    var timer = null;
    document.addEventListener('selectionchange', function () {
      if (!pop.hidden) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        showButton();
        showCaret();
      }, 60);
    });
    // A press on the button must not take the selection away before it is read.
    button.addEventListener('mousedown', function (event) { event.preventDefault(); });
    button.addEventListener('click', function () { open(button); });
    pop.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    pop.querySelector('[data-flag-close]').addEventListener('click', close);
    phone.addEventListener('change', function () {
      if (!pop.hidden) {
        layout();
      }
    });
    body.addEventListener('blur', function () { caret.hidden = true; });
    body.addEventListener('focus', function () {
      var selection = window.getSelection();
      if (!selection.rangeCount || !body.contains(selection.anchorNode)) {
        caretAtStart();
      }
      showCaret();
    });

    var moves = {
      ArrowRight: ['forward', 'word'], ArrowLeft: ['backward', 'word'],
      ArrowDown: ['forward', 'line'], ArrowUp: ['backward', 'line'],
      Home: ['backward', 'lineboundary'], End: ['forward', 'lineboundary']
    };
    body.addEventListener('keydown', function (event) {
      if (event.target !== body || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      var selection = window.getSelection();
      var move = moves[event.key];
      if (move && selection.modify) {
        event.preventDefault();
        if (!selection.rangeCount || !body.contains(selection.anchorNode)) {
          caretAtStart();
        }
        selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
        var focus = selection.focusNode && (selection.focusNode.nodeType === Node.ELEMENT_NODE
          ? selection.focusNode : selection.focusNode.parentElement);
        if (focus) {
          focus.scrollIntoView({ block: 'nearest' });
        }
      } else if ((event.key === 'f' || event.key === 'F') && !event.shiftKey && open(body)) {
        event.preventDefault();
      } else if (event.key === 'Tab' && !event.shiftKey && selected()) {
        event.preventDefault();
        showButton();
        button.focus();
      } else if (event.key === 'Escape' && !selection.isCollapsed) {
        selection.collapseToEnd();
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.altKey && event.shiftKey && event.code === 'KeyF' && pop.hidden
          && open(document.activeElement === button ? button : body)) {
        event.preventDefault();
      }
    });

    // After flagging: focus lands on the new claim's words (or its entry in the list) that the address names.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && (body.contains(target) || target.closest('.sidebar'))) {
      if (!target.hasAttribute('tabindex')) {
        target.tabIndex = -1;
      }
      // In the middle of the screen, not against its top edge where the browser's jump to the address left it.
      var center = function () { target.scrollIntoView({ block: 'center' }); };
      target.focus({ preventScroll: true });
      center();
      window.addEventListener('load', function () { setTimeout(center, 0); });
    }
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

    // Only the fields the preview shows ask for it, and none once the form is sent: a preview asked while the
    // decision is on its way would find the task already done (a 404) and redraw a page that is leaving.
    var shown = ['replacement', 'notice', 'kind', 'verdict'];
    var sent = false;

    function later(event) {
      if (sent || !event.target || shown.indexOf(event.target.name) < 0) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    form.addEventListener('submit', function () {
      sent = true;
      clearTimeout(timer);
      asked++;
    });
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
    initFlagPopover();
    initSelection('report');
    initVerdictForm();
    initTaskPreview();
    initFieldErrors();
  });
})();
