"""Urgent markers: the resident needs help today (triage.md).

Each situation is matched as word families (stems and Voikko lemmas), not
sentences: a place to sleep, food or money, eviction, violence, release,
substances, medicine. Eviction needs a NOW word (tomorrow, by Friday,
today); a missing place to sleep, food or medicine is taken as now unless
only a later or past time is named.
"""
from __future__ import annotations

from nlu.triage.lexicon.common import both
from nlu.triage.lexicon.time import IMPLIED, REQUIRED

_ME = r"(mua|minua|minut|mut|meitä|meidät|minä|lasta|lapsia|lapsen|lapsi)"
_NOT_HAVE = r"(ei|eikä|en|enkä) (\w+ )?(ole|oo|olla|oo mul|ole minulla)"
_SLEEP = (
    r"(nukun|nukuin|nukkunut|nukkunu|nukuttu|nukkua|nukkumaan|yövyn|yövyin|yöpynyt|yöt menee|yö mennä|asun|asunut"
    r"|asunu|asua|elän|majailen|olen joutunut nukkumaan)"
)
_SLEEP_PLACE = (
    r"(ulkona|kadulla|katu|rappu\w*|rapussa|rapuissa|porraskäytäv\w*|autossa|auto|puistossa|puisto|asemalla"
    r"|rautatieasemalla|bussipysäkillä|parkkipaikalla|metsässä|teltassa|penkillä|roskakatoksessa|kellarissa)\b"
)
_MEDICINE = (
    r"\b(\w*lääk(e|kee|kei|ett|ityk)\w*|insuliini\w*|\w*tablet\w*|inhalaattori\w*|\w*piippu\w*|korvaushoito\w*"
    r"|subutex\w*|metadoni\w*|methadone|resepti\w*|insulin\w*|medicin\w*|medication|medicine|meds|inhaler|prescription"
    r"|läkemed\w*)"
)
_MUST = (
    r"(pitää|pitäis\w*|täytyy|täytyis\w*|on pakko|joudun|joutua|pitaa|käski|käskee|vaatii|vaati|sanoi että"
    r"|sanoi et)"
)
_LEAVE = r"(lähteä|lähtee|lahtea|lähtemään|muuttaa|muuttamaan|häipyä|poistua|olla ulkona|olla pois)"
_HOME_FROM = r"(asunnosta|kämpästä|vuokra-asunnosta|kotoa|pois|ulos|\w+n luota)(?! (töihin|kouluun|kauppaan|aikaisin))"

