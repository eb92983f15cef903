"""What the hub itself tells the resident, in Finnish, Swedish and English.

Honesty rules (issue 4): say what actually happens (queue position and an
estimate, or that a callback was recorded and when to expect it), always
give the phone number and 112 when the bot cannot answer, and in an
emergency put 112 and the crisis line first.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from handoff.organisation import Organisation
from nlu.triage.helpline import POISONING, VIOLENCE, helpline_kind

TEXTS = {
    "bot_unavailable": {
        "fi": "Neuvo-avustaja ei juuri nyt vastaa. Viestisi on tallessa, ja siihen vastataan, kun yhteys palaa. "
              "Voit soittaa Polkuun {phone}. Hätätilanteessa soita {emergency}.",
        "sv": "Neuvo-assistenten svarar inte just nu. Ditt meddelande är sparat och besvaras när förbindelsen "
              "fungerar igen. Du kan ringa Polku på {phone}. I en nödsituation, ring {emergency}.",
        "en": "The Neuvo assistant is not answering right now. Your message is saved and will be answered when "
              "the connection is back. You can call Polku on {phone}. In an emergency, call {emergency}.",
    },
    "emergency_first": {
        "fi": "Jos olet nyt vaarassa, soita heti {emergency}. Kriisipuhelin päivystää numerossa {crisis}.",
        "sv": "Om du är i fara nu, ring genast {emergency}. Kristelefonen har jour på {crisis}.",
        "en": "If you are in danger now, call {emergency} straight away. The crisis line is on {crisis}.",
    },
    "emergency_violence": {
        "fi": "Jos olet nyt vaarassa, soita heti {emergency}. Nollalinja auttaa lähisuhdeväkivallassa numerossa "
              "{helpline}, maksutta ja ympäri vuorokauden.",
        "sv": "Om du är i fara nu, ring genast {emergency}. Nollalinja hjälper vid våld i nära relationer på "
              "{helpline}, avgiftsfritt och dygnet runt.",
        "en": "If you are in danger now, call {emergency} straight away. Nollalinja helps with violence in close "
              "relationships on {helpline}, free and 24/7.",
    },
    "emergency_poisoning": {
        "fi": "Jos joku on ottanut liikaa lääkkeitä, päihteitä tai myrkkyä, soita heti {emergency}. "
              "Myrkytystietokeskus neuvoo numerossa {helpline}.",
        "sv": "Om någon har tagit för mycket läkemedel, droger eller gift, ring genast {emergency}. "
              "Giftinformationscentralen ger råd på {helpline}.",
        "en": "If someone has taken too much medicine, drugs or poison, call {emergency} straight away. "
              "The Poison Information Centre gives advice on {helpline}.",
    },
    "emergency_seen_waiting": {
        "fi": "Sosiaaliohjaaja näkee viestisi, ja keskustelusi on nyt jonossa etusijalla.",
        "sv": "Socialhandledaren ser ditt meddelande, och ditt samtal har nu förtur i kön.",
        "en": "A social counsellor will see your message, and your conversation now has priority in the queue.",
    },
    "emergency_seen_counsellor": {
        "fi": "Sosiaaliohjaaja näkee viestisi.",
        "sv": "Socialhandledaren ser ditt meddelande.",
        "en": "The social counsellor can see your message.",
    },
    "queued": {
        "fi": "Pyyntösi on välitetty sosiaaliohjaajalle. Olet jonossa {position}. Arvioitu odotusaika on noin "
              "{minutes} minuuttia. Jos et halua odottaa, voit jättää soittopyynnön.",
        "sv": "Din begäran har skickats till en socialhandledare. Du är nummer {position} i kön. Uppskattad "
              "väntetid är cirka {minutes} minuter. Om du inte vill vänta kan du lämna en begäran om samtal.",
        "en": "Your request has been passed to a social counsellor. You are number {position} in the queue. "
              "The estimated wait is about {minutes} minutes. If you prefer not to wait, you can ask to be "
              "called back.",
    },
    "outside_hours": {
        "fi": "Sosiaaliohjaajat eivät päivystä chatissa juuri nyt (chat on auki {hours}).",
        "sv": "Socialhandledarna är inte på plats i chatten just nu (chatten är öppen {hours}).",
        "en": "Social counsellors are not on the chat right now (the chat is open {hours}).",
    },
    "nobody_available": {
        "fi": "Yksikään sosiaaliohjaaja ei ole juuri nyt vapaana chatissa.",
        "sv": "Ingen socialhandledare är ledig i chatten just nu.",
        "en": "No social counsellor is free on the chat right now.",
    },
    "queue_full": {
        "fi": "Chatin jono on juuri nyt täynnä.",
        "sv": "Kön till chatten är full just nu.",
        "en": "The chat queue is full right now.",
    },
    "callback_offer": {
        "fi": "Voit jättää soittopyynnön, niin sosiaaliohjaaja soittaa sinulle {when}. Voit myös soittaa "
              "Polkuun {phone}.",
        "sv": "Du kan lämna en begäran om samtal, så ringer en socialhandledare dig {when}. Du kan också ringa "
              "Polku på {phone}.",
        "en": "You can leave a callback request and a social counsellor will call you {when}. You can also "
              "call Polku on {phone}.",
    },
    "callback_recorded": {
        "fi": "Soittopyyntösi on kirjattu. Sosiaaliohjaaja soittaa sinulle {when}. Jos asia on kiireellinen, "
              "soita Polkuun {phone}; hätätilanteessa soita {emergency}.",
        "sv": "Din begäran om samtal är registrerad. En socialhandledare ringer dig {when}. Om ärendet är "
              "brådskande, ring Polku på {phone}; i en nödsituation, ring {emergency}.",
        "en": "Your callback request has been recorded. A social counsellor will call you {when}. If it is "
              "urgent, call Polku on {phone}; in an emergency, call {emergency}.",
    },
    "handed_back": {
        "fi": "Keskustelu sosiaaliohjaajan kanssa päättyi. Voit jatkaa Neuvo-avustajan kanssa.",
        "sv": "Samtalet med socialhandledaren har avslutats. Du kan fortsätta med Neuvo-assistenten.",
        "en": "Your conversation with the social counsellor has ended. You can go on with the Neuvo assistant.",
    },
    "when_today": {
        "fi": "tänään palveluaikana", "sv": "i dag under öppettiden", "en": "today during service hours",
    },
    "when_at": {
        "fi": "{day} klo {time} alkaen", "sv": "från {day} kl. {time}", "en": "from {day} at {time}",
    },
    "when_soon": {
        "fi": "seuraavana palvelupäivänä", "sv": "nästa servicedag", "en": "on the next service day",
    },
}

DAY_NAMES = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def text(key: str, language: str, **values: object) -> str:
    variants = TEXTS[key]
    return variants.get(language, variants["fi"]).format(**values)


def common_values(organisation: Organisation, language: str) -> dict[str, str]:
    return {
        "phone": organisation.polku_phone,
        "emergency": organisation.emergency_number,
        "crisis": organisation.crisis_line(language),
        "hours": organisation.text("chat_hours", language),
    }


def emergency_text(organisation: Organisation, language: str, markers: list[str]) -> str:
    """112 and the helpline that fits the markers, by the bot's own rule (nlu/triage/helpline.py).

    A helpline missing from the organisation file falls back to the crisis line.
    """
    values = common_values(organisation, language)
    kind = helpline_kind(markers)
    if kind == VIOLENCE and organisation.value("violence_helpline"):
        return text("emergency_violence", language, helpline=organisation.value("violence_helpline"), **values)
    if kind == POISONING and organisation.value("poison_info"):
        return text("emergency_poisoning", language, helpline=organisation.value("poison_info"), **values)
    return text("emergency_first", language, **values)


def when_text(organisation: Organisation, language: str, now: datetime) -> str:
    """When a callback can be expected: today, or from the next opening."""
    hours = organisation.hours
    if hours.is_open(now):
        return text("when_today", language)
    opening: Optional[datetime] = hours.next_opening(now)
    if opening is None:
        return text("when_soon", language)
    day = f"{DAY_NAMES.get(language, DAY_NAMES['fi'])[opening.weekday()]} {opening.day}.{opening.month}."
    clock = f"{opening.hour}.{opening.minute:02d}" if language != "en" else f"{opening.hour}:{opening.minute:02d}"
    return text("when_at", language, day=day, time=clock)
