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