NO_PLACE_TO_SLEEP = (
    ("no_place_to_sleep_tonight", "urgent", IMPLIED, (
        r"\byöpaik\w*", r"\bnukkumapaik\w*", r"paika\w* (yöksi|yö|yölle)\b", r"minne (\w+ )?mennä yö",
        _NOT_HAVE + r" (\w+ ){0,2}(paikkaa|paikka|mihin|minne|mis|missä|mikä) (\w+ )?(nukkua|mennä|olla|yöpyä)",
        _NOT_HAVE + r" (\w+ )?(mitään |mitää |muuta |yhtään |mikään |muu )?(paikkaa|paikka)\b", r"ei mihin mennä",
        r"(en|ei) (tiedä|tiiä|tietää) (missä|mis|minne|mihin|mikä) (\w+ )?(nukun|nukkua|yöpyä|yövyn|mennä|meen|olla)",
        _SLEEP + r" (\w+ ){0,3}" + _SLEEP_PLACE, r"(oon|olen|ollaan|olemme) (nyt |taas )?kadulla",
        _SLEEP + r" (\w+ ){0,2}(missä|mis|minne) (sattuu|sattuis)", r"\byösij\w*",
        r"(missä|mis|minne|mihin) (voisin|voin|vois|pääsen|pääsisin) (\w+ )?(nukkua|yöpyä|olla yötä|mennä yöksi)",
        r"\byö(t|n|nä)?\b (\w+ ){0,3}(bussei|kahvilo|asemil|ulkona|rapui|autoss|porrask|yökahvil)\w*",
        r"(i have|i've got|got) nowhere\b",
        r"(heit|potk|ajo|ajoi|ajanut|ajaa|laitettiin|laittaa|käski)\w* (\w+ ){0,4}(pihalle|piha|ulos|pois kotoa"
        r"|kotoa)\b",
        r"(häipyä|painua) (\w+ )?(kotoa|helvettiin)", r"(vaihtoi|vaihdettiin|vaihtanut) (\w+ )?lukot",
        r"en pääse kotiin",
        r"(olen|oon) (nyt |ollut |ollu |jo )?(ilman kotia|ilman asuntoa|koditon|kodittomana|asunnoton|asunnottomana)",
        r"(kotia|asuntoa|kämppää|koti|asunto|kämppä) (ei|eikä) (ole|oo|olla)"
        r"(?=\s*($|[,.!?]|eikä|ja |mut|mutta|mihin|minne))",
        r"(kämppä|asunto|koti)\w* (on )?(mennyt|menny|meni|mennä) alta", r"inget hem", r"ingen ?stans",
        r"inte (haft |har )?någonstans att (sova|bo)",
        r"(sleep|sleeping|slept) (in|on|at) (a|the|my) (car|stairwell|station|park|bus \w+|bench|doorway|tent|street)",
        r"sov(it|er)? (ute|utomhus)",
        r"tyhjän päällä", r"kastades ut",
        both(r"\b(tarvitsen|tarviin|tarvitsisin|tarvitaan|tarvis|need|behöver)\b",
             r"(hätämaj|majoitu|yöpaik|ensisuoj|shelter|somewhere to (stay|sleep)|place to (stay|sleep)|nödboende"
             r"|tak över huvudet|sovplats)"), r"ilman (kotia|asuntoa|kämppää|yöpaikkaa|kattoa)",
        r"(flat|apartment|home|house) (is )?gone", r"utslängd", r"slängde ut mig", r"kastad ut",
        both(r"(floor|sofa|couch|friend's|lattial|sohva|kaverin|soffa)",
             r"(have to|must|got to|need to) leave|pitää lähteä"
             r"|joudun lähtemään|måste gå|måste lämna"), r"lost my (flat|home|apartment|place)", r"menetin (asunto"
             r"|kämpä|kodi)\w*",
        r"sohva\w* .{0,50}(loppuu|loppu|ei (enää )?(käy|onnistu)|pitää lähteä|joudun lähtemään)",
        # Swedish
        r"ingenstans att (sova|bo|ta vägen|vara)",
        r"(sover|sov|sovit|bor) (i bilen|i min bil|ute|på gatan|i trapphuset"
        r"|på (tåg)?stationen|i en trappuppgång|på en bänk)", r"sitter på en bänk", r"kastade ut mig",
        r"(blev|har blivit) utkastad", r"bytt (ut )?lås\w*", r"kommer inte in", r"var kan jag sova", r"står på gatan",
        r"\b(jag är|är) (bostadslös|hemlös)", r"bytte lås",
        # English
        r"nowhere to (sleep|go|stay|live)", r"no(where| place) to (sleep|stay)", r"where (can|do) i (sleep|stay)",
        r"(sleep|sleeping|slept|living|live) (outside|rough|on the streets?|in (my|a|the) (car|stairwell|station"
        r"|park))",
        r"(kicked|threw|thrown) (me )?out", r"changed the locks", r"(i'm|i am) homeless",
    )),
    ("no_place_to_sleep_tonight", "urgent", REQUIRED, (
        _NOT_HAVE + r" (\w+ )?(asuntoa|kotia|kämppää|asunto|koti|kämppä)\b", r"asunno(ton|ttom)\w*",
        r"kodit(on|tom)\w*", r"\byöpy\w*", r"ensisuoj\w*", r"hostel", r"asuntola\w*",
        r"asunto\w* (paloi|tuhoutui|on asuinkelvoton)",
        r"(minne|mihin) (voin|voisin|pääsen|voi|vois) (\w+ )?mennä", r"(sofa|couch)[- ]?surf\w*", r"sohvasurf\w*",
        r"(missä|mis|minne|mihin) (\w+ ){0,2}(nukkua|yöpyä|nukun|yövyn)", r"hätämaj\w*", r"\byömaj\w*", r"majoitu\w*",
        r"nödinkvarter\w*",
        r"härbärge\w*", r"ingen bostad", r"no (home|place to live)", r"homeless", r"shelter",
    )),
)

