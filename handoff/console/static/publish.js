// Editor tools, publish page: polls each running job; values only through textContent.
"use strict";
(function () {
  const POLL_MS = 3000;
  const RUNNING = new Set(["queued", "training", "evaluating"]);

  function poll(section) {
    const id = section.dataset.job;
    fetch("/editor/api/jobs/" + encodeURIComponent(id), {credentials: "same-origin"})
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (job) {
        if (!job) { return setTimeout(function () { poll(section); }, POLL_MS * 2); }
        section.dataset.state = job.state;
        section.querySelector(".job-state").textContent = job.state_label || job.state;  // Finnish, from the hub
        section.querySelector(".job-step").textContent = job.step_label || "";
        if (RUNNING.has(job.state)) {
          setTimeout(function () { poll(section); }, POLL_MS);
        } else {
          window.location.reload();  // the finished job with its figures, and the versions
        }
      })
      .catch(function () { setTimeout(function () { poll(section); }, POLL_MS * 2); });
  }

  document.querySelectorAll("section.job").forEach(function (section) {
    if (RUNNING.has(section.dataset.state)) { poll(section); }
  });
})();
