"""Emergency markers: danger to life or safety right now (triage.md).

First-person expressions ("haluan kuolla", "tapan itseni") fire whatever
the context ("any"); topic nouns that also appear in questions about
studies or the past ("itsemurha", "yliannostus") are "implied". Finnish
patterns are written for the surface text and for Voikko lemmas ("en halua
elää" -> "ei haluta elää"); matching folds diacritics, so "elaa" is "elää".
"""
from __future__ import annotations

from nlu.triage.lexicon.common import both
from nlu.triage.lexicon.time import ANY, IMPLIED

_ME = r"(mua|minua|minut|mut|meitä|meidät|minä)"
_PILLS = (
    r"\b(\w*lääk(e|kee|kei|ett)\w*|\w*pilleri\w*|\w*tablet\w*|nappej\w*|napit|pills|tablets|meds|paracetamol\w*"
    r"|ibuprofen|\w*tabletter|piller|mediciner|panadol\w*|pamol\w*|burana\w*|parasetamol\w*|ibuprofee\w*|bentso\w*"
    r"|antidepressants|painkillers|sleeping pills)"
)
_TOOK = (
    r"(otin|otti|ottanut|ottanu|nielin|nieli|niellyt|söin|söi|vedin|vetäs|vetäsi|vetäny|vetänyt|aion ottaa|aikoo ottaa"
    r"|meinaan ottaa|ottaisin|nielisin|nappas\w*|napsi\w*|popsi\w*|took|taken|swallowed|tagit|tog|ätit|åt|svalt)"
)
_MANY = (
    r"(kaikki|koko|liikaa|kourallise\w*|kourallinen|paketillise\w*|purkillise\w*|\d{2,}|viisi|kuusi|seitsemän"
    r"|kahdeksan|yhdeksän|kymmenen|\w+kymmentä|tusina\w*|kymmeni\w*"
    r"|en massa|massor av|alla|för många"
    r"|a bunch of|bunch of|lots of|a load of|handful|a whole packet|a whole|all|a lot of|too many|loads of"
    r"|a handful of)"
)
_DEATH = r"kuol(la|lut|leena|ema|emaan|isin|isi)\b"
_WANT = r"(halu\w*|toivo\w*|tahdo\w*|pitäis\w*|pitää|mieluummin|parempi|ainoa|ainut|ulospääsy\w*|ratkaisu)"