NO_FOOD_OR_MONEY = (
    ("no_food_or_money_today", "urgent", IMPLIED, (
        _NOT_HAVE + r" (\w+ ){0,2}(yhtään |mitään |edes )?(ruokaa|rahaa|ruoka|raha|syötävää|syödä|penniäkään"
        r"|euroakaan|senttiäkään)\b",
        r"(ruokaa|rahaa|ruoka|raha) (ei|eikä) (ole|oo|olla)\b", r"\bloppu\w* (\w+ )?(rahat|ruoka|raha|ruuat)\b",
        r"(rahaa|tilillä|mulla|minulla|minulla on) (on |oo )?(enää |vain |vaan )?\d+([,.]\d+)? (senttiä|snt)",
        r"\brahat (on |ovat |ihan |jo |nyt )*(loppu|lopussa|lop)\w*",
        r"\braha (loppua|olla loppu)", both(r"\b(jää)?kaap", r"(eikä muuta|ei muuta|ei mitään muuta)"),
        both(r"(ruoka|ruoa|ruuat|puuro|leipä|leivä|maito|korvike|syötävä|vauvanruo)",
             r"(\bloppu|ei (ole|oo)|tyhj|sekin loppu|sitäkään)"),
        both(r"\b(jää)?kaap", r"(\btyhj|ei (ole |oo )?mitään)"),
        r"(syönyt|söin|syöny|syödä) (\w+ )?viimeksi", r"viimeksi (\w+ )?(syönyt|söin|syöny)",
        r"syömättä", r"(en|ei|enkä) (ole|oo|olla) (\w+ )?(syönyt|syöny|syödä)", r"\bnäl(kä|käi|is|äs)\w*",
        r"(penniäkään|senttiäkään|euroakaan)", r"\b(pee ?aa|peeaa|rahaton|persaukinen)\b",
        r"tili\w* (on |olla )?(ihan )?(tyhjä|miinuksella|miinus|nollilla)",
        r"(mulla|minulla|tilillä|tilil|lompakossa) (on |oo |olla )?(enää |vain |vaan )?(\d{1,2}([,.]\d+)?|nolla"
        r"|kaks|kaksi|kolme|pari"
        r"|muutama|yks|yksi|viis|viisi) (euroo|euroa|euro|e|€)(?=\W|$)",
        r"\b0 euroa",
        both(r"\b(ruoka|ruokaa|ruokaan|syötävää|syömist)", r"\b(loppu|lopussa|loppui|ei (ole|oo)|eikä (ole|oo))\b"),
        r"ingen mat", r"inga pengar", r"inte ätit", r"inget att äta", r"hungrig\w*", r"kontot är tomt",
        r"kylskåpet är tomt",
        r"tomt kylskåp", r"pengarna (är )?slut", r"(no|zero|0) (food|money|euros)", r"nothing to eat",
        r"(haven't|have not|hasn't|had no) (eaten|food)", r"(kids|children) are (hungry|starving)", r"starving",
        r"fridge is empty", r"empty fridge", r"can't afford (food|to eat)", r"\bhungry\b",
        r"(i'm|i am|we're|we are) (completely |totally |flat )?broke\b", r"(haven't|have not) had a (proper )?meal",
    )),
    ("no_food_or_money_today", "urgent", REQUIRED, (
        r"maksusitoumu\w*", r"ruoka-?(rahaa|apu\w*|avust\w*)", r"(ruokaa|ruokaan|ruoka)\b", r"ruokakassi\w*",
        r"ruokkia", r"hätäavustu\w*", r"hätäapu\w*", r"toimeentulotu\w* .{0,20}(tänään|heti)",
    )),
)

