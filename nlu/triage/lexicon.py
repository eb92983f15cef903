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
    r"huomenna|huomen|huomiseksi|huomiseen|heti|yöksi|illaksi|ensi yö\w*|tälle yölle|tästä illasta|tänä aamuna|äsken|"
    r"tonight|today|right now|now|tomorrow|this (evening|night|morning)|"
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
    r"read about|for a friend|utbildning|artikel|forskning|film|dokument\w*|documentar\w*|dokumentär\w*|"
    r"tietoa aihee\w*|information about)\b"
)

PAST = r"\b(vuotta sitten|kuukautta sitten|aikoinaan|silloin kun|years ago|months ago|år sedan|för länge sedan)\b"

# How a marker depends on time words:
#   "any"      fires whatever the time;
#   "implied"  the problem is now unless only a later or past time is named;
#   "required" fires only with a NOW word (eviction next month is not urgent).
ANY, IMPLIED, REQUIRED = "any", "implied", "required"

# (marker, level, time rule, patterns). A marker fires when any pattern
# matches the surface text or the lemma text; one marker may have several
# rows with different time rules.
MARKERS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # --- emergency -------------------------------------------------------
    ("suicidal_ideation", "emergency", ANY, (
        r"itsemurh", r"\bitsari", r"tappaa itse", r"tapan itse", r"päättää (päivä|elämä)", r"päivät päättää",
        r"lopettaa (kaiken|elämä)", r"lopetan (kaiken|elämä)", r"(haluta|haluun|halua|haluan) kuolla",
        r"(ei|en) jaksa\w* (enää )?elää", r"(ei|en) halu\w* (enää )?(elää|herätä|olla olemassa)",
        r"(en|ettei|etten) heräisi", r"parempi (jos|ilman) (mua|minua|minä|mä|minut)", r"paremmin ilman (mua|minua)",
        r"hirttä", r"köysi", r"hypä\w* (sillalta|junan|alas)", r"sillalla .{0,30}hypp", r"mietin hyppää",
        r"kill myself", r"end (my|it all)", r"want to die", r"suicid", r"don't want to (live|wake up|be here)",
        r"better off without me", r"självmord", r"ta livet av mig", r"vill (inte leva|dö)", r"vill inte vakna",
        r"bäst för alla om jag", r"försvinna för alltid", r"försvann för alltid",
    )),
    ("self_harm", "emergency", ANY, (
        r"viiltä", r"viilsi", r"viillel", r"satuttaa itse", r"satutan itse", r"poltan itse", r"polttaa itse",
        r"cut myself", r"cutting myself", r"hurt myself", r"burn(ing)? myself", r"self-harm",
        r"skär mig", r"skadar mig själv", r"bränner mig",
    )),
    ("overdose", "emergency", ANY, (
        r"yliannost", r"koko purki?n", r"liikaa (pillereitä|lääkkeitä|tabletteja)", r"ottaa liikaa",
        r"(otin|nielin|söin) .{0,20}(kaikki|koko) .{0,20}(lääk|pilleri|tablet)", r"aion ottaa ne kaikki",
        r"(pillerit|lääkkeet|tabletit) .{0,20}valmiina", r"(ei|eikä) herää", r"hengitys (on )?(tosi )?(hidas|heikko)",
        r"overdos", r"swallowed .{0,30}(pills|tablets|bottle|paracetamol)", r"whole bottle", r"won't wake up",
        r"not waking up", r"överdos", r"svalt .{0,20}(tabletter|piller)", r"vaknar inte",
    )),
    ("violence_now", "emergency", ANY, (
        r"(lyö|hakkaa|potkii|kuristaa|uhkaa|uhkailee|riehuu) (mua|minua|minut|meitä)? ?(just|juuri)? ?nyt",
        r"(just|juuri) nyt .{0,40}(lyö|hakkaa|uhkaa|potkii|riehuu)", r"\bpuuko", r"\bveitse", r"\bkirvee",
        r"piilossa", r"lukinnut itseni", r"(ei|en) (ole|oo) turvassa", r"en uskalla (jäädä|mennä) kotiin",
        r"(joku|siellä) hakkaa", r"huutaa apua", r"riehuu", r"seuraa (mua|minua) .{0,20}nyt",
        r"(is|keeps) (hitting|beating) me", r"with a knife", r"not safe (at home|here)", r"hiding (in|from)",
        r"slår mig (just )?nu", r"med (en )?kniv", r"inte (säker|trygg) hemma", r"gömmer mig",
        r"står utanför dörren", r"hotar mig",
    )),
    # --- urgent ----------------------------------------------------------
    ("no_place_to_sleep_tonight", "urgent", IMPLIED, (
        r"\byöpaik", r"\bnukkumapaik", r"hätämajoit", r"(ei|eikä) (ole|oo) (mihin|minne|missä|mitään paikkaa) "
        r"(mennä|nukkua|olla)", r"ei mihin mennä", r"en tiedä (minne|mihin) mennä", r"minne mennä",
        r"nukun (ulkona|kadulla|rappu|autossa)", r"nukkua (ulkona|kadulla)", r"rappukäytäv", r"yövyn (nyt )?autossa",
        r"(heitettiin|heitti|potki\w*) .{0,20}(pihalle|ulos|pois kotoa)", r"ei (ole|oo) missä olla",
        r"nowhere to (sleep|go|stay)", r"no place to (sleep|stay)", r"where can i sleep", r"sleep (outside|on the street)",
        r"kicked out", r"ingenstans att (sova|ta vägen)", r"sova ute", r"nödinkvarter",
    )),
    ("no_place_to_sleep_tonight", "urgent", REQUIRED, (
        r"(ei|eikä) (ole|oo) (asuntoa|kotia|kämppää)", r"asunnoton", r"no home", r"ingen bostad",
        r"(missä|mihin|minne) voi\w* (nukkua|mennä|olla)",
    )),
    ("no_food_or_money_today", "urgent", IMPLIED, (
        r"(ei|eikä) (ole|oo) (yhtään )?(ruokaa|rahaa)", r"rahat (on )?lop", r"ruoka (on )?lop", r"ruokaa ei",
        r"syömättä", r"tili (on )?tyhjä", r"nolla euroa", r"(ei|eikä) .{0,20}mitään syötävää", r"nälkäi",
        r"no (food|money)", r"nothing to eat", r"haven't eaten", r"ingen mat", r"inga pengar",
        r"pengarna (är )?slut",
    )),
    ("no_food_or_money_today", "urgent", REQUIRED, (
        r"maksusitoumu", r"ruoka(rahaa|apua)", r"toimeentulotu\w* .{0,20}(tänään|heti)",
    )),
    ("eviction_imminent", "urgent", REQUIRED, (
        r"\bhää(t|d)", r"haato", r"heitetään (ulos|pihalle)", r"lukot (vaihdetaan|vaihdettiin)", r"vaihto lukot",
        r"ulosottomies", r"tyhjentä\w* asunno", r"(olla ulkona|lähteä|lahtea|pois) asunnosta",
        r"evict", r"vräk", r"locks changed",
    )),
    ("released_without_home", "urgent", REQUIRED, (
        r"vapaudu\w* .{0,40}(vankila|sairaala|katko)", r"(vankila|sairaala|katko|osasto)\w* .{0,30}(vapaudu|kotiutu|pääse)",
        r"pääsin .{0,20}vankilasta", r"kotiudu", r"kotiutu", r"released from (prison|hospital)", r"discharged",
        r"friges", r"släpptes", r"skrivs ut",
    )),
    ("recent_violence", "urgent", ANY, (
        r"(eilen|viime yönä|yöllä|eilen illalla) .{0,60}(löi|hakkas|potki|kuristi|raiskasi|pahoinpiteli|väkivaltai)",
        r"(löi|hakkas|potki|kuristi|pahoinpiteli|väkivaltai\w*) .{0,60}(eilen|viime yönä|yöllä)",
        r"(last night|yesterday) .{0,60}(hit|beat|attacked|raped)", r"(hit|beat|attacked) me( up)? (last night|yesterday)",
        r"(igår|i går|i natt) .{0,60}(slog|misshandlade)", r"(slog|misshandlade) mig (igår|i går|i natt)",
    )),
    ("without_essential_medicine", "urgent", IMPLIED, (
        r"lääkkeet (on )?lop", r"insuliini", r"ilman lääkkei", r"ran out of (my )?\w* ?(medicine|medication|insulin)",
        r"out of (my )?(medicine|medication|insulin)", r"medicinen (är )?slut", r"mediciner (tog|är) slut",
    )),
    ("utilities_cut_off", "urgent", REQUIRED, (
        r"sähköt katkaist", r"sähkö\w* katkea", r"electricity (will be )?cut", r"elen stängs av",
    )),
    ("acute_substance_crisis", "urgent", IMPLIED, (
        r"katkopaik", r"katkaisuhoitoon (nyt|heti|tänään)", r"vieroitusoire", r"kädet tärisee", r"tärisen",
        r"withdrawal", r"abstinens",
    )),
    # --- support ---------------------------------------------------------
    ("cannot_cope_daily", "support", ANY, (
        r"en (pärjää|selviä|jaksa hoitaa)", r"ei pärjätä", r"ei selvitä", r"arki ei (suju|onnistu)",
        r"en saa (mitään )?(hoidettua|aikaiseksi)", r"ylivoimai", r"unohdan maksaa",
        r"en pysty (käymään|hoitamaan|siivoamaan)", r"en tiedä mitä (teen|tehdä)", r"can't (cope|manage)",
        r"cannot (cope|manage)", r"piling up", r"klarar inte", r"vet inte (ens )?var jag ska börja",
        r"hjälp med allt",
    )),
    ("cannot_apply_alone", "support", ANY, (
        r"en (osaa|pysty|jaksa) (hakea|täyttää|tehdä hakemu)", r"ei osata hakea", r"ei pystyä (hakea|täyttää)",
        r"en ymmärrä (näitä |noita )?(lomak|hakemu|kelan|papere)", r"auttaa?\w* (täyttämään|paperiasio)",
        r"kieli ei riitä", r"tarvitsen jonkun avuksi", r"paperiasio", r"can't (fill in|apply)",
        r"(forms|paperwork) by myself", r"isn't good enough to deal", r"kan inte (fylla i|ansöka)",
    )),
    ("repeated_failed_help", "support", ANY, (
        r"kukaan ei (ole )?(auta|vastaa|soita|soittanut|ota)", r"pompotel", r"pallotel", r"monta kertaa",
        r"(kolme|neljä|viisi|useamman|monta) kertaa", r"(neljäs|kolmas|viides) kerta", r"hylkäsi taas",
        r"ei (ole )?soitettu takaisin", r"luukulta luukulle", r"koko viikon eikä",
        r"no ?one (ever )?(helps|called|calls)", r"nobody (ever )?(helps|called|calls)",
        r"(many|several|four|three) times", r"ingen (hjälper|har hört av sig)", r"flera gånger",
    )),
    ("asks_for_person", "support", ANY, (
        r"(puhua|jutella) (jonkun |oikean )?(ihmisen|työntekijän|sosiaaliohjaajan)", r"oikea ihminen",
        r"oman sosiaali(työntekijän|ohjaajan)", r"varata ajan", r"puhelinaja", r"jonkun ihmisen",
        r"talk to (a|someone|a real) (person|human)", r"prata med en (person|människa)",
    )),
)

