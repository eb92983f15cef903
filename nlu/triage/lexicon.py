"""Word patterns for triage markers, matched on lemmas and on surface text.

Why regexes over two texts: Voikko lemmas make inflected Finnish match
("yöpaikkaa" -> "yöpaikka", "en halua" -> "ei haluta"), while colloquial
forms Voikko does not know ("oo", "mul") and Swedish/English stay
recognisable in the lower-cased surface text. Patterns are prefixes, so
they also cover inflection the lemmatiser missed.
"""
from __future__ import annotations

# Time: the same problem today is urgent, next month it is not.
NOW = (
    r"\b(nyt|just|juuri nyt|tänään|tänä (yönä|iltana|päivänä)|tää(n|llä) (yönä|iltana)|tänää|tanaan|"
    r"huomenna|huomen|huomiseksi|heti|yöksi|illaksi|tonight|today|right now|now|tomorrow|this (evening|night)|"
    r"idag|i dag|i natt|ikväll|i kväll|nu|imorgon|i morgon)\b"
)
LATER = (
    r"\b(ensi (kuussa|viikolla|vuonna|keväänä|syksynä)|kuukauden (päästä|kuluttua)|"
    r"(kahden|kolmen|parin) (kuukauden|viikon) (päästä|kuluttua)|joskus|myöhemmin|"
    r"next (month|week|year)|in (two|three|a few) (months|weeks)|nästa (månad|vecka|år)|om (en|två|tre) månader)\b"
)
FIRST_PERSON = r"\b(minä|mä|mää|mie|mun|minun|mua|minua|mulla|minulla|mulle|minulle|itse(ni)?|en|oon|olen|ei|i|i'm|my|me|myself|jag|mig|min|mitt)\b"
INFORMATION_ONLY = (
    r"\b(ehkäisy\w*|koulutu\w*|kurssi\w*|elokuva\w*|artikkeli\w*|tutkimu\w*|tilasto\w*|lukea|luin|"
    r"ystävälle|kaverille|ilmoitustaulu\w*|training|course|film|movie|article|research|statistic\w*|"
    r"read about|for a friend|utbildning|artikel|forskning|film)\b"
)

PAST = r"\b(vuotta sitten|kuukautta sitten|aikoinaan|silloin kun|years ago|months ago|år sedan|för länge sedan)\b"

# How a marker depends on time words:
#   "any"      fires whatever the time;
#   "implied"  the problem is now unless only a later or past time is named;
#   "required" fires only with a NOW word (eviction next month is not urgent).
ANY, IMPLIED, REQUIRED = "any", "implied", "required"

