// Editor tools, publish page: polls each running job; values only through textContent.
"use strict";
(function () {
  const POLL_MS = 3000;
  const RUNNING = new Set(["queued", "training", "evaluating"]);
  const LABELS = {queued: "jonossa", training: "koulutetaan", evaluating: "arvioidaan",
                  published: "julkaistu", rejected: "hylätty (tarkkuus laski)", failed: "epäonnistui"};

  function poll(section) {
    const id = section.dataset.job;
    fetch("/editor/api/jobs/" + encodeURIComponent(id), {credentials: "same-origin"})
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (job) {
        if (!job) { return setTimeout(function () { poll(section); }, POLL_MS * 2); }
        section.dataset.state = job.state;
        section.querySelector(".job-state").textContent = LABELS[job.state] || job.state;
        section.querySelector(".job-step").textContent = (job.progress && job.progress.step) || "";
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
