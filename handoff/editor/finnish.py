"""What the publisher says, in the editors' language, each with a next step.

Why here: the publisher (bot side) speaks English to logs and tests; editors
are social-work staff who read Finnish. One table for every page and for
publish.js, so a reason is never shown raw on one page and translated on another.
"""
from __future__ import annotations

import re
from typing import Any

from bot.content.write import MAX_EXAMPLE_LENGTH as MAX_EXAMPLE_CHARS  # the one rule for examples

STATE_LABELS = {"queued": "jonossa", "training": "koulutetaan", "evaluating": "arvioidaan",
                "published": "julkaistu", "rejected": "hylätty", "failed": "epäonnistui"}
UNAVAILABLE = "Julkaisupalvelu ei vastaa. Yritä hetken päästä. Jos vika jatkuu, ota yhteys ylläpitoon."
NOT_CONFIGURED = ("Julkaisu ei ole käytössä tässä asennuksessa. Ylläpitäjän on asetettava "
                  "NEUVO_PUBLISHER_TOKEN ja käynnistettävä julkaisupalvelu.")
LEVELS = {"emergency": "hätätilanteiden", "urgent": "kiireellisten tilanteiden"}

# (pattern on the publisher's English text, Finnish with a next step); the first match wins.
_REASONS: tuple[tuple[str, str], ...] = (
    (r"already under (?P<tail>.*)", "Sama esimerkki on jo aiheessa {tail}. Poista toinen tai muotoile uudelleen."),
    (r"already pending", "Sama muutos odottaa jo julkaisua."),
    (r"fit a chat bubble:?(?P<tail>.*)", "Vastaus on liian pitkä chat-kuplaan:{tail} Lyhennä vastausta."),
    (r"review date", "Tarkistuspäivä on annettava muodossa 2027-05-31."),
    (r"has no such example", "Aiheessa ei ole tätä esimerkkiä. Päivitä sivu."),
    (r"an example has", f"Esimerkissä on oltava 1–{MAX_EXAMPLE_CHARS} merkkiä."),
    (r"cannot start with", "Esimerkki ei voi alkaa merkillä -, # tai /."),
    (r"reads as markup", "Esimerkissä ei voi olla hakasulkeita, joita seuraa sulku: Rasa lukee ne merkinnöiksi. "
                         "Poista hakasulkeet."),
    (r"intent macro-F1 fell from (?P<before>[\d.]+) to (?P<after>[\d.]+)",
     "Aiheiden tunnistus heikkeni ({before} → {after}). Kokeile toista sanamuotoa tai lisää samaan aiheeseen "
     "muutama esimerkki lisää, ja julkaise uudelleen."),
    (r"(?P<level>emergency|urgent) recall fell from (?P<before>[\d.]+) to (?P<after>\S+)",
     "{level_fi} tunnistus heikkeni ({before} → {after}). Tätä ei julkaista koskaan: poista tai muuta "
     "muutosta ja julkaise uudelleen."),
    (r"content check: (?P<tail>.*)", "Sisällön tarkistus löysi virheen: {tail}. Korjaa muutos ja julkaise uudelleen."),
    (r"leave the content as it is", "Muutokset eivät muuta sisältöä. Mitään ei julkaistu."),
    (r"content changed while the model was training",
     "Sisältöä muutettiin koulutuksen aikana. Muutokset palasivat odottamaan: julkaise uudelleen."),
    (r"no version (?P<tail>\d+)", "Versiota {tail} ei ole."),
    (r"version (?P<tail>\d+) is no longer kept", "Version {tail} mallia ei enää säilytetä, joten sitä ei voi palauttaa."),
    (r"interrupted by a restart", "Julkaisu keskeytyi, kun palvelu käynnistyi uudelleen. Julkaise uudelleen."),
    (r"rasa train|evaluation exited|served model|SwapFailed|model",
     "Mallin koulutus tai käyttöönotto epäonnistui. Muutokset palasivat odottamaan. Yritä uudelleen; "
     "jos vika toistuu, ota yhteys ylläpitoon."),
)
_STEPS = {"snapshot": "sisällön kopiointi", "content check": "sisällön tarkistus",
          "the served model": "nykyisen mallin mittaus", "the new model": "uuden mallin mittaus"}


def unavailable(error: Exception) -> str:
    """Why the publisher cannot help now, with what to do."""
    from handoff.editor.publisher import PublisherNotConfigured

    return NOT_CONFIGURED if isinstance(error, PublisherNotConfigured) else UNAVAILABLE


def reason(text: str) -> str:
    """One refusal, rejection reason or job error in Finnish (unknown ones still get a next step)."""
    for pattern, finnish in _REASONS:
        found = re.search(pattern, text)
        if found:
            parts = {k: (v or "").strip(" :;.") for k, v in found.groupdict().items()}
            if "level" in parts:
                parts["level_fi"] = LEVELS[parts["level"]].capitalize()
            return finnish.format(**parts)
    return "Muutosta ei hyväksytty. Tarkista muutos ja yritä uudelleen; jos vika toistuu, ota yhteys ylläpitoon."


def step(text: str) -> str:
    """A progress step: training shows the component and its share ("DIETClassifier 45 %")."""
    if text in _STEPS:
        return _STEPS[text]
    if text.startswith("restoring version"):
        return "palautetaan versio" + text[len("restoring version"):]
    return f"koulutetaan: {text}" if text else ""


def job_view(job: dict[str, Any]) -> dict[str, Any]:
    """What the page and publish.js show of a job: labels, step, reasons and error in Finnish."""
    state = job.get("state", "")
    running = state in ("queued", "training", "evaluating")
    return {
        "state": state, "state_label": STATE_LABELS.get(state, state),
        "step_label": step((job.get("progress") or {}).get("step", "")) if running else "",
        "reasons": [reason(r) for r in job.get("reasons") or []],
        "error": reason(job["error"]) if job.get("error") else None,
    }
