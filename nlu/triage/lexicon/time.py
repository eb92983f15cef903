"""Time words and message context that decide whether a problem counts now.

Patterns are matched on lower-cased text with diacritics folded (ä -> a,
ö -> o, å -> a; see assess.fold), so "tanaan" counts as "tänään". Lemma
forms are listed too ("ensi kuu", "perjantai"), because lemma clauses are
checked for time words of their own.

NOW is "within a few days either way": today, tonight, now, tomorrow, this
week, by Friday, and also yesterday or last night, because a recent event
(released yesterday, hit last night, evicted yesterday) still needs help
today. LATER and PAST lift a problem out of today: next month, in spring,
two years ago, as a child.
"""
from __future__ import annotations

_WEEKDAYS_FI = r"(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\w*"
_WEEKDAYS_EN = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAYS_SV = r"(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)"

NOW = (
    # Finnish: today, tonight, now, just now
    r"\b(nyt|just|juuri|heti|äsken|tänään|tänää|tänä (yönä|iltana|aamuna|päivänä)|tämä (yö|ilta|aamu)"
    r"|tän (yön|illan|päivän)|tälle (yölle|illalle|päivälle)|tämän päivän|tästä illasta|tänäkään|tänäänkään"
    r"|yöksi|illaksi|ensi yö\w*|tästä (päivästä|illasta) (alkaen|lähtien)|aamulla|illalla|yöllä|hetki sitten"
    r"|parhaillaan|tällä hetkellä|kiireellisesti|kiireesti|pikaisesti|hätäisesti"
    # tomorrow, this week, by a day
    r"|huomenna|huomen\w*|ylihuomenna|tällä viikolla|tämän viikon|viikon sisällä|parin päivän|muutaman päivän"
    r"|viikonlopu\w*|(?<!tähän )mennessä|" + _WEEKDAYS_FI + r"|ennen (ensi|palkka|palkan|eläkkeen|kelan|tukien)"
    # yesterday, last night
    r"|eilen\w*|eilis\w*|toissa(päivänä|iltana|yönä|aamuna|päivä)|viime (yönä|yöt|yö|ilta|iltana)"
    # "until payday": the problem is now (weak: a later time still rules out eviction)
    r"|vasta|until|till|förrän|payday|palkkapäiv\w*|tilipäiv\w*|(palkka|eläke|opintotuki|tuki|rahat|kelan rahat) tulee"
    r"|seuraava (tulo|palkka|maksu)|seuraavat rahat|next (payment|pay)"
    # Swedish
    r"|idag|i dag|i natt|inatt|ikväll|i kväll|i eftermiddag|i morse|nu|nyss|just nu|imorgon|i morgon|i övermorgon"
    r"|igår|i går|i förrgår|i helgen|senast|förrän|akut|omedelbart|den här veckan|denna vecka|på " + _WEEKDAYS_SV +
    # English
    r"|today|tonight|now|right now|just now|at the moment|urgently|asap|tomorrow"
    r"|this (morning|evening|afternoon|week)|yesterday"
    r"|last night|day after tomorrow|until|by (the )?(weekend|end of the week)|by " + _WEEKDAYS_EN +
    r"|on " + _WEEKDAYS_EN + r"|since (yesterday|this morning|last night))\b"
)