EVICTION = (
    ("eviction_imminent", "urgent", REQUIRED, (
        r"\bhää(t|d)\w*", r"heitetään (ulos|pihalle)",
        r"heittää (\w+ ){0,2}(ulos|pihalle)", r"lukot (vaihdetaan|vaihtaa)",
        r"ulosottomie\w*", r"tyhjen\w* (\w+ )?asunno\w*", r"asunto\w* (\w+ )?tyhjen\w*",
        r"(olla|olemaan) (ulkona|pois) (asunnosta|kämpästä)",
        _MUST + r" (\w+ ){0,2}" + _LEAVE + r" (\w+ )?" + _HOME_FROM,
        r"(lähdettävä|muutettava) (\w+ )?" + _HOME_FROM,
        _MUST + r" (\w+ ){0,2}(häipyä|poistua|lähteä pois|muuttaa pois)",
        r"(vuokrasopimu\w*|sopimu\w*|asunto|kämppä)\w* .{0,20}irtisano\w*",
        r"irtisano\w* .{0,20}(vuokrasopimu|asunno|kämpä|sopimu)\w*", r"purki (vuokra)?sopimuksen",
        r"vräk\w*", r"kronofogde\w*", r"(vara|flytta) (ute |ut )?ur (lägenheten|bostaden)", r"flytta ut",
        r"måste flytta", r"kastas ut", r"kasta(r)? ut (oss|mig)",
        r"evict\w*", r"bailiff\w*", r"out of my (apartment|flat|place|home)", r"(have to|must) (move|get) out",
        r"(have to|must) leave (my|the) (flat|apartment|place|home)",
        r"(palauttaa|luovuttaa) (\w+ )?avaimet", r"avaimet (\w+ )?(palauttaa|luovuttaa)",
        both(r"viimei\w* (päivä|yö)", r"(asunno|kämpä|kotona|asunto)"), r"(have to|must|need to) be out (of \w+ )?by",
        r"locks changed",
        r"(kick|kicking|throw|throwing)\w* (me|us) out", r"(vaihtaa|vaihdetaan|vaihtavat) (\w+ )?lukot",
    )),
    ("eviction_imminent", "urgent", IMPLIED, (
        r"(päivää|päivän|vuorokautta|vuorokauden|viikko|viikon) aikaa (lähteä|muuttaa|poistua|tyhjentää)",
    )),
)

VIOLENCE = (
    ("recent_violence", "urgent", IMPLIED, (
        r"\b(löi|lyönyt|lyöny|lyödä|hakkas\w*|hakannut|hakata|potki|potkinut|potkia|kuristi|kuristanut|kuristaa"
        r"|pahoinpitel\w*|pahoinpidellä|raiskas\w*|raiskannut|raiskata|tönäis\w*|läimäyt\w*|repi) (\w+ ){0,2}"
        + _ME + r"\b",
        _ME + r" (lyötiin|hakattiin|pahoinpideltiin|raiskattiin|potkittiin)",
        r"\b(sain|saada) (\w+ )?(turpaan|selkään|nyrkistä)",
        r"(pelkään|peljätä|en uskalla|ei uskaltaa|pelottaa|en oo uskaltanu\w*|en ole uskaltanut) (\w+ )?"
        r"(mennä|palata|lähteä) (\w+ )?(kotiin|koti|takaisin|sinne)",
        r"(hit|beat|punched|kicked|strangled|choked|attacked|raped|assaulted|slapped) (me|us|my (wife|mum|mom|mother"
        r"|child|kids|son|daughter|sister|brother))\b",
        r"i was (beaten|attacked|raped|assaulted|hit)", r"(scared|afraid) to go (back )?home",
        r"(slog|misshandlade|sparkade|våldtog|ströp|knuffade) (mig|oss)", r"vågar inte (gå|åka) hem",
        r"rädd att gå hem",
        r"blev (slagen|misshandlad|våldtagen)", r"\b(riehui|raivosi)\b", r"(slagit|misshandlat|sparkat) (mig|oss)",
        both(r"(väkivaltai\w*|väkivaltaa|violent|våldsam)",
             r"(viime yönä|eilen|tänään|yöllä|äsken|aamulla|viikonloppuna|last night|yesterday|this morning"
             r"|igår|i går|i natt)"),
        r"heitti (minua|mua) \w+(lla|llä)\b",
    )),
)

