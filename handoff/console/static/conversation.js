// Live conversation: polls new messages, sends replies, offers canned replies. textContent only.
"use strict";
(function () {
  const POLL_MS = 2500;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const labels = { resident: "Asukas", bot: "Neuvo", counsellor: "Ohjaaja", system: "Järjestelmä" };
  const conversationId = window.location.pathname.split("/").pop();
  let lastSeq = parseInt(transcript.dataset.lastSeq || "0", 10);

  function append(message) {
    if (message.seq <= lastSeq) return;
    const li = document.createElement("li");
    li.className = "msg sender-" + message.sender;
    li.dataset.seq = message.seq;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = labels[message.sender] || message.sender;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.text;
    li.append(who, text);
    if (message.buttons && message.buttons.length) {
      const buttons = document.createElement("span");
      buttons.className = "buttons";
      buttons.textContent = "[" + message.buttons.join(" | ") + "]";
      li.appendChild(buttons);
    }
    transcript.appendChild(li);
    lastSeq = message.seq;
    transcript.scrollTop = transcript.scrollHeight;
  }

  async function poll() {
    try {
      const response = await fetch("/console/api/conversations/" + encodeURIComponent(conversationId) +
        "/messages?after=" + lastSeq, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) (await response.json()).messages.forEach(append);
    } catch (e) { /* try again at the next poll */ }
    setTimeout(poll, POLL_MS);
  }

  async function loadCanned(box, textarea, language) {
    const response = await fetch("/console/api/canned?lang=" + encodeURIComponent(language), { credentials: "same-origin" });
    if (!response.ok) return;
    (await response.json()).replies.forEach(function (reply) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = reply.title;
      button.addEventListener("click", function () { textarea.value = reply.text; textarea.focus(); });
      box.appendChild(button);
    });
  }

  if (composer) {
    const textarea = document.getElementById("reply");
    const status = document.getElementById("send-status");
    loadCanned(document.getElementById("canned"), textarea, composer.dataset.language || "fi");
    composer.addEventListener("submit", async function (event) {
      event.preventDefault();
      const text = textarea.value.trim();
      if (!text) return;
      const clientId = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now());
      status.textContent = "Lähetetään…";
      try {
        const response = await fetch("/console/api/conversations/" + encodeURIComponent(conversationId) + "/messages", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
          body: JSON.stringify({ text: text, client_msg_id: clientId }),
        });
        const data = await response.json();
        if (response.ok) { textarea.value = ""; status.textContent = "Lähetetty."; }
        else { status.textContent = data.error || "Lähetys ei onnistunut."; }
      } catch (e) { status.textContent = "Yhteys katkesi: yritä uudelleen."; }
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) composer.requestSubmit();
    });
  }
  // The callback fields matter only for the outcome "callback scheduled" (visible without JavaScript).
  const outcome = document.getElementById("outcome");
  const callbackFields = document.getElementById("callback-fields");
  if (outcome && callbackFields) {
    const toggle = function () { callbackFields.hidden = outcome.value !== "callback_scheduled"; };
    outcome.addEventListener("change", toggle);
    toggle();
  }
  setTimeout(poll, POLL_MS);
})();