_MONTHS = (
    r"(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu\w*"
    r"|(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"|(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)
LATER = (
    r"\b(ensi (kuu|viikko|vuo|vuosi|kevä|kesä|syksy|talvi)\w*|(kuukauden|viikon|vuoden) (päästä|kuluttua)"
    r"|(kahden|kolmen|neljän|parin|muutaman|puolen) (kuukauden|viikon|vuoden) (päästä|kuluttua)"
    r"|keväällä|kesällä|syksyllä|talvella|joskus|myöhemmin|tulevaisuudessa|vuodenvaihteessa|" + _MONTHS +
    r"|next (month|week|year|spring|summer|autumn|fall|winter)|in (two|three|four|a few|a couple of|\d+) (months|weeks)"
    r"|in (the )?(spring|summer|autumn|fall|winter)|later|eventually"
    r"|nästa (månad|vecka|år)|om (en|ett|två|tre|några) (månad|månader|veckor|år)|i (vår|höst|sommar|vinter)|senare)\b"
)
PAST = (
    r"\b(\w+ (vuotta|vuosi|vuo|kuukautta|kuukausi) sitten"
    r"|vuosia sitten|kuukausia sitten"
    r"|viime (vuonna|vuosi|kuussa|kuu|talvena|talvi|kesänä|kesä|keväänä|kevät|syksynä|syksy)"
    r"|aikoinaan|silloin kun|lapsena|nuorena|ennen vanhaan"
    r"|(years|months) ago|last (year|month|winter|summer|spring|autumn)|as a (child|kid|teenager)|back then|in the past"
    r"|(år|månader) sedan|för länge sedan|förra (året|månaden|vintern|sommaren)|i fjol|som barn)\b"
)

# A message about studies, work or an organisation, or a general question
# about other people: topic words (itsemurha, yliannostus, häätö) in it are
# not the resident's own crisis unless a NOW word says otherwise.
INFORMATION_ONLY = (
    r"\b(ehkäisy\w*|ennaltaehkäis\w*|koulutu(sta|kse\w*|stilaisuu\w*)|(voin|voi|voisin|voiko|missä|mistä) (\w+ )?lukea"
    r"|opinnäytety\w*|gradu\w*|tutkielm\w*|tutkimu\w*|tilasto\w*|artikkeli\w*|esitelm\w*|essee\w*"
    r"|kurssilla (puhuttiin|käsiteltiin)|koulutusta (työntekijöille|henkilöstölle|henkilökunnalle)|elokuva\w*"
    r"|dokumentti\w*|dokumentin|ilmoitustaulu\w*|materiaal\w*|esite\w*|vanhempainilta\w*|harjoittelu\w*"
    r"|järjestö\w*|yhdistykse\w*|yhdistys|verkkosivu\w*|opiskelijoille|tietoa aihee\w*"
    r"|(luin|lukenut|lukeneet) (\w+ )?(lehdestä|että|uutisista|artikkeli\w*)|vertaistu\w*|omaisille|surun käsittely"
    r"|kuulin että|etukäteen|varalta|olla valmis|in advance|just in case|i förväg"
    r"|thesis|training|prevention|our staff|for staff|support group|bereave\w*|course|film|movie|article"
    r"|research\w*|statistic\w*|documentar\w*|stödgrupp\w*|anhöriga|förebygg\w*"
    r"|read about|our (ngo|organisation|organization|club)|website|students|essay|homework|school project"
    r"|utbildning|artikel|forskning|uppsats|statistik|dokumentär\w*|studerar)\b"
)

# Clause boundaries: sentence ends and contrast words ("olin asunnoton
# viime vuonna, mutta nyt asun tukiasunnossa" is two situations). A pattern
# that spans a contrast ("sohvalla, mutta tänään sekin loppuu") is looked
# for in the whole sentence when no clause has it.
SENTENCE_BREAK = r"[.!?;\n]+\s*"
CLAUSE_BREAK = SENTENCE_BREAK + r"|\s+(?:mutta|but)\s+|,\s*(?:mut|men|however|kuitenkin)\s+"

# How a marker depends on time words:
#   "any"      fires whatever the time or context;
#   "implied"  the problem is now unless its clause names only a later or
#              past time, and a study or information context without a NOW
#              word keeps it silent;
#   "required" fires only with a NOW word in its clause (or, when the clause
#              has no time word, in the message) and no later or past time.
ANY, IMPLIED, REQUIRED = "any", "implied", "required"

# NOW words that are also discourse particles ("mitä teen nyt?"): with a
# later or past time in the same clause they do not make it today.
WEAK_NOW = (
    r"(nyt|just|juuri|heti|now|right now|nu|just nu|vasta|until|till|förrän|payday|palkkapäiv\w*|tilipäiv\w*"
    r"|(palkka|eläke|opintotuki|tuki|rahat|kelan rahat) tulee|seuraava (tulo|palkka|maksu)|seuraavat rahat"
    r"|next (payment|pay))"
)
