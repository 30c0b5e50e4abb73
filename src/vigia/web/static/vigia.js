// Choosing a figure in a document's list moves the focus to its sentence in the text.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.figure-link");
  var anchor = link && document.getElementById(link.hash.slice(1));
  var mark = anchor && anchor.closest("mark");
  if (!mark) { return; }
  event.preventDefault();
  history.replaceState(null, "", link.hash);
  document.querySelectorAll("mark.current").forEach(function (old) { old.classList.remove("current"); });
  mark.classList.add("current");
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
});

// A form with data-confirm asks before it is sent (deactivating an account, say): the page's
// policy allows no inline script, so the question is the attribute's text.
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) { event.preventDefault(); }
});

// Coming back to a list at one of its items (after a review action: the next fact), the focus goes
// to that item, so that the keyboard goes on from there and not from the top of the page.
document.addEventListener("DOMContentLoaded", function () {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.getAttribute("tabindex") === "-1") { target.focus(); }
});

// The review list answers to keys once one of its facts has the focus: J and K (or the arrows) move
// to the next and previous fact, C confirms it, E opens its correction, R its rejection (the focus
// goes to the form's first field), X ticks it for a bulk action, P publishes it. Escape closes an
// open form and gives the focus back to its fact. Keys typed in a field are left alone.
(function () {
  function list() { return document.querySelector("[data-review-keys]"); }
  function facts() {
    var here = list();
    return here ? Array.prototype.slice.call(here.querySelectorAll("[data-fact]")) : [];
  }
  function factOf(element) { return element && element.closest ? element.closest("[data-fact]") : null; }
  function show(fact) {
    if (!fact) { return; }
    fact.focus({ preventScroll: true });
    fact.scrollIntoView({ block: "nearest" });
  }
  function move(from, step) {
    var all = facts();
    var index = all.indexOf(from);
    show(all[index < 0 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1)]);
  }
  function send(fact, action) {
    var form = fact.querySelector("form[data-action='" + action + "']");
    if (form) { form.requestSubmit(); }
  }
  function open(fact, action) {
    var details = fact.querySelector("details[data-action='" + action + "']");
    if (!details) { return; }
    details.open = true;
    var field = details.querySelector("input:not([type='hidden']), textarea, select");
    if (field) { field.focus(); }
  }
  var moves = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
  document.addEventListener("keydown", function (event) {
    if (!list() || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    var fact = factOf(target);
    var typing = /^(INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY)$/.test(target.tagName) || target.isContentEditable;
    if (event.key === "Escape" && fact && target !== fact) {
      var details = target.closest("details");
      if (details) { details.open = false; }
      fact.focus();
      return;
    }
    if (typing) { return; }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key in moves) {
      if (!fact && key.length > 1) { return; }  // arrows scroll the page until a fact has the focus
      event.preventDefault();
      move(fact, moves[key]);
      return;
    }
    if (!fact || target !== fact) { return; }
    var done = true;
    if (key === "c") { send(fact, "confirm"); }
    else if (key === "p") { send(fact, "publish"); }
    else if (key === "e") { open(fact, "correct"); }
    else if (key === "r") { open(fact, "reject"); }
    else if (key === "x") {
      var tick = fact.querySelector("input[type='checkbox']");
      if (tick) { tick.checked = !tick.checked; }
    }
    else { done = false; }
    if (done) { event.preventDefault(); }
  });
})();

// A button with data-tick-all="FORM" ticks every box of the page that belongs to that form (or
// unticks them all when every one is ticked already).
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-tick-all]");
  if (!button) { return; }
  var form = button.getAttribute("data-tick-all");
  var boxes = document.querySelectorAll("input[type='checkbox'][form='" + form + "']");
  var every = Array.prototype.every.call(boxes, function (box) { return box.checked; });
  boxes.forEach(function (box) { box.checked = !every; });
});

// The statistics form: each grid's sum is shown as one types, and the form saves itself a moment
// after the last change. What could not be sent (no connection) is kept in this browser and sent
// again when the connection is back or the page is opened again; the Save button still works.
(function () {
  var form = document.querySelector("[data-statistics-form]");
  if (!form) return;
  var status = form.querySelector("[data-save-status]");
  var key = "vigia-statistics:" + form.getAttribute("action");
  var timer = null;
  function sums() {
    form.querySelectorAll("[data-grid]").forEach(function (grid) {
      var total = 0;
      grid.querySelectorAll("input").forEach(function (input) {
        var value = parseFloat(input.value.replace(/\s/g, ""));
        if (!isNaN(value)) total += value;
      });
      grid.querySelector("[data-sum]").textContent = String(total);
    });
  }
  function say(text) { if (status) status.textContent = text; }
  var sending = false, again = false;
  function send() {
    if (sending) { again = true; return; }  // one save at a time; the last typing goes next
    sending = true;
    var data = new FormData(form);
    var kept = {};
    data.forEach(function (value, name) {
      if (name.indexOf("v.") === 0 || name.indexOf("note.") === 0) kept[name] = value;
    });
    fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json().then(function (body) { return [response.ok, body]; }); })
      .then(function (answer) {
        if (answer[0]) {
          localStorage.removeItem(key);
          say(form.getAttribute("data-saved") || "✓");
          var list = document.querySelector("[data-statistics-checks]");
          if (list) {
            list.innerHTML = "";
            answer[1].violations.forEach(function (item) {
              var line = document.createElement("li");
              line.className = item.importance;
              line.setAttribute("data-rule", item.rule);
              line.textContent = item.message + " (" + item.left + " / " + item.right + ")";
              list.appendChild(line);
            });
          }
        } else {
          say(answer[1].error);
        }
      })
      .catch(function () {
        localStorage.setItem(key, JSON.stringify(kept));
        say(form.getAttribute("data-offline") || "…");
      })
      .then(function () {
        sending = false;
        if (again) { again = false; send(); }
      });
  }
  // A figure from the reports goes into the total only when a person chooses it.
  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fill]");
    if (!button) return;
    var input = form.querySelector('[name="' + button.getAttribute("data-fill") + '"]');
    if (!input) return;
    input.value = button.getAttribute("data-value");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  });
  form.addEventListener("input", function () {
    sums();
    clearTimeout(timer);
    timer = setTimeout(send, 800);
  });
  var unsent = localStorage.getItem(key);
  if (unsent) {
    var values = JSON.parse(unsent);
    Object.keys(values).forEach(function (name) {
      var input = form.querySelector('[name="' + name.replace(/"/g, "") + '"]');
      if (input) input.value = values[name];
    });
    send();
  }
  window.addEventListener("online", function () { if (localStorage.getItem(key)) send(); });
  sums();
})();