SUICIDAL = (
    ("suicidal_ideation", "emergency", ANY, (
        # Finnish: wish to die, not wanting to live, farewells, plans and means
        r"\bitsari", r"\btapp?\w* (itse|itte|ittensä|ittes)\w*", r"päättää (päivä|elämä)\w*", r"päivät(ni)? päättää",
        r"lopet\w* (tämän |tää |tä |tämä )?(kaike\w*|kaikki|elämä\w*)", r"\b" + _WANT + r" (\w+ ){0,3}" + _DEATH,
        r"kuolla pois", r"itse\w* tappami\w*",
        r"(ajaa|ajan|ajaisin|ajamaan) (\w+ ){0,2}(päin|eteen|alle) (rekkaa|junaa|seinää|puuta|kalliota|rekan|junan)",
        r"(minua|mua|minuu) ei (enää )?(ole|olis|olisi|ois)\b(?! (kotona|paikalla|töissä))",
        r"sluta (existera|finnas|leva)", r"samlat (på mig )?\w*(tabletter|piller|mediciner)",
        r"(happier|better( off)?) (if|without) (i was|i were|me)", r"if i (was|were) (dead|gone|not here)",
        r"(jos en|etten|ettei|en|enkä) herä(isi|is)\b", r"end (everything|it all)\b",
        both(r"\b(ase|aseen|aseella|veitsi|veitse\w*|puukko|puuko\w*|köysi|köyden|pillerit|lääkkeet)\b",
             r"\b(itseeni|itseäni|itteeni|itteäni|itseni|ittelleni)\b"),
        both(_PILLS + r"|köy(si|den)|\base(en)?\b", r"(testament\w*|jäähyväis\w*|hyvästi\w*|kirjee\w*)"),
        r"(varannut|varasin|varattu|valmiina) (\w+ )?(pillerit|lääkkeet|tabletit|unilääkkeet)",
        r"viimeinen kerta (kun|että|et) (\w+ )?(kirjoit|kirjot|puhu|näe)\w*",
        both(r"(ajattel|mieti|mietin|haaveil|ajatuks)\w*", r"(kuolema|kuolla|kuolemis|kuolisin)\w*"),
        r"hang (myself|himself|herself)",
        both(r"(päätin|päättäny\w*|päättänyt|bestämt|decided|aion|tänker|planerar|planning)",
             r"(\bdö\b|\bdie\b|kuolla|(tää|tämä) (oli|on) tässä|end (it|my life)|ending (it|my life))"),
        r"(thinking|think) about (ending|killing|taking) my", r"ending my (own )?life",
        r"tekee (minusta|musta|meistä) selvää",
        r"(kukaan ei|ei kukaan|eikä kukaan) (edes )?(huomaa|huomais\w*|kaipaa|kaipais\w*|välitä|välittäis\w*|ikävöi)",
        r"(no ?one|nobody) (would|will|'d) (even )?(miss|notice|care)", r"ingen (skulle )?(sakna|märka|bry sig om)",
        r"(syytä|järkeä|järki|syy) (elää|jatkaa)\b", r"lopetan (tän|tämän)\s*$", r"lopetan (kaiken|elämäni)",
        r"elämä\w* (ei )?(ole |oo )?(mitään )?(merkitystä|tarkoitusta|arvoa)",
        both(r"elämä", r"(lopettaa|lopetan|päättää|päätän) (sen|elämä\w*)"),
        r"nukkua pois", r"pois lopullisesti", r"miten (\w+ )?(voi |voisi |vois )?(kuolla|tappaa itse\w*)",
        r"kuol\w* kivuttomasti", r"kivuton kuolema",
        both(r"(päätin|päättäny\w*|päättänyt|päätetty|aion|haluun|haluan)",
             r"\b(tää|tämä|kaikki) (\w+ )?loppu(u|is|isi)\b"),
        r"kuolema\w* (on |olis |olisi )?(ainoa|ainut|ulospääsy|ratkaisu|helpotus)",
        r"\b(ei|en|enkä) (\w+ )?(jaksa|halu\w*|tahdo) (enää )?elää",
        r"(en|ei) (\w+ )?(halu\w*|jaksa|tahdo) (enää olla|olla enää|olla olemassa|olla elossa)",
        r"(väsyny\w*|kyllästyny\w*|väsynyt|kyllästynyt) (\w+ )?elämään",
        both(r"\bhyp(p|ä)\w*",
             r"(ikkun|parvek|katol|sillal|silta|kerrokse|kaitee|junan|raitei)"),
        r"elämä\w* (ei )?(tunnu )?(enää )?elämisen arvoi",
        r"(ei|en) (ole|oo|olla) (\w+ )?(mitään |mitää |mikään )?(syytä|syy|järkeä|järki) elää",
        r"(ettei|etten|enkä|en|ei) (aio |halua |haluu |haluaisi )?(enää )?herä\w* (enää|koskaan)",
        r"(en|ei|enkä) (aio|halua|haluu|haluaisi)\w* (enää )?herä(tä|is|isi)", r"ettei enää herää",
        r"nukahtaa (ja |enkä |eikä )?(\w+ )?(ei )?herä", r"parempi (jos|ilman) " + _ME,
        r"(paremmin|helpompa\w*|helppo|parempi) .{0,15}ilman " + _ME, r"(mua|minua) ei (olis|olisi) olemassa",
        r"(minun|mun|minä|hänen|hän|sen) viimeinen (ilta|yö|päivä)", r"viimeinen (ilta|yö|päivä)\w*(ni|nsä|si)\b",
        r"(halu\w*|toivo\w*|haluun) (\w+ ){0,3}(kaikki|kaiken|tämä|tää) (\w+ )?loppu(is|isi|u|maan)\b",
        r"(saisi|saada|saisin|saan) (kaiken|kaikki|tämän) loppumaan",
        r"(kadota|häipyä) (pysyvästi|lopullisesti|ikuisesti|kokonaan)", r"jäähyväis\w*", r"hyvästi\w*",
        r"hyvästel\w*",
        both(r"(kirjoitin|kirjotin|kirjoittanut|kirjottanu|jätin) (\w+ ){0,2}(kirjee|viesti|lapu)\w* (\w+ )?"
             r"(äidi|isä|lapsi|lapsille|perhee|siskol|veljel|läheisil|kaikille)",
             r"(riittää|lähden|anteeksi|hyvästi|viimei)"),
        r"\bköy(si|den|ttä)\b", r"hirttä\w*", r"pakokaasu\w*", both(r"\bletku", r"(auto|pakoputk|metsä)"),
        r"(junan|rekan|auton|bussin) (alle|eteen)",
        r"hyp\w* (sillalta|katolta|parvekkeelta|alas|junan|ikkunasta)", r"sillalla .{0,30}hypp", r"mietin hyppää\w*",
        r"(olen|oon|seison|istun) (\w+ )?(junaradalla|raiteilla|sillan kaiteella)",
        r"(kerä\w*|säästä\w*|säästel\w*) (\w+ )?"
        r"(lääkkeitä|pillereitä|tabletteja|unilääkkeitä|lääke|pilleri|tabletti)\b",
        r"(ostin|ostanut|hankin|hankkinut) (\w+ ){0,2}(unilääkkeitä|lääkkeitä|pillereitä) .{0,40}(herä|kuol|loppu"
        r"|kaikki)",
        _PILLS + r".{0,60}(aion ottaa|ott\w*) (ne|niitä|niit) (\w+ )?(kaik\w*|kerralla)",
        r"kuinka (monta|paljon) " + _PILLS + r" .{0,20}(tarvi|tarvit|pitää)",
        r"(saanut|saanu|mulla on|minulla on) tarpee(ksi|ks|kseni) .{0,40}(teen sen|lopetan)",
        r"(en|ei) (enää )?(jaksa|halu\w*) olla olemassa",
        r"(en|ei|enkä|eikä) (\w+ )?(aio|aiu|tule|tuu) (enää )?(olla|olee|oo) (enää )?(olemassa|elossa|hengissä)",
        r"(nothing|no reason) to live for", r"inget att leva för", r"ei (ole |oo )?mitään minkä (takia|vuoksi) elää",
        r"haluan (vain )?pois tästä elämästä",
        # Swedish
        r"ta (mitt|livet|mitt eget) liv", r"(använda|skada|skära|döda) .{0,20}(på|mot)? ?mig själv",
        r"trött på (livet|att leva)", r"ta livet av", r"vill (inte leva|dö)", r"orkar inte leva", r"vill inte vakna",
        r"bättre (för alla )?utan mig", r"bäst för alla om jag", r"försvinna för alltid", r"försvann för alltid",
        r"avskedsbrev", r"hoppa (från|framför|ner)", r"döda mig själv",
        # English
        r"kill (myself|himself|herself|themself)", r"end (my life|it all|my own life)", r"want(ed)? to die",
        r"(going to|gonna|will|want to|i'll) end it\b",
        r"(don't|dont|do not) want to (live|wake up|be here|be alive|exist)",
        r"(point|reason) (in|to) (living|live|going on)", r"better off without me",
        r"disappear (forever|for good|permanently)", r"goodbye (letter|note|message)s?",
        r"(texted|sent|wrote) (me )?(a )?goodbye", r"(want|going) to jump(?! (in|into|at|on))", r"never wake up",
        r"tired of (living|life|being alive)",
        r"jump (off|from|in front)", r"(take|swallow) (them|these|those|the pills|all the pills) all",
        r"take all (of )?(my|the) (pills|tablets|meds)", r"saving up (pills|tablets|meds)", r"stockpil\w*",
        r"take my (own )?life",
    )),
    ("suicidal_ideation", "emergency", IMPLIED, (
        r"itsemurh\w*", r"itsetuho\w*", r"suicid\w*", r"självmord\w*",
    )),
)

