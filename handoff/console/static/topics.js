// Editor tools, topic page: the preview follows the textarea, with the organisation's facts filled in.
// Values only through textContent (never HTML); the facts come from data attributes (no inline script).
"use strict";
(function () {
  const facts = {};
  document.querySelectorAll("#org-facts span").forEach(function (span) {
    facts[span.dataset.name] = span.dataset.value;
  });

  function fillIn(text) {
    return text.replace(/\{(org_[a-z0-9_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(facts, name) ? facts[name] : whole;
    });
  }

  document.querySelectorAll("section.answer").forEach(function (section) {
    const area = section.querySelector("textarea.answer-text");
    const preview = section.querySelector(".preview");
    const length = section.querySelector(".answer-length");
    const max = parseInt(area.dataset.max, 10);
    area.addEventListener("input", function () {
      const shown = fillIn(area.value.trim());
      preview.textContent = shown;
      length.textContent = String(shown.length);
      section.classList.toggle("too-long", shown.length > max);
    });
  });
})();
