// Follows an upload's extraction: asks for its state every two seconds, moves the progress bar
// on, and reloads the page once the job has ended (the page then says how it ended).
(function () {
  var panel = document.querySelector("[data-job-status]");
  if (!panel || panel.getAttribute("data-job-finished") === "true") { return; }
  var bar = panel.querySelector("progress");
  var state = panel.querySelector("[data-job-state]");
  function poll() {
    fetch(panel.getAttribute("data-job-status"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (job) {
        bar.value = job.progress;
        bar.textContent = job.progress + " %";
        state.textContent = job.state;
        if (job.finished) { window.location.reload(); } else { setTimeout(poll, 2000); }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
