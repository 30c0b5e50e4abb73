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