RELEASED = (
    ("released_without_home", "urgent", IMPLIED, (
        r"vapaudu\w*",
        r"(vankila|sairaala|linna|katko|osasto|psykiatris\w*)(sta|lta) .{0,25}(vapaudu|vapautu|kotiutu|pääs|ulos)",
        r"(pääsin|pääsen|päästettiin|päästivät|tulin|tuun|vapauduin) (\w+ )?"
        r"(vankila|linna|sairaala|katko|osasto|psykiatris\w*)(sta|lta)\b",
        r"kotiud\w*", r"kotiut\w*", r"katkaisuhoito loppu\w*",
        r"released from", r"discharged", r"(came|got) out of (the )?(prison|jail|hospital|psych ward|ward|rehab)",
        r"vapautet\w*", r"got out of (prison|jail|hospital)", r"out of (prison|jail) (today|yesterday)",
        r"friges", r"frigiven", r"frisläppt", r"släpptes", r"skrivs ut", r"utskriven",
        r"kom ut från (fängelset|sjukhuset)",
    )),
)

SUBSTANCE = (
    ("acute_substance_crisis", "urgent", IMPLIED, (
        r"vieroitusoire\w*", r"vieroitus (on )?päällä", r"vieroitu\w* (alko|alkoi|alkanut|alkaa)", r"tärisen",
        r"kädet tärisee", r"\bkatko(lle|lla|lta|n|a|paik\w*)?\b", r"retkah\w*", r"repsah\w*", r"ratkesin",
        r"(juo|joi|juonu|juonut|juoda|vetäny|vetänyt|vetää|ryyp\w*|dokan\w*|juopot\w*|kännissä|humalassa|päissään)"
        r" (\w+ ){0,4}(putkeen|putki|peräkkäin|koko viikon|koko viikko|viikon ajan|viikon|monta päivää|moni päivä)",
        r"(juonut|juonu|juoda|ryypännyt|dokannu\w*) (\w+ )?(\d+|kaksi|kaks|kolme|neljä|viisi|kuusi) (päivää|päivä)",
        r"ryypän\w*", r"juopotel\w*",
        both(r"(piri|amfe|kama|bentso|huume|viina|alkoho|subu|heroiin|kokaiin|ekstaa|\bjuon\b|\bjoin\b|vetäny)",
             r"(apua (heti|nyt|tänään)|(en|enkä) (ole|oo) nukku|sekottanu|sekoittanut|pää sekaisin|en saa unta)"),
        both(r"\b(join|joi|juon|juonut|juonu|ratkes\w*|retkah\w*|sorruin|drank|used|relapsed|drack)\b",
             r"(kuivilla|raittiina|raittius|raitis|nykter|clean|sober)"),
        r"(lopettamaan|lopetettua|lopettaa) (juomist\w*"
             r"|käyttö\w*|juomaan)",
        r"abstinens\w*", r"avgiftning\w*", r"druckit hela (veckan|helgen)",
        both(r"(druckit|dricker|super|drinking|drunk)", r"(skakar|darrar|shaking|sweating|svettas)"), r"återfall\w*",
        r"druckit i (flera|tre|fyra|fem|\d+) dagar",
        r"withdrawal", r"withdrawing", r"detox\w*", r"relaps\w*", r"(drinking|using) for (days|a week|\d+ days)",
        r"(drinking|using) (for )?(a week|days) straight", r"can't stop (drinking|using)",
    )),
    ("acute_substance_crisis", "urgent", IMPLIED, (
        both(r"(täris|vapis|hikoil|kourist|sekasin|sekaisin|krapul|paha olo|pahoinvoi)",
             r"(alkoho|viina|juo|kama|aine|huume|subu|bentso|katko|vieroit|amfe|piri|kännis|humala|ilman)"),
    )),
    ("acute_substance_crisis", "urgent", REQUIRED, (r"katkaisuhoit\w*", r"turvako\w*")),
)