# marker name -> (level, patterns, time rule). A marker fires when any
# pattern matches the surface text or the lemma text.
MARKERS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # --- emergency -------------------------------------------------------
    "suicidal_ideation": ("emergency", (
        r"itsemurh", r"\bitsari", r"tappaa itse", r"tapan itse", r"päättää päivä", r"päivät päättää",
        r"(haluta|haluun|halua|haluan) kuolla", r"ei jaksaa (enää )?elää", r"en jaksa (enää )?elää",
        r"ei haluta (enää )?(elää|herätä)", r"en halua (enää )?(elää|herätä)", r"parempi jos (mua|minua|minä|mä) ei",
        r"hirttä", r"köysi", r"hypätä (sillalta|junan)", r"kill myself", r"end my life", r"want to die",
        r"suicid", r"don't want to (live|wake up)", r"självmord", r"ta livet av mig", r"vill (inte leva|dö)",
        r"vill inte vakna",
    ), ANY),
    "self_harm": ("emergency", (
        r"viiltä", r"viilsi", r"viillel", r"satuttaa itse", r"satutan itse", r"cut myself", r"cutting myself",
        r"hurt myself", r"self-harm", r"skär mig", r"skadar mig själv",
    ), ANY),
    "overdose": ("emergency", (
        r"yliannost", r"koko purki?n", r"liikaa (pillereitä|lääkkeitä|tabletteja)", r"ottaa liikaa",
        r"(ei|eikä) herää", r"hengitys (on )?(tosi )?(hidas|heikko)", r"overdos", r"won't wake up",
        r"not waking up", r"överdos", r"vaknar inte",
    ), ANY),
    "violence_now": ("emergency", (
        r"(lyö|hakkaa|potkii|kuristaa|uhkaa|uhkailee) (mua|minua|minut|meitä)? ?(just|juuri)? ?nyt",
        r"(just|juuri) nyt .{0,40}(lyö|hakkaa|uhkaa|potkii)", r"puuko", r"veitse", r"kirvee",
        r"piilossa", r"lukinnut itseni", r"ei (ole )?turvassa", r"en ole turvassa", r"en oo turvassa",
        r"(is|keeps) (hitting|beating) me (right )?now", r"with a knife", r"not safe (at home|here)",
        r"hiding (in|from)", r"slår mig (just )?nu", r"med (en )?kniv", r"inte säker hemma", r"gömmer mig",
    ), ANY),
    # --- urgent ----------------------------------------------------------
    "no_place_to_sleep_tonight": ("urgent", (
        r"yöpaik", r"nukkumapaik", r"(ei|eikä) (ole|oo) (mihin|minne|mitään paikkaa) (mennä|nukkua)",
        r"ei mihin mennä", r"en tiedä (minne|mihin) mennä", r"nukun (ulkona|kadulla|rappu)", r"nukkua (ulkona|kadulla)",
        r"kadulla", r"nowhere to (sleep|go|stay)", r"no place to (sleep|stay)", r"sleep (outside|on the street)",
        r"ingenstans att (sova|ta vägen)", r"sova ute",
    ), IMPLIED),
    "no_food_or_money_today": ("urgent", (
        r"(ei|eikä) (ole|oo) (yhtään )?(ruokaa|rahaa)", r"rahat (on )?lop", r"ruoka (on )?lop", r"ruokaa ei",
        r"syömättä", r"tili (on )?tyhjä", r"no (food|money)", r"nothing to eat", r"haven't eaten",
        r"ingen mat", r"inga pengar", r"pengarna (är )?slut",
    ), IMPLIED),
    "eviction_imminent": ("urgent", (
        r"hää(t|d)", r"haato", r"heitetään (ulos|pihalle)", r"lukot vaihdetaan", r"evict", r"vräk",
    ), REQUIRED),
    "released_without_home": ("urgent", (
        r"vapaudu\w* .{0,40}(vankila|sairaala|katko)", r"(vankila|sairaala|katko)\w* .{0,30}(vapaudu|kotiutu|pääse)",
        r"released from (prison|hospital)", r"discharged", r"friges", r"skrivs ut",
    ), REQUIRED),
    "recent_violence": ("urgent", (
        r"(eilen|viime yönä|yöllä|eilen illalla) .{0,60}(löi|hakkasi|potki|kuristi|raiskasi|pahoinpiteli)",
        r"(löi|hakkasi|potki|kuristi|pahoinpiteli) .{0,60}(eilen|viime yönä|yöllä)",
        r"(last night|yesterday) .{0,60}(hit|beat|attacked|raped)", r"(hit|beat|attacked) me (last night|yesterday)",
        r"(igår|i natt) .{0,60}(slog|misshandlade)", r"(slog|misshandlade) mig (igår|i natt)",
    ), ANY),
    "without_essential_medicine": ("urgent", (
        r"lääkkeet (on )?lop", r"insuliini", r"ilman lääkkei", r"out of (my )?(medicine|medication|insulin)",
        r"medicinen (är )?slut",
    ), IMPLIED),
    "acute_substance_crisis": ("urgent", (
        r"katkopaik", r"katkaisuhoitoon (nyt|heti|tänään)", r"vieroitusoire", r"kädet tärisee", r"tärisen",
        r"withdrawal", r"abstinens",
    ), IMPLIED),
    # --- support ---------------------------------------------------------
    "cannot_cope_daily": ("support", (
        r"en (pärjää|selviä|jaksa hoitaa)", r"ei pärjätä", r"ei selvitä", r"arki ei (suju|onnistu)",
        r"en saa (mitään )?(hoidettua|aikaiseksi)", r"can't cope", r"cannot cope", r"klarar inte (av )?(vardagen|mig)",
    ), ANY),
    "cannot_apply_alone": ("support", (
        r"en (osaa|pysty|jaksa) (hakea|täyttää|tehdä hakemu)", r"ei osata hakea", r"ei pystyä (hakea|täyttää)",
        r"en ymmärrä (lomak|hakemu|kelan)", r"can't (fill in|apply)", r"kan inte (fylla i|ansöka)",
    ), ANY),
    "repeated_failed_help": ("support", (
        r"kukaan ei (auta|vastaa|soita)", r"pompotel", r"monta kertaa", r"ei (ole )?soitettu takaisin",
        r"luukulta luukulle", r"no one (helps|calls back)", r"tried (many|several) times", r"ingen hjälper",
    ), ANY),
    "asks_for_person": ("support", (
        r"(puhua|jutella) (jonkun |oikean )?(ihmisen|työntekijän|sosiaaliohjaajan)", r"oikea ihminen",
        r"talk to (a|someone|a real) (person|human)", r"prata med en (person|människa)",
    ), ANY),
}

# Problem areas for `multiple_problems` and `substance_and_mental_health`.
PROBLEM_AREAS: dict[str, tuple[str, ...]] = {
    "debt": (r"velk", r"ulosot", r"maksuhäiriö", r"luottotied", r"\bdebt", r"skuld"),
    "substance": (r"\bjuo(da|n|minen|mista)", r"alkoholi", r"\bviina", r"huume", r"päihte", r"pelaa",
                  r"\bdrink", r"drugs", r"alcohol", r"gambl", r"\bdricker", r"alkohol", r"droger", r"spel"),
    "mental": (r"masennu", r"masentu", r"ahdistu", r"paniikki", r"mielenterv", r"uupu", r"depress",
               r"anxiety", r"depression", r"ångest", r"psyk"),
    "housing": (r"vuokra", r"asunno", r"häät", r"\brent\b", r"housing", r"hyra", r"bostad"),
    "money": (r"toimeentulotu", r"rahat ei riitä", r"rahaa ei", r"köyh", r"money", r"pengar"),
    "work": (r"työtön", r"työttöm", r"työpaik", r"unemploy", r"lost my job", r"arbetslös"),
    "violence": (r"väkival", r"lyö", r"violence", r"våld"),
    "health": (r"sairau", r"kipu", r"illness", r"sjuk"),
    "loneliness": (r"yksinäi", r"lonely", r"ensam"),
}
