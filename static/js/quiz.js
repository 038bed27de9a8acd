// Quiz autosave: every answer goes to the server as soon as it is given. Until the server says
// "saved", the answer is kept in localStorage and sent again (after a lost connection, a reload,
// or signing in again). Without JavaScript the page still works: each page submit saves.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch) { return; }

  var saveUrl = form.dataset.saveUrl;
  var storageKey = "telim-attempt-" + form.dataset.attempt;
  var csrfInput = form.querySelector("input[name=csrf_token]");
  var connection = document.querySelector("[data-connection]");
  var retryDelay = 2000;
  var retryTimer = null;
  var stopped = false;

  function loadPending() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function storePending(pending) {
    try { window.localStorage.setItem(storageKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
  }

  function fieldsOf(fieldset) {
    var fields = {};
    fieldset.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (!input.name || input.type === "file") { return; }  // a file goes with the page, not the autosave
      fields[input.name] = fields[input.name] || [];
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
      if (input.value !== "") { fields[input.name].push(input.value); }
    });
    return fields;
  }

  function applyFields(fieldset, fields) {
    fieldset.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.type === "file") { return; }
      var values = fields[input.name] || [];
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = values.indexOf(input.value) !== -1;
      } else {
        input.value = values.length ? values[0] : "";
        if (input.tagName === "TEXTAREA") { countWords(input); }
      }
    });
  }

  function fieldsetOf(questionId) {
    return form.querySelector('fieldset[data-question="' + questionId + '"]');
  }

  function showState(questionId, text, kind) {
    var fieldset = fieldsetOf(questionId);
    var state = fieldset && fieldset.querySelector("[data-save-state]");
    if (state) { state.textContent = text; state.className = "save-state save-" + kind; }
  }

  function showConnection(text, link) {
    if (!connection) { return; }
    connection.hidden = !text;
    connection.textContent = text || "";
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      connection.appendChild(document.createTextNode(" "));
      connection.appendChild(anchor);
    }
  }

  function scheduleRetry() {
    if (retryTimer || stopped) { return; }
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      retryDelay = Math.min(retryDelay * 2, 30000);
      sendAll();
    }, retryDelay);
  }

  // Each question's changes are counted; the server keeps a save only if it is newer than the one
  // it has, and the page sends one save per question at a time, then the latest answer after it.
  var sequences = {};
  var inFlight = {};
  form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
    sequences[fieldset.dataset.question] = Number(fieldset.dataset.sequence || 0);
  });

  function nextSequence(questionId) {
    sequences[questionId] = (sequences[questionId] || 0) + 1;
    return sequences[questionId];
  }

  // An answer waiting to be acknowledged: {fields, sequence} (a page of an older version kept fields only).
  function pendingItem(pending, questionId) {
    var item = pending[questionId];
    if (item && !item.fields) {
      item = { fields: item, sequence: nextSequence(questionId) };
      pending[questionId] = item;
      storePending(pending);
    }
    return item;
  }

  function send(questionId) {
    if (inFlight[questionId] || stopped) { return; }
    var item = pendingItem(loadPending(), questionId);
    if (!item) { return; }
    inFlight[questionId] = true;
    showState(questionId, form.dataset.textSaving, "saving");
    return window.fetch(saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-CSRFToken": csrfInput ? csrfInput.value : "" },
      body: JSON.stringify({ question: Number(questionId), fields: item.fields, sequence: item.sequence })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        inFlight[questionId] = false;
        if (response.ok) {
          var pending = loadPending();
          var latest = pendingItem(pending, questionId);
          if (latest && latest.sequence > item.sequence) {  // changed meanwhile: send the newest now
            send(questionId);
            return;
          }
          delete pending[questionId];
          storePending(pending);
          showState(questionId, form.dataset.textSaved, "saved");
          retryDelay = 2000;
          showConnection("");
        } else if (response.status === 401) {
          stopped = true;
          showState(questionId, form.dataset.textRetrying, "pending");
          showConnection(form.dataset.textSignedOut, { href: body.login, text: "→" });
        } else if (response.status === 409) {
          stopped = true;
          storePending({});
          showConnection(form.dataset.textClosed, { href: body.review, text: "→" });
          form.querySelectorAll("input, select, textarea, button").forEach(function (el) { el.disabled = true; });
        } else if (response.status >= 500) {
          showState(questionId, form.dataset.textRetrying, "pending");
          scheduleRetry();
        } else {
          showState(questionId, body.message || form.dataset.textRetrying, "error");
        }
      });
    }).catch(function () {
      inFlight[questionId] = false;
      showState(questionId, form.dataset.textRetrying, "pending");
      showConnection(navigator.onLine === false ? form.dataset.textOffline : "");
      scheduleRetry();
    });
  }

  function sendAll() {
    Object.keys(loadPending()).forEach(send);
  }

  function answerChanged(fieldset) {
    var questionId = fieldset.dataset.question;
    var pending = loadPending();
    pending[questionId] = { fields: fieldsOf(fieldset), sequence: nextSequence(questionId) };
    storePending(pending);
    send(questionId);
  }

  // An essay shows how many words it has, as its word limits count them.
  function countWords(textarea) {
    var counter = document.getElementById(textarea.id + "-words");
    if (!counter) { return; }
    var words = textarea.value.match(/[\p{L}\p{N}_]+(?:[-'\u2019][\p{L}\p{N}_]+)*/gu);
    counter.textContent = String(words ? words.length : 0);
  }
  form.querySelectorAll("textarea").forEach(countWords);

  var typingTimers = {};
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) { answerChanged(fieldset); }
  });
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset || (event.target.type !== "text" && event.target.type !== "textarea")) { return; }
    if (event.target.type === "textarea") { countWords(event.target); }
    window.clearTimeout(typingTimers[fieldset.dataset.question]);
    typingTimers[fieldset.dataset.question] = window.setTimeout(function () { answerChanged(fieldset); }, 700);
  });

  // Answers given but not yet acknowledged (before a reload, a lost connection or a sign-in)
  // are newer than what the server shows: put them back on the page and send them.
  var pending = loadPending();
  Object.keys(pending).forEach(function (questionId) {
    var fieldset = fieldsetOf(questionId);
    var item = pendingItem(pending, questionId);
    if (!fieldset || !item) { return; }
    applyFields(fieldset, item.fields);
    sequences[questionId] = Math.max(sequences[questionId] || 0, item.sequence);
  });
  sendAll();
  window.addEventListener("online", function () { retryDelay = 2000; sendAll(); });
  window.addEventListener("offline", function () { showConnection(form.dataset.textOffline); });

  // The timer only shows the server's deadline; the server refuses answers after it.
  var timer = document.querySelector("[data-deadline]");
  if (timer) {
    var deadline = Date.parse(timer.dataset.deadline);
    var display = timer.querySelector("[data-timer]");
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      display.textContent = left > 0 ? minutes + ":" + (seconds < 10 ? "0" : "") + seconds : form.dataset.textTimeUp;
      if (left === 0) {
        window.clearInterval(interval);
        window.setTimeout(function () { window.location.reload(); }, 35000);  // after the grace
      }
    };
    var interval = window.setInterval(tick, 1000);
    tick();
  }
})();