# Problem areas for `multiple_problems` and `substance_and_mental_health`.
PROBLEM_AREAS: dict[str, tuple[str, ...]] = {
    "debt": (r"velk", r"ulosot", r"maksuhäiriö", r"luottotied", r"\bdebt", r"skuld"),
    "substance": (r"\bjuo(da|n|minen|mista)\b", r"\bjuon\b", r"alkoholi", r"\bviina", r"huume", r"päihte", r"päihde",
                  r"amfetamiin", r"\bpilve", r"\bpelaa", r"\bdrink", r"drugs", r"alcohol", r"gambl", r"\bdricker",
                  r"alkohol", r"droger", r"\bspel"),
    "mental": (r"masennu", r"masentu", r"ahdist", r"paniik", r"mielenterv", r"mielialahäiriö", r"kaksisuuntai",
               r"uupu", r"depress", r"anxiety", r"ångest", r"psyk"),
    "housing": (r"vuokr", r"asunno", r"kämpp", r"\bhää", r"\brent\b", r"housing", r"hyra", r"bostad"),
    "money": (r"toimeentulotu", r"rahat ei riitä", r"rahaa ei", r"rahahuol", r"köyh", r"money", r"pengar"),
    "work": (r"työtön", r"työttöm", r"työpaik", r"menetin työn", r"unemploy", r"lost my job", r"arbetslös", r"inget jobb"),
    "violence": (r"väkival", r"\blyö", r"violence", r"våld"),
    "health": (r"sairau", r"sairausloma", r"terveys", r"\bkipu", r"illness", r"sjuk"),
    "family": (r"avioero", r"\bero\b", r"huoltajuu", r"riidat", r"lintsa", r"divorce", r"skilsmässa"),
    "loneliness": (r"yksinäi", r"lonely", r"ensam"),
}
ALL_AT_ONCE = r"(kaikki kasautuu|samaan aikaan|samanaikaisesti|yhtä sotkua|kaikki kaatuu|everything at once|at the same time|samtidigt|allt på en gång)"