SELF_HARM = (
    ("self_harm", "emergency", ANY, (
        r"\bviil(tel|tely|lel|sin|si\b|tä|ti|le|lo|to)\w*", r"partater\w*", r"\brazor\b", r"rakblad\w*",
        r"(skurit|skär|skurit) sig", r"blöder (mycket|kraftigt)",
        r"satut\w* (it|itse|itseä)\w*", r"polt\w* itseä\w*",
        r"(tekee|tekis|tekisi) mieli (satuttaa|viiltää|tehdä haavoja)", r"syvempiä haavoja",
        r"raavin (itseni|ihon) rikki",
        r"verta (tulee|vuotaa) (\w+ )?(paljon|kovasti|lattialle)", r"verenvuot\w* (ei )?(lopu|loppu|tyrehdy)",
        r"cut (too )?deep", r"blood everywhere", r"(won't|can't) stop (the )?bleeding",
        r"(vaaraksi|vaarallinen|vaara) itselleni", r"(teen|tehdä|tekisin|teenkö) itselleni (jotain|pahaa)",
        r"danger to (myself|himself|herself)", r"(gör|göra) mig själv illa",
        r"\bcut(ting)? (myself|again|my (arms|wrists|legs))", r"(urge|want) to (cut|hurt myself)",
        r"feel like cutting",
        r"hurt(ing)? myself", r"burn(ing)? myself", r"self[- ]?harm\w*",
        r"skär mig", r"skära mig", r"skurit mig", r"(slutar inte|kan inte sluta) blöda", r"skadar mig själv",
        r"skada mig själv", r"bränner mig",
    )),
)