MEDICINE = (
    ("without_essential_medicine", "urgent", IMPLIED, (
        _MEDICINE + r" (\w+ ){0,2}(loppu\w*|lopussa|tyhjä|tyhjänä)", r"(ilman|jäi saamatta) " + _MEDICINE,
        r"\bloppu\w* (\w+ )?" + _MEDICINE, _MEDICINE + r" (\w+ )?(jäi|jäivät|jäänyt|jääneet) ",
        _NOT_HAVE + r" (\w+ ){0,2}" + _MEDICINE,
        both(r"apteek", r"(ei riitä|ei (ole|oo) (rahaa|varaa)|(en|ei) (pysty|voi) maksa|inte råd|can't afford)"),
        _MEDICINE + r" jäi (saamatta|ottamatta)", r"ei (ole |oo )?varaa (ostaa |maksaa )?" + _MEDICINE,
        r"(en|ei) (pysty|voi|pystyä|voida) (ostaa|ostamaan|maksaa|maksamaan) (\w+ )?" + _MEDICINE,
        _MEDICINE + r".{0,40}(en|ei|enkä|eikä) (pysty|voi|ole varaa|oo varaa)\w* (ostaa|ostamaan|maksaa|maksamaan)",
        r"viimeinen (tabletti|pilleri|annos)", r"apteek\w* .{0,40}(ei (ole|oo)|mul ei|minulla ei)",
        r"(insulin|medicin\w*|läkemed\w*) (är|tog) slut",
        r"(inte|utan) (fått |haft )?(mina |min )?(mediciner|medicin|insulin)",
        r"inte råd (att köpa |med )?(min |mitt |mina )?(medicin|insulin|läkemedel)",
        r"(insulin|medicin\w*|läkemed\w*) .{0,20}tar slut",
        r"ran out of (my )?\w* ?(medicine|medication|insulin|meds|pills)",
        r"(insulin|medication|medicine|meds) (runs|ran|is running) out",
        r"no (insulin|medicine|medication|meds) left",
        r"out of (my )?(\w+ ){0,3}(medicine|medication|insulin|meds|pills|tablets)",
        r"can't afford (my |more )?(medicine|medication|insulin|meds|a refill)",
        r"(insulin|medicine|medication|meds|inhaler|prescription)\b.{0,40}(can't|cannot|unable to) (afford|pay|buy)",
        r"last pill", _MEDICINE + r".{0,40}(jäljellä|enää) (vain |vaan )?(\w+ ){0,3}(annos|päivän)",
        r"(missed|missing) (my )?(dose|methadone|medication|meds|insulin)",
        r"annos jäi (saamatta|ottamatta)",
    )),
)

UTILITIES = (
    ("utilities_cut_off", "urgent", IMPLIED, (
        r"sähkö\w* (on |ovat )?(katkaistu|poikki|katkaistiin)",
        r"(electricity|power|heating) (is |was |has been )(cut|off|disconnected)",
        r"elen (är|har) (avstängd|stängts av)",
    )),
    ("utilities_cut_off", "urgent", REQUIRED, (
        r"sähkö\w* (katkaist|katkea|poikki)\w*", r"katkais\w* (\w+ )?sähk\w*", r"electricity (will be )?cut",
        r"elen stängs av",
    )),
)

# A marker that fires only when the message also names this context:
# released today is urgent when there is nowhere to go.
CONTEXT = {
    "released_without_home": (
        r"(ei|eikä|en|enkä) (\w+ ){0,4}(asunto|asuntoa|kotia|kämppää|kämppä|paikkaa|paikka|mihin|minne|mitään)\b"
        r"|(asunto|asuntoa|kotia|koti|kämppä|kämppää|sopimus)\w* (\w+ )?(ei|eikä|on irtisanottu|irtisanottu|meni"
        r"|mennyt|menny)\b"
        r"|asunno(ton|ttom)|kodit(on|tom)|(mihin|minne) (\w+ )?(mennä|meen|menen)|irtisano|pihalle|kadulle|kadulla"
        r"|(ei|eivät) (ota|oteta) vastaan|(is|on) (full|täynnä)|osoitetta|(can't|cannot) go (back )?home"
        r"|en (voi|pääse) (mennä )?kotiin|kan inte (åka|gå) hem|nowhere|no (home|place|flat)|ingen bostad|ingenstans"
        r"|inget boende|(flat|apartment|home) (is )?gone|lost my (flat|home)"
    ),
}

URGENT = NO_PLACE_TO_SLEEP + NO_FOOD_OR_MONEY + EVICTION + VIOLENCE + RELEASED + SUBSTANCE + MEDICINE + UTILITIES
