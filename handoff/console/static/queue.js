// Live queue: polls /console/api/queue; resident-derived values only through textContent.
"use strict";
(function () {
  const POLL_MS = 4000;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const tbody = document.querySelector("#queue tbody");
  const empty = document.getElementById("queue-empty");
  const mine = document.getElementById("mine");
  const alertBox = document.getElementById("alert");
  const present = document.getElementById("present");
  const seenEmergencies = new Set();

  function waited(seconds) {
    const m = Math.floor(seconds / 60);
    return m < 1 ? "alle minuutti" : m + " min";
  }

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  function claimForm(item) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/console/handoffs/" + encodeURIComponent(item.handoff_id) + "/claim";
    const token = document.createElement("input");
    token.type = "hidden"; token.name = "csrf_token"; token.value = csrf;
    const button = document.createElement("button");
    button.type = "submit"; button.className = "primary"; button.textContent = "Ota";
    form.append(token, button);
    return form;
  }

  // Browsers keep audio muted until the user has interacted with the page:
  // the first click or key press anywhere unlocks the alert sound.
  let audio = null;
  function unlockAudio() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
    } catch (e) { audio = null; }
  }
  document.addEventListener("click", unlockAudio, { once: true });
  document.addEventListener("keydown", unlockAudio, { once: true });

  function beep() {
    try {
      unlockAudio();
      [0, 0.35, 0.7].forEach(function (at) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = 880; gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(audio.currentTime + at); osc.stop(audio.currentTime + at + 0.2);
      });
    } catch (e) { /* sound is a bonus; the visual alert is the guarantee */ }
  }

  function render(data) {
    tbody.replaceChildren();
    let fresh = false;
    data.queue.forEach(function (item) {
      const tr = document.createElement("tr");
      tr.className = item.level;
      const level = cell(tr, "");
      const badge = document.createElement("span");
      badge.className = "level level-" + item.level;
      badge.textContent = item.level_label;
      level.appendChild(badge);
      cell(tr, item.markers.map(function (m) { return m.replace(/_/g, " "); }).join(", "));
      cell(tr, waited(item.waited_seconds));
      cell(tr, item.language);
      const action = cell(tr, "");
      const link = document.createElement("a");
      link.href = "/console/conversations/" + encodeURIComponent(item.conversation_id);
      link.textContent = "Esitiedot";
      action.append(claimForm(item), link);
      tbody.appendChild(tr);
      if (item.level === "emergency" && !seenEmergencies.has(item.handoff_id)) {
        seenEmergencies.add(item.handoff_id);
        fresh = true;
      }
    });
    empty.hidden = data.queue.length > 0;
    mine.replaceChildren();
    data.mine.forEach(function (item) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = "/console/conversations/" + encodeURIComponent(item.conversation_id);
      link.textContent = item.level_label + " · " + waited(item.waited_seconds);
      li.appendChild(link);
      mine.appendChild(li);
      // A resident's message while with a counsellor can raise the level too (handoff/botlink/triage.py).
      if (item.level === "emergency") {
        li.className = "level-emergency";
        if (!seenEmergencies.has(item.handoff_id)) { seenEmergencies.add(item.handoff_id); fresh = true; }
      }
    });
    present.textContent = "Tavoitettavissa nyt: " + data.present + " ohjaajaa";
    const emergencyWaiting = data.queue.some(function (i) { return i.level === "emergency"; });
    const emergencyMine = data.mine.some(function (i) { return i.level === "emergency"; });
    alertBox.textContent = emergencyWaiting ? "Uusi hätätilanne jonossa!" : "Hätätilanne keskustelussasi!";
    alertBox.hidden = !(emergencyWaiting || emergencyMine);
    if (fresh) {
      alertBox.classList.remove("flash"); void alertBox.offsetWidth; alertBox.classList.add("flash");
      beep();
      document.title = "(!) Hätä – Jono";
    } else if (!emergencyWaiting && !emergencyMine) {
      document.title = "Jono – Neuvo-konsoli";
    }
  }

  async function poll() {
    try {
      const response = await fetch("/console/api/queue", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.status === 401) { window.location.href = "/console/login?next=/console/"; return; }
      if (response.ok) render(await response.json());
    } catch (e) { /* network blip: the next poll tries again */ }
    setTimeout(poll, POLL_MS);
  }
  poll();
})();