OVERDOSE = (
    ("overdose", "emergency", ANY, (
        r"koko (purki\w*|purkki|purkillise\w*)",
        r"liikaa (pillereitä|lääkkeitä|tabletteja|kamaa|ainetta|unilääkkeitä|nappeja)",
        _TOOK + r" (\w+ ){0,2}" + _MANY + r" (\w+ ){0,2}" + _PILLS,
        r"ottaa (\w+ )?(kaikki|koko) " + _PILLS + r" (\w+ )?(tänä|tänään|illalla|yöllä|kerralla|nyt)",
        r"(otin|otti|ottanut|ottanu|nielin|nieli|niellyt|söin|söi|vedin|vetäs|vetäsi|vetäny|vetänyt) (\w+ ){0,3}"
        r"(liikaa|koko purk\w*)",
        r"(ottaa|niellä|syödä|vetää) (\w+ )?(liikaa|koko purkki)",
        _TOOK + r" (\w+ ){0,2}(levyä|levyllise\w*|purkillise\w*|paketillise\w*|koko (purki|paketi|levy)\w*)\b",
        r"(drinking|dricker) (\w+ )?(with|med) (\w+ )?(pills|tablets|tabletter|piller)",
        both(r"(otin|otti|ottanut|ottanu|nielin|söin|vedin|vetäs)\w* (\w+ ){0,3}" + _PILLS,
             r"(alkoho|viina|kalja|viini|vodka)\w* (\w+ )?päälle"),
        r"(pillerit|lääkkeet|tabletit) .{0,20}valmiina",
        r"hengit\w* (on )?(tosi |todella |ihan )?(hitaasti|hidas|heikko|heikosti)",
        r"took (a lot of|too many|all (of )?(my|the|her|his)|a whole|loads of|a handful of|\d+) (\w+ )?"
        r"(pills|tablets|meds|medication|paracetamol|ibuprofen|bottle)",
        r"whole (bottle|box|pack)\w* of", r"took too much", r"swallowed .{0,30}(pills|tablets|bottle|paracetamol)",
        r"\bkouristel\w*",
        r"(tagit|tog|ätit|åt|svalt) (en hel burk|alla (mina )?\w*(tabletter|piller|mediciner)|för många \w*(tabletter"
        r"|piller))",
        r"hel burk", r"svalt .{0,20}(tabletter|piller)",
    )),
    ("overdose", "emergency", IMPLIED, (r"yliannost\w*", r"overdos\w*", r"överdos\w*")),
)

