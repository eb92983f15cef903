/* Neuvo resident chat. No build step; chat text only ever goes through textContent. */
(function () {
  "use strict";

  var STORE_KEY = "neuvo.chat";
  var REPLY_TIMEOUT_MS = 10000;
  var OFFLINE_NOTICE_MS = 3000;

  var T = {
    fi: {
      title: "Neuvo", tagline: "Sosiaalipalvelujen neuvonta", pageTitle: "Neuvo – sosiaalipalvelujen neuvonta",
      skip: "Siirry kirjoittamaan viestiä", quickExit: "Poistu nopeasti", emergency: "Hätätilanteessa soita",
      settings: "Asetukset", language: "Kieli", privacy: "Tietosuojaseloste", conversation: "Keskustelu",
      intro: "Kysy sosiaalipalveluista omin sanoin. Neuvo on avustaja, ei ihminen. Voit pyytää pääsyä sosiaaliohjaajalle.",
      messages: "Viestit", typing: "Neuvo kirjoittaa…", messageLabel: "Viestisi", send: "Lähetä",
      callbackTitle: "Soittopyyntö", callbackIntro: "Sosiaaliohjaaja soittaa sinulle. Numeroa käytetään vain tähän soittoon.",
      phone: "Puhelinnumero", preferredTime: "Sopiva aika soittaa (vapaaehtoinen)",
      consent: "Annan luvan soittaa minulle tähän numeroon tämän asian vuoksi.",
      sendCallback: "Lähetä soittopyyntö", cancel: "Peruuta", options: "Keskustelun valinnat",
      askCallback: "Pyydä soittoa", getCode: "Näytä jatkokoodi", codeIs: "Jatkokoodisi:",
      codeHelp: "Koodilla voit jatkaa keskustelua myöhemmin tai kertoa sen puhelimessa sosiaaliohjaajalle.",
      resumeLabel: "Onko sinulla jatkokoodi?", resume: "Jatka keskustelua",
      discreet: "Älä säilytä keskustelua tässä selaimessa", phoneService: "Polun puhelinneuvonta:",
      you: "Sinä", bot: "Neuvo (avustaja)", counsellor: "Sosiaaliohjaaja", system: "Tiedote",
      sending: "Lähetetään…", notSent: "Ei lähetetty", leaveCallback: "Jätä soittopyyntö",
      slow: "Vastaus viipyy. Viestisi on tallessa. Voit soittaa Polkuun {phone}. Hätätilanteessa soita {emergency}.",
      down: "Neuvo-avustaja ei juuri nyt vastaa. Viestisi on tallessa. Voit soittaa Polkuun {phone}. Hätätilanteessa soita {emergency}.",
      offline: "Yhteys katkesi. Yritämme yhdistää uudelleen, eikä viestejäsi menetetä. Voit soittaa Polkuun {phone}. Hätätilanteessa soita {emergency}.",
      errors: {
        message_too_long: "Viesti on liian pitkä. Lyhennä sitä, kiitos.", empty_message: "Kirjoita ensin viesti.",
        unknown_code: "Koodilla ei löytynyt keskustelua. Tarkista koodi.", unknown_conversation: "Aiempaa keskustelua ei löytynyt. Aloitetaan uusi.",
        rate_limited: "Liian monta yritystä. Odota hetki ja yritä uudelleen.", invalid_phone: "Tarkista puhelinnumero.",
        consent_required: "Soittopyyntö tarvitsee luvan soittaa.", conversation_closed: "Tämä keskustelu on päättynyt.",
        other: "Jokin meni vikaan. Yritä uudelleen. Hätätilanteessa soita 112."
      }
    },
    sv: {
      title: "Neuvo", tagline: "Rådgivning om socialservice", pageTitle: "Neuvo – rådgivning om socialservice",
      skip: "Gå till meddelandefältet", quickExit: "Lämna snabbt", emergency: "I en nödsituation, ring",
      settings: "Inställningar", language: "Språk", privacy: "Dataskyddsbeskrivning", conversation: "Samtal",
      intro: "Fråga om socialservice med egna ord. Neuvo är en assistent, inte en människa. Du kan be att få tala med en socialhandledare.",
      messages: "Meddelanden", typing: "Neuvo skriver…", messageLabel: "Ditt meddelande", send: "Skicka",
      callbackTitle: "Begäran om samtal", callbackIntro: "En socialhandledare ringer dig. Numret används bara för detta samtal.",
      phone: "Telefonnummer", preferredTime: "Lämplig tid att ringa (frivilligt)",
      consent: "Jag ger lov att ringa mig på detta nummer i detta ärende.",
      sendCallback: "Skicka begäran om samtal", cancel: "Avbryt", options: "Val för samtalet",
      askCallback: "Be om samtal", getCode: "Visa fortsättningskod", codeIs: "Din fortsättningskod:",
      codeHelp: "Med koden kan du fortsätta samtalet senare eller uppge den i telefon till en socialhandledare.",
      resumeLabel: "Har du en fortsättningskod?", resume: "Fortsätt samtalet",
      discreet: "Spara inte samtalet i den här webbläsaren", phoneService: "Polkus telefonrådgivning:",
      you: "Du", bot: "Neuvo (assistent)", counsellor: "Socialhandledare", system: "Meddelande",
      sending: "Skickas…", notSent: "Inte skickat", leaveCallback: "Lämna en begäran om samtal",
      slow: "Svaret dröjer. Ditt meddelande är sparat. Du kan ringa Polku på {phone}. I en nödsituation, ring {emergency}.",
      down: "Neuvo-assistenten svarar inte just nu. Ditt meddelande är sparat. Du kan ringa Polku på {phone}. I en nödsituation, ring {emergency}.",
      offline: "Förbindelsen bröts. Vi försöker ansluta igen, och dina meddelanden går inte förlorade. Du kan ringa Polku på {phone}. I en nödsituation, ring {emergency}.",
      errors: {
        message_too_long: "Meddelandet är för långt. Korta det, tack.", empty_message: "Skriv först ett meddelande.",
        unknown_code: "Ingen konversation hittades med koden. Kontrollera koden.", unknown_conversation: "Det tidigare samtalet hittades inte. Ett nytt börjar.",
        rate_limited: "För många försök. Vänta en stund och försök igen.", invalid_phone: "Kontrollera telefonnumret.",
        consent_required: "Begäran om samtal behöver ditt lov att ringa.", conversation_closed: "Det här samtalet har avslutats.",
        other: "Något gick fel. Försök igen. I en nödsituation, ring 112."
      }
    },
    en: {
      title: "Neuvo", tagline: "Social services guidance", pageTitle: "Neuvo – social services guidance",
      skip: "Skip to the message box", quickExit: "Leave quickly", emergency: "In an emergency, call",
      settings: "Settings", language: "Language", privacy: "Privacy notice", conversation: "Conversation",
      intro: "Ask about social services in your own words. Neuvo is an assistant, not a person. You can ask for a social counsellor.",
      messages: "Messages", typing: "Neuvo is typing…", messageLabel: "Your message", send: "Send",
      callbackTitle: "Callback request", callbackIntro: "A social counsellor will call you. The number is used for this call only.",
      phone: "Phone number", preferredTime: "A good time to call (optional)",
      consent: "I agree to be called on this number about this matter.",
      sendCallback: "Send callback request", cancel: "Cancel", options: "Conversation options",
      askCallback: "Ask for a call", getCode: "Show continuation code", codeIs: "Your continuation code:",
      codeHelp: "With the code you can continue later, or read it out to a social counsellor on the phone.",
      resumeLabel: "Do you have a continuation code?", resume: "Continue the conversation",
      discreet: "Do not keep this conversation in this browser", phoneService: "Polku phone guidance:",
      you: "You", bot: "Neuvo (assistant)", counsellor: "Social counsellor", system: "Notice",
      sending: "Sending…", notSent: "Not sent", leaveCallback: "Leave a callback request",
      slow: "The answer is taking a while. Your message is saved. You can call Polku on {phone}. In an emergency, call {emergency}.",
      down: "The Neuvo assistant is not answering right now. Your message is saved. You can call Polku on {phone}. In an emergency, call {emergency}.",
      offline: "The connection was lost. We are reconnecting, and your messages are not lost. You can call Polku on {phone}. In an emergency, call {emergency}.",
      errors: {
        message_too_long: "The message is too long. Please shorten it.", empty_message: "Please write a message first.",
        unknown_code: "No conversation was found with that code. Please check it.", unknown_conversation: "The earlier conversation was not found. A new one starts.",
        rate_limited: "Too many attempts. Please wait a moment and try again.", invalid_phone: "Please check the phone number.",
        consent_required: "A callback needs your permission to call.", conversation_closed: "This conversation has ended.",
        other: "Something went wrong. Please try again. In an emergency, call 112."
      }
    }
  };

  var state = {
    lang: "fi", sessionId: null, owner: "bot", discreet: false, seen: {}, pending: {}, code: null,
    config: { emergency_number: "112", polku_phone: "", privacy_notice_url: "#", quick_exit_url: "https://www.google.fi/" },
    replyTimer: null, offlineTimer: null, botDown: false, offline: false, slow: false, callbackReason: "resident_choice"
  };
  var socket = null;
  var $ = function (id) { return document.getElementById(id); };

  function t(key) { return (T[state.lang] && T[state.lang][key]) || T.fi[key] || key; }
  function fill(text) {
    return text.replace("{phone}", state.config.polku_phone || "").replace("{emergency}", state.config.emergency_number || "112");
  }
  function uid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ""); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  /* ---------- browser storage (never in discreet mode) ---------- */
  function loadStored() {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY) || "null") || {}; } catch (e) { return {}; }
  }
  function store() {
    if (state.discreet) { return; }
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify({ session_id: state.sessionId, lang: state.lang })); } catch (e) { /* storage off */ }
  }
  function clearStorage() {
    try { sessionStorage.clear(); } catch (e) { /* ignore */ }
    try { localStorage.clear(); } catch (e) { /* ignore */ }
  }

  /* ---------- language ---------- */
  function applyLanguage(lang) {
    state.lang = T[lang] ? lang : "fi";
    document.documentElement.lang = state.lang;
    document.title = t("pageTitle");
    document.querySelectorAll("[data-t]").forEach(function (el) { el.textContent = t(el.getAttribute("data-t")); });
    document.querySelectorAll("[data-t-aria]").forEach(function (el) { el.setAttribute("aria-label", t(el.getAttribute("data-t-aria"))); });
    document.querySelectorAll(".lang").forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang)); });
    document.querySelectorAll("[data-who]").forEach(function (el) { el.textContent = t(el.getAttribute("data-who")); });
    renderStatus();
    store();
  }

  /* ---------- status line: bot down, offline, slow; never an endless spinner ---------- */
  function renderStatus() {
    var box = $("status");
    var key = state.offline ? "offline" : state.botDown ? "down" : state.slow ? "slow" : null;
    if (!key) { box.hidden = true; box.textContent = ""; return; }
    box.textContent = fill(t(key));
    box.hidden = false;
  }
  function setTyping(on) {
    $("typing").hidden = !on;
    clearTimeout(state.replyTimer);
    if (on) {
      state.replyTimer = setTimeout(function () { $("typing").hidden = true; state.slow = true; renderStatus(); }, REPLY_TIMEOUT_MS);
    }
  }

  /* ---------- rendering (textContent only) ---------- */
  function whoKey(sender) { return { resident: "you", bot: "bot", counsellor: "counsellor", system: "system" }[sender] || "system"; }

  function messageElement(sender, text) {
    var li = document.createElement("li");
    li.className = "msg " + (whoKey(sender) === "you" ? "resident" : sender);
    var who = document.createElement("span");
    who.className = "who";
    who.setAttribute("data-who", whoKey(sender));
    who.textContent = t(whoKey(sender));
    var body = document.createElement("span");
    body.className = "text";
    body.textContent = text;
    li.appendChild(who);
    li.appendChild(body);
    return li;
  }

  function insertBySeq(li, seq) {
    var log = $("log");
    var items = log.querySelectorAll("li[data-seq]");
    for (var i = 0; i < items.length; i++) {
      if (Number(items[i].getAttribute("data-seq")) > seq) { log.insertBefore(li, items[i]); return; }
    }
    var firstPending = log.querySelector("li.pending");
    if (firstPending) { log.insertBefore(li, firstPending); } else { log.appendChild(li); }
  }

  function addReplies(li, replies) {
    var box = document.createElement("div");
    box.className = "replies";
    replies.forEach(function (reply) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = reply.title;
      b.addEventListener("click", function () {
        box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        send(reply.payload, reply.title);
      });
      box.appendChild(b);
    });
    li.appendChild(box);
  }

  function addCallbackButton(li, reason) {
    var box = document.createElement("div");
    box.className = "replies";
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("data-t", "leaveCallback");
    b.textContent = t("leaveCallback");
    b.addEventListener("click", function () { openCallback(reason); });
    box.appendChild(b);
    li.appendChild(box);
  }

  function render(m) {
    if (!m || typeof m.seq !== "number" || state.seen[m.seq]) { return; }
    if (m.sender === "resident" && m.client_msg_id && state.pending[m.client_msg_id]) {
      acknowledge(m.client_msg_id, m.seq);
      return;
    }
    state.seen[m.seq] = true;
    var li = messageElement(m.sender, m.text || "");
    li.setAttribute("data-seq", String(m.seq));
    if (Array.isArray(m.quick_replies) && m.quick_replies.length) { addReplies(li, m.quick_replies); }
    var ev = m.neuvo && m.neuvo.event;
    if (ev === "callback_offer" || ev === "queued") { addCallbackButton(li, m.neuvo.callback_reason || "resident_choice"); }
    if (ev === "queued") { state.owner = "waiting"; }
    if (ev === "handed_back" || ev === "callback_recorded") { state.owner = "bot"; }
    if (m.sender === "counsellor") { state.owner = "counsellor"; }
    insertBySeq(li, m.seq);
    if (m.sender !== "resident") {
      setTyping(false);
      state.slow = false;
      renderStatus();
    }
  }

  /* ---------- sending: stored once by client id, resent after a reconnect ---------- */
  function send(text, title) {
    var id = uid();
    var li = messageElement("resident", title || text);
    li.classList.add("pending");
    var st = document.createElement("span");
    st.className = "state";
    st.setAttribute("data-who", "sending");
    st.textContent = t("sending");
    li.appendChild(st);
    $("log").appendChild(li);
    state.pending[id] = { text: text, title: title || null, el: li };
    emitPending(id);
  }
  function emitPending(id) {
    var p = state.pending[id];
    if (!p || !socket || !socket.connected || !state.sessionId) { return; }
    var extension = { client_msg_id: id };
    if (p.title) { extension.title = p.title; }
    socket.emit("user_uttered", { message: p.text, session_id: state.sessionId, neuvo: extension });
  }
  function acknowledge(id, seq) {
    var p = state.pending[id];
    if (!p) { return; }
    delete state.pending[id];
    state.seen[seq] = true;
    p.el.classList.remove("pending");
    var st = p.el.querySelector(".state");
    if (st) { st.remove(); }
    p.el.setAttribute("data-seq", String(seq));
    p.el.remove();
    insertBySeq(p.el, seq);
  }
  function failPending(id, code) {
    var p = state.pending[id];
    if (!p) { return; }
    delete state.pending[id];
    var st = p.el.querySelector(".state");
    if (st) {
      st.removeAttribute("data-who");
      st.textContent = t("notSent") + ": " + (T[state.lang].errors[code] || T[state.lang].errors.other);
    }
  }

  /* ---------- socket ---------- */
  function connect(request) {
    socket = window.io({ transports: ["websocket", "polling"], reconnectionDelayMax: 5000 });
    socket.on("connect", function () {
      clearTimeout(state.offlineTimer);
      state.offline = false;
      renderStatus();
      var req = request || { session_id: state.sessionId };
      request = null;
      req.after_seq = 0;            /* full replay, de-duplicated by seq: nothing lost or doubled */
      req.language = state.lang;
      socket.emit("session_request", req);
    });
    socket.on("disconnect", offlineSoon);
    socket.on("connect_error", offlineSoon);
    socket.on("session_confirm", function (id) {
      var sid = (id && id.session_id) || id;
      if (state.sessionId && sid !== state.sessionId) { resetLog(); }
      state.sessionId = sid;
      store();
      Object.keys(state.pending).forEach(emitPending);
    });
    socket.on("neuvo_session", function (s) {
      state.owner = s.owner;
      state.botDown = s.bot === "unavailable";
      renderStatus();
    });
    socket.on("neuvo_history", function (h) { (h.messages || []).forEach(render); });
    socket.on("bot_uttered", render);
    socket.on("neuvo_message", render);
    socket.on("neuvo_ack", function (a) {
      acknowledge(a.client_msg_id, a.seq);
      if (state.owner === "bot" && !a.duplicate) { setTyping(true); }
    });
    socket.on("neuvo_status", function (s) {
      if (s.bot) { state.botDown = s.bot === "unavailable"; }
      if (state.botDown) { setTyping(false); }
      renderStatus();
    });
    socket.on("neuvo_code", function (c) {
      $("code").textContent = c.code;
      $("code-box").hidden = false;
    });
    socket.on("neuvo_callback_ok", function () {
      $("callback").hidden = true;
      $("callback-form").reset();
    });
    socket.on("neuvo_error", function (e) {
      var errors = T[state.lang].errors;
      if (e.client_msg_id && state.pending[e.client_msg_id]) { failPending(e.client_msg_id, e.code); return; }
      if (e.form === "callback") {
        var field = e.code === "consent_required" ? "cb-consent-error" : "cb-phone-error";
        $(field).textContent = errors[e.code] || errors.other;
        $(field).hidden = false;
        return;
      }
      showNotice(errors[e.code] || errors.other);
    });
  }
  function offlineSoon() {
    clearTimeout(state.offlineTimer);
    state.offlineTimer = setTimeout(function () { state.offline = true; setTyping(false); renderStatus(); }, OFFLINE_NOTICE_MS);
  }
  function showNotice(text) {
    var li = messageElement("system", text);
    li.classList.add("local");
    $("log").appendChild(li);
  }
  function resetLog() {
    $("log").textContent = "";
    state.seen = {};
    $("code-box").hidden = true;
  }

  /* ---------- callback form ---------- */
  function openCallback(reason) {
    state.callbackReason = reason || "resident_choice";
    $("callback").hidden = false;
    $("cb-phone").focus();
  }
  function submitCallback(event) {
    event.preventDefault();
    var phone = $("cb-phone").value.trim();
    var consent = $("cb-consent").checked;
    var errors = T[state.lang].errors;
    $("cb-phone-error").hidden = true;
    $("cb-consent-error").hidden = true;
    if (!/^\+?[0-9 ()-]{6,24}$/.test(phone)) {
      $("cb-phone-error").textContent = errors.invalid_phone; $("cb-phone-error").hidden = false; $("cb-phone").focus(); return;
    }
    if (!consent) {
      $("cb-consent-error").textContent = errors.consent_required; $("cb-consent-error").hidden = false; $("cb-consent").focus(); return;
    }
    socket.emit("neuvo_callback", {
      phone: phone, preferred_time: $("cb-time").value.trim(), consent: true,
      reason: state.callbackReason, client_msg_id: uid()
    });
  }

  /* ---------- quick exit: clear screen and storage, go to a neutral page ---------- */
  function quickExit() {
    try { if (socket) { socket.disconnect(); } } catch (e) { /* leaving anyway */ }
    clearStorage();
    document.body.textContent = "";
    document.title = "";
    window.location.replace(state.config.quick_exit_url || "https://www.google.fi/");
  }

  function setDiscreet(on) {
    state.discreet = on;
    if (on) { clearStorage(); } else { store(); }
  }

  function applyConfig(c) {
    state.config = Object.assign(state.config, c || {});
    var em = $("emergency-link");
    em.textContent = state.config.emergency_number;
    em.href = "tel:" + state.config.emergency_number.replace(/\s/g, "");
    var privacy = $("privacy-link");
    privacy.href = state.config.privacy_notice_url || "#";
    var polku = $("polku-link");
    polku.textContent = state.config.polku_phone;
    polku.href = "tel:" + (state.config.polku_phone || "").replace(/\s/g, "");
    if (state.config.max_message_chars) { $("message").maxLength = state.config.max_message_chars; }
    renderStatus();
  }

  function start() {
    $("quick-exit").addEventListener("click", quickExit);
    document.querySelector(".skip").addEventListener("click", function (e) { e.preventDefault(); $("message").focus(); });
    var stored = loadStored();
    state.sessionId = stored.session_id || null;
    applyLanguage(stored.lang || "fi");
    document.querySelectorAll(".lang").forEach(function (b) {
      b.addEventListener("click", function () {
        applyLanguage(b.getAttribute("data-lang"));
        if (socket && socket.connected) { socket.emit("neuvo_language", { language: state.lang }); }
      });
    });
    $("discreet").addEventListener("change", function (e) { setDiscreet(e.target.checked); });
    $("composer").addEventListener("submit", function (e) {
      e.preventDefault();
      var box = $("message");
      var text = box.value.trim();
      if (!text) { return; }
      box.value = "";
      send(text);
      box.focus();
    });
    $("message").addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
    });
    $("open-callback").addEventListener("click", function () { openCallback("resident_choice"); });
    $("cb-cancel").addEventListener("click", function () { $("callback").hidden = true; $("open-callback").focus(); });
    $("callback-form").addEventListener("submit", submitCallback);
    $("get-code").addEventListener("click", function () { if (socket) { socket.emit("neuvo_code"); } });
    $("resume-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var code = $("resume-code").value.trim();
      if (code && socket) { socket.emit("session_request", { continuation_code: code, after_seq: 0, language: state.lang }); }
    });
    fetch("/chat/config.json", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(applyConfig)
      .catch(function () { applyConfig({}); });
    if (typeof window.io !== "function") { state.offline = true; renderStatus(); return; }
    connect(null);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