_HITS_NOW = r"\b(lyö|hakkaa|potkii|kuristaa|raiskaa|tönii|repii|pieksee)\b"
_ME_SURFACE = r"(mua|minua|minut|mut|meitä|meidät)"  # not the lemma "minä": "kuristi" has the lemma "kuristaa"
VIOLENCE = (
    ("violence_now", "emergency", ANY, (
        # Present tense against me: happening now, or I am not safe where I am.
        _HITS_NOW + r" (\w+ )?" + _ME_SURFACE + r"\b",
        r"\b(lyö|hakkaa|potkii|kuristaa|uhkailee|riehuu|raivoaa|tönii|repii)\b.{0,40}"
        r"\b(nyt|juuri|just|tässä|täällä|vieläkin|edelleen|parhaillaan)\b",
        r"\b(juuri|just) nyt .{0,40}(lyö|hakkaa|uhkaa|potkii|riehuu|kuristaa)",
        r"(löi|hakkasi|hakkas|potki|kuristi|puukotti) (\w+ ){0,2}(juuri|äsken|hetki sitten|just)\b",
        r"\b(riehuu|raivoaa)\b", r"rik(koo|konut|koi) (paikkoja|tavaroita|huonekaluja|ovea)",
        r"pelkään (että |et )?(hän |se |mies |isä |poika )?(satuttaa|lyö|tappaa|hakkaa|tekee jotain)",
        r"(joku|siellä) hakkaa", r"huutaa apua", r"seuraa (mua|minua|meitä)\b", r"(following|stalking) me",
        r"(is|keeps|he's|she's|they're) (hitting|beating|kicking|choking|strangling|attacking)"
        r" (me|my|her|him|us)\b(?! out)",
        r"(hitting|beating) (me|her|him) right now",
        r"slår .{0,20}(just )?nu\b", r"\b(slår|sparkar|stryper|misshandlar) (mig|oss)\b",
        r"\b(hits|beats|kicks|chokes|strangles) (me|us)\b", r"(slog|slår) mig nyss",
        both(r"\b(löi|lyönyt|hakkasi|hakkas|potki|kuristi|heitti (minua|mua)|raiskasi|tönäisi)\b",
             r"\b(hän|se|he) (\w+ )?(huutaa|riehuu|raivoaa|uhkailee|on (vielä |vieläkin |edelleen )?(täällä|tässä))"),
    )),
    ("not_safe", "emergency", ANY, (
        r"(en|ei) (ole|oo|olla) (enää )?(turvassa|turvallista|turvallinen)", r"kotona ei (ole|oo|olla) turvallis",
        r"piilossa", r"piiloutu\w*", r"lukinnut itseni", r"lukittautu\w*", r"lukkojen takana",
        r"ei päästä (mua |minua )?ulos", r"uha\w* tappaa",
        r"(uha\w*|uhkaa|sanoi|sano|sanoo|huutaa|huusi|aikoo|lupasi|lupas)\w* (\w+ ){0,2}(että |et )?(se |hän )?"
        r"(tappaa|tappavansa|tapan) (minut|mut|meidät|sut|minä)\b", r"tappaa (minut|mut|meidät) kun",
        r"uhkaa tappaa", r"älä tapa", r"ampua (minut|mut|meidät)", r"murtautu\w*", r"(hakkaa|potkii|takoo) ovea",
        r"\b(puuko\w*|puukko|veitse\w*|veitsi|kirve\w*|kirves|aseella|aseen kanssa|pyssy\w*|haulik\w*|kivääri\w*"
        r"|pistooli\w*|revolveri\w*|ampuma-ase\w*)\b",
        r"(lukin\w*|lukitsi|lukitsee) (meidät|minut|mut|meitä)\b",
        r"(kirjoitan|kirjotan|skriver) (\w+ )?(vessasta|kylpyhuoneesta"
        r"|salaa|från toaletten|från badrummet|i smyg)", r"trycker ner mig",
        r"väkisin (sisään|asuntoon|kotiin|kämppään)", r"(sisään|asuntoon|kotiin|kämppään|kämpille) väkisin",
        r"oven takana", r"tapahtuu jotain pahaa", r"uhkaa hakata", r"etsii (minua|mua|meitä)\b",
        r"uh(a|k)\w* (tehdä|satuttaa) (\w+ )?(jotain|pahaa)", r"uh(a|k)\w* satuttaa", r"\bhiding\b",
        r"(broken|broke|breaking) (down )?the door",
        r"not safe", r"(don't|do not) feel safe", r"(he|she)'ll kill me",
        r"(will|would|going to|gonna) (kill|shoot) (me|us)", r"at (the|my) (front )?door",
        r"threaten\w* (to kill|me|my|us)", r"with a (knife|gun)", r"\b(gun|pistol|rifle)\b", r"outside my door",
        r"locked me in", r"won't let me (out|leave)", r"hiding (in|from)",
        r"(broke|breaking|break) (in|down the door)",
        r"inte (trygg|säker) (hemma|här|längre)", r"känner mig inte trygg", r"med (en )?kniv",
        r"(ska|kommer att) (döda|skjuta)",
        r"\b(pistol|vapen|gevär)\b", r"\b(knife|gun)\b",
        both(r"(slog|slagit|misshandla\w*|sparka\w*) (mig|oss)", r"\b(fortfarande|är kvar|är här|är hemma)\b"),
        r"hotar (mig|att döda)", r"gömmer mig", r"låst in mig", r"står utanför dörren",
        r"släpper inte ut mig", r"bröt sig in",
    )),
    # Signs of poisoning in someone who cannot answer: the poison line's reply fits.
    ("overdose", "emergency", ANY, (
        r"(ei|eikä|en saa \w+) (\w+ )?(herää|hereille|herätettyä)\b",
        r"ei reagoi (mihinkään|mitenkään|puhee\w*|ravistel\w*)",
        r"tajuton\w*", r"(ei|eikä) (\w+ )?hengitä", r"\bsinise(nä|ksi)\b", r"huulet (on |ovat )?(sini|sinert)\w*",
        both(_PILLS + r"|kamaa|ainetta", r"(tokkura\w*|sekava|slurring|sammu\w*|puhe sammaltaa)"),
        r"(går inte att|kan inte) (få kontakt|väcka)", r"(ei saa|en saa) (\w+ )?(yhteyttä|kontaktia)",
        r"won't wake up", r"not waking up", r"can't wake (him|her|them)", r"not breathing", r"unconscious",
        r"lips (are )?(going |turning )?blue", r"vaknar inte", r"går inte att väcka", r"andas inte", r"medvetslös",
    )),
    ("other_in_danger", "emergency", ANY, (
        r"sytyttää (\w+ )?(tuleen|palamaan)", r"tuhopolt\w*", r"set (the )?(house|flat|building) on fire",
        r"tända eld på",
        r"(seisoo|istuu|on) (\w+ )?(parvekkeen |sillan |katon )?kaitee\w*",
        r"(aikoo|aikoi|uhkaa|uhkasi) (tappaa|lopettaa) (ittensä|itsensä|kaike\w*)",
        r"naapuri\w* .{0,60}(hakkaa|lyö|tappe|tappaa)", r"on the (railing|ledge|roof)", r"(lying|lies) on the floor",
        r"makaa (\w+ )?lattialla", r"ligger (\w+ )?på golvet",
    )),
)

EMERGENCY = SUICIDAL + SELF_HARM + OVERDOSE + VIOLENCE

# Violence that is over, with the resident safe elsewhere now ("eilen mies
# uhkasi veitsellä, olen nyt ystävällä"), is urgent recent violence, unless
# something says the danger goes on (hiding, at the door, coming back).
SAFE_NOW = (
    r"\b(olen|oon|ollaan|olemme|olen nyt|oon nyt) (nyt |jo )?(turvassa|ystävällä|ystävän luona|kaverilla|kaverin luona"
    r"|siskolla|siskon luona|äidillä|äidin luona|vanhemmilla|turvakodissa|naapurissa|sairaalassa|poliisilla)"
    r"|\blähdin\b|pääsin pois|\b(i'm|i am) (now )?(safe|at (a|my) (friend|mum|mom|sister|parents))|(?<!if )\bi left\b"
    r"|jag är (nu )?(i säkerhet|hos)|jag lämnade|jag har lämnat"
)
PRESENT_DANGER = (
    r"(piilossa|piiloutu|hiding|gömmer|oven takana|outside (my|the) door|utanför dörren|etsii (minua|mua)"
    r"|seuraa (minua|mua)|tulossa|on matkalla|is coming|kommer hit|right now|just nu|juuri nyt|parhaillaan"
    r"|tulee (takaisin|perään)|coming (back|after)|at (the|my) (front )?door|ovella|vid dörren)"
)
VIOLENCE_NOW_MARKERS = ("violence_now", "not_safe")
