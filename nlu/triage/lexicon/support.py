"""Support markers: special support need (erityisen tuen tarve; seeds 000, 002).

Four markers come from words (cannot cope with daily matters, cannot apply
alone, repeated failed attempts, asks for a person); the area markers
`multiple_problems` (three problem areas, or two "all at once") and
`substance_and_mental_health` come from the areas in `areas.py`.
"""
from __future__ import annotations

from nlu.triage.lexicon.common import both
from nlu.triage.lexicon.time import ANY

_DAILY = r"(vastaa|avaa|maksa|hoida|käy|siivoa|syö|jaksa|pysty|muista)\w*"
_PAPERS = (
    r"\b(lomak\w*|hakemu\w*|kelan|kela|papere\w*|paperi\w*|kirjei\w*|kirje\w*|liitte\w*|järjestelmä\w*|asiointi\w*"
    r"|sivu\w*|päätök\w*|päätös)"
)
_CHORES = (
    r"(kotityö\w*|kotiasi\w*|siivo\w*|pyyk\w*|tiski\w*|astia\w*|kauppa\w*|kaupassa|posti\w*|lasku\w*"
    r"|ruoanlait\w*|kirjee\w*)"
)
_WANT = (
    r"(haluan|haluaisin|haluun|halu|haluta|voinko|voisinko|saanko|saisinko|pääsenkö|voiko|voisiko|tahdon|tarvitsen"
    r"|tarviin|toivoisin|olisiko mahdollista|onko mahdollista|voida|saada|tarvita)"
)
_CONTACT = r"(puhu|jutel|keskustel|asioi|tava|nähdä|tapaa)\w*"
_PERSON = (
    r"(jollekin|jonkun|jonkin|joku|ihmise\w*|ihminen|työntekijä\w*|sosiaali(ohjaaja|työntekijä)\w*|ohjaaja\w*"
    r"|neuvoja\w*|henkilö\w*)"
)

SUPPORT = (
    ("cannot_cope_daily", "support", ANY, (
        r"(en|ei) (\w+ )?(jaksa|jaksaa|pysty|pystyä) (enää )?(hoitaa|hoitamaan|nousta|käydä|käymään|tehdä|siivo\w*"
        r"|avata|laittaa|pitää huolta|huolehtia)", r"levällään",
        r"(en|ei) (\w+ )?(pärjää|pärjätä)\b", r"\b(en|etten|enkä) (\w+ )?(selviä|selviäisi)\b",
        r"(ei|eikä) (\w+ )?selviä (enää )?(arjesta|kotona|yksin|päivistä)",
        r"arki\w* (ei|eikä) (suju|sujua|onnistu|onnistua)",
        r"(en|ei) (ole |oo |olla )?(saa|saanut|saanu|saada) (\w+ ){0,2}(hoidettua|hoitaa|aikaiseksi"
        r"|aikaseks|aikaan|tehtyä|tehdä)",
        r"pelottaa avata", r"avaamat\w*", r"en uskalla (katsoa|avata)",
        r"(roskia|roskat|tavaraa|sotkua|astioita) (\w+ ){0,3}(joka paikassa|kaikkialla|lattioilla|lattialla)",
        r"(en|ei|eikä|enkä) (\w+ )?(pysty|jaksa|osaa|kykene)\w* (enää )?(huolehti\w*|pitämään huolta|pitää huolta)",
        r"(apu|apua|auta\w*) .{0,30}arje(ssa|n)", r"kan inte (sköta|hantera|ta hand om)",
        r"(can't|cannot) (look after|take care of) (myself|herself|himself|themselves)", r"can't face",
        r"(en|ei) saa (itseäni|itteäni|ittiäni) \w+",
        r"(kaikki|arki|elämä) (tuntuu )?(liian )?(raskaalta|raskasta|ylivoimaiselta|vaikealta|mahdottomalta)",
        r"\bingen ork", r"(can't|cannot|can not) deal with", r"(everything|it all|all this) is (just )?too much",
        r"ylivoimai\w*", r"unohd\w* (maksaa|syödä|ottaa)",
        r"(posti|laskut|lasku|kirjeet|paperit)\w* (\w+ )?(kasaantu|kasautu|pinoutu|kertyy)\w*",
        r"(laskut|lasku|posti|kirjeet)\w* (\w+ )?(on |jää |jäävät )?(avaamatta|maksamatta)\b",
        _CHORES + r" .{0,30}(jää|jäänyt|jääneet|jäävät|tekemättä|hoitamatta|rästissä|kasassa|kasautu|kasaantu)\w*",
        r"(en|ei) (ole |oo |olla )?(avannut|avanu|avaa|avata) (\w+ )?(posti\w*|kirje\w*|laskuj\w*)", r"\bkaao\w*",
        r"sotku\w*", r"sekaisin", r"päin (mäntyä|honkia|prinkkalaa|helvettiä|persettä)",
        r"tilanne (on )?(\w+ )?(vaikea|paha|huono|toivoton|kaaosmainen)", r"toivoton\w*",
        r"(ei|en) (ole |oo )?(energiaa|voimia|jaksamista) (\w+ )?(mihinkään|yhtään)", r"över huvudet",
        r"orkar inte (längre|mer)", r"hukassa",
        both(r"sängy", r"(maat|makaa|makaan|makoil|koko päivän|päivät)"), r"overwhelm\w*",
        r"(en|ei|eikä|enkä) " + _DAILY + r".{0,40}(eikä|enkä|ei|en) " + _DAILY + r".{0,40}(eikä|enkä|ei|en) " + _DAILY,
        r"(en|ei|etten|enkä) tiedä mistä (aloittaa|aloitan|alkaa|alottaa|päästä alkuun|lähteä liikkeelle)",
        r"(en|etten|enkä|ei) (\w+ )?(osaa|osata|pysty|jaksa|saa) (\w+ ){0,2}(hoitaa|hoitamaan|hoidettua)",
        r"(en|ei) tiedä (enää |\w+ )?mitä (niille |sille )?(teen|tehdä|pitää tehdä)",
        r"(oon|olen) (\w+ )?lukossa", r"kaikki menee ohi", r"(apua|apu) (kaikkeen|kaikessa|arjessa|raha-asioissa)",
        r"tarvit\w* apua (\w+ )?(raha-asio|kaupassa|arjessa|kotona)",
        r"(en|ei) (enää )?(pysty|pystyä|jaksa|jaksaa)( enää| mitään)?(\s*,|\s*$)", r"nousta sängystä",
        r"get out of bed", r"can't (cope|manage|keep up)", r"cannot (cope|manage|keep up)", r"piling up",
        r"haven't opened (my |the )?(mail|post|letters)", r"falling apart", r"help with everything",
        r"keep on top of", r"(flat|place|house|home) is a (mess|tip)",
        r"(don't|do not) open (my |the )?(letters|mail|post)", r"(can't|cannot|can not) handle",
        r"(don't|do not) know where to start",
        r"klarar inte", r"orkar inte (ta hand om|sköta|öppna|städa|handla)", r"öppnar inte (posten|breven)",
        r"räkningarna (hopar sig|växer)", r"vet inte (ens )?var jag ska börja", r"hjälp med allt",
    )),
    ("cannot_apply_alone", "support", ANY, (
        r"(en|ei) (\w+ )?(osaa|osata|pysty|pystyä|jaksa|pääse|päästä) (\w+ )?(hakea|hakemaan|täyttää|täyttämään"
        r"|tehdä hakemu\w*|käyttää|selittää|asioida|asioimaan)",
        r"(ingen aning|vet inte) (om )?hur (man|jag) (söker|ansöker|fyller i)",
        r"(voiko|voisiko|kan|can) (joku|någon|someone) (auttaa|hjälpa|help)",
        r"(en|ei) (\w+ )?(saa|saada) (\w+ ){0,2}(tehtyä|täytettyä|haettua|selvää|selvä)\b",
        r"(en|ei) (ymmärrä|ymmärtää|tajua|tajuu|tajuta) (\w+ ){0,2}" + _PAPERS,
        both(r"\b(en|enkä|ei) (ymmärrä|ymmärtää|tajua|tajuu|saa selvää)", _PAPERS),
        r"(en|ei) (\w+ )?tiedä (mistä|mihin|keneltä|kenelle) (\w+ )?(saisin|saan|saa|hakea|kääntyä|pyytää) (\w+ )?(apua"
        r"|apu)?",
        _PAPERS + r" .{0,30}(vaikea|vaikee\w*|sekav\w*|liian|mahdoton)",
        r"(vaikea|vaikee\w*|hankala\w*|mahdoton\w*|vaikeuksia) (\w+ ){0,2}(täyttää|hakea|tehdä hakemu\w*|ymmärtää"
        r"|asioida"
        r"|hoitaa|hoitamaan)", r"(hoitaa|hoitamaan) (\w+ ){0,3}(asioita|asioitani|asiat) yksin",
        r"(blankett\w*|ansökan\w*|formulär\w*) (är )?(för )?(svår|krånglig)\w*",
        r"(forms?|application|paperwork|letters) (are|is) (too |so )?(complicated|difficult|hard|confusing)",
        r"need help with (them|the forms|it|my application|the application)",
        r"ilman apua", r"apua (\w+ )?(hakemu|lomak|täyttä|paperi|kela-asioi|tukien haku|hakemise)\w*",
        r"auta\w* (\w+ )?(täyttä|hakemu|lomak|paperi|kelaan|hakemaan|hoitamaan)\w*",
        r"käydä (ne|niitä|se) (mun|minun|minä) kanssa läpi", r"tulla (mun |minun )?kanssani",
        r"(en|ei) (osaa|osata) lukea",
        r"lukihäiriö\w*", r"\bsokea\b", r"näkövamma\w*", r"luovutan (aina )?kesken",
        r"yksin (siitä |se )?ei tule mitään",
        r"(tarvitsen|tarviin|tarvitsisin|tarvita) (jonkun|joku) (\w+ )?(avuksi|auttamaan|joka auttaa|auttaa)",
        r"kieli ei riitä", r"\btulki\w*", r"(en|ei) (puhu|osaa) (\w+ )?suome\w*", r"paperiasio\w*",
        r"(kuka|joku) (voisi|voida|vois) auttaa",
        r"can't (fill|apply|do (it|this|them) alone)",
        r"help me (to )?(fill|apply|sort|deal|manage|with (the )?(forms|application|paperwork))",
        r"(don't|do not) understand the (forms|letters|kela|application|system)",
        r"impossible .{0,20}(alone|on my own|by myself)", r"(forms|paperwork|applications?) (by myself|on my own)",
        r"dyslexi\w*", r"(don't|do not) know how to (apply|fill)", r"(do|fill|go through) (it|this|them) with me",
        r"isn't good enough to deal", r"interpreter", r"(don't|do not|can't) speak finnish",
        r"förstår inte (blanketterna|ansökan|breven|systemet)", r"kan inte (söka|fylla i|ansöka)", r"\btolk\b",
        r"hjälpa mig (att )?(fylla i|söka)",
        r"hjälp (med )?att (fylla i|söka (utkomststöd|stöd|bidrag)|ansöka om (utkomststöd|stöd|bidrag))",
        r"söka själv", r"behöver någon som kan hjälpa",
    )),
    ("repeated_failed_help", "support", ANY, (
        r"(?<!kuinka )(?<!montako )(monta|moneen|useaan|useamman|kymmenen|viisi|neljä|kolme|\d+) kerta\w*"
        r"(?! (päivässä|viikossa|kuussa|kuukaudessa|vuodessa))",
        r"\b(kolmesti|neljästi|viidesti|monesti)\b", r"(toisen|kolmannen|kolmatta|neljättä|viidettä|toista) kerta\w*",
        r"(kolmas|neljäs|viides) kerta",
        r"(kukaan|ei kukaan) (ei )?(ole )?(auta|auttaa|auttanut|vastaa|vastata|vastannut|soita|soittaa|soittanut|ota"
        r"|ottanut|selitä|selittää|kuuntele|tee|tehnyt|hoida)",
        r"(ei|eikä) (\w+ )?(ole|oo) (vastattu|soitettu|reagoitu|tehty mitään)",
        r"(ei|eikä) (ole |oo )?(mitään )?(vastausta|vastaus) (\w+ )?(kuulu|tullut)",
        r"(ei|eikä) (ole |oo )?kuulunut mitään",
        r"paikasta toiseen", r"luukulta luukulle", r"pompotel\w*", r"pallotel\w*", r"joka paikasta",
        r"monesta paikasta",
        r"ei kuulu (meille|heille|hän|me)", r"(eikä|ei) mikään (muutu|muuttua|etene|edetä)",
        r"vieläkään (saanut|saanu|saada|ole)", r"joka kerta", r"väär(ä|ään|ässä) paik\w*",
        r"(passed|sent|bounced|pushed) (around|back and forth|between)", r"ilman tulosta", r"tuloksetta", r"turhaan",
        r"(rejected|turned down|refused) (again|every time|\w+ times)",
        r"keep getting (rejected|refused|turned down)", r"(nobody|no one) (ever )?explains",
        r"yrittä\w* (\w+ ){0,3}(apua|apu) .{0,30}(vuoden|kuukauden|kuukausia|viikkoja|pitkään)",
        r"hylkäsi taas", r"ei (ole )?soitettu takaisin", r"koko viikon eikä",
        r"(jo|koko) (kuukauden|viikon|vuoden) (ajan)?,? (eikä|kukaan|ei)",
        r"(three|four|five|several|many|\d+) times", r"no ?one (ever )?(has )?(helps|helped|called|calls|answers"
        r"|got back|gets back|does anything|did anything)",
        r"nobody (ever |actually )?(helps|called|calls|answers|does)",
        r"(nobody|no one|no-one) (has )?(replied|responded|answered|called|got back|gotten back)",
        r"from one (office|place) to another", r"back and forth",
        r"(for|since) (months|weeks|a year) .{0,30}(no ?one|nobody)",
        r"(fem|tre|fyra|flera|många) gånger",
        r"ingen (hjälper|ringer|svarar|har hört av sig|tar tag|bryr sig|gör något)",
        r"fram och tillbaka", r"sökt hjälp (överallt|flera|många)", r"ingen lyssnar",
        both(r"(yrittänyt|yrittäny|yritän|yritin)", r"\bjo (\w+ )?(kuukau|viiko|vuo|viikkoja|kuukausia)"),
        r"tar mig på allvar",
        r"försökt få hjälp",
        both(r"(tavoitta|saada kiinni|saanut kiinni|yrittänyt soittaa)",
             r"(viikko|viikkoja|kuukau|päiviä|monta kertaa)"),
        r"waiting (for )?(a |an )?(call ?back|reply|answer|response) (for )?(\w+ )?(weeks|months)",
        both(r"odot(an|tanut|tanu|ellut|tellu)", r"(soitto|vastaus|vastausta|päätös|päätöstä|yhteydenot)",
             r"(viikko|viikkoja|kuukau|jo \w+ viikkoa)"), r"försökt i (månader|veckor|ett år|flera)",
        r"no ?one (ever )?listens", r"(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th)) (attempt|try|time)",
        r"ingen (har )?(svarat|ringt|hjälpt|hört av sig)",
    )),
    ("asks_for_person", "support", ANY, (
        r"(?<!tietää )(?<!tietää, )(?<!tietää , )" + _WANT + r" (\w+ ){0,3}" + _CONTACT + r" (\w+ )?" + _PERSON,
        r"(joku|jonkun|jollekin|oikea|oikean|oikealle) ihmi\w*", r"oikea ihminen",
        r"\b\w+ (ihminen|ihmisen) (jonka|joka) kanssa",
        _WANT + r" (\w+ ){0,2}(ajan|aika|aikaa) (\w+ )?(sosiaali|ohjaaj|työntekij)\w*",
        r"oma\w* (työntekijä|sosiaalityöntekijä|sosiaaliohjaaja|ohjaaja)\w*",
        r"(haluan|haluaisin|haluun|saisinko|saanko|voisinko) (\w+ )?varata (\w+ )?ajan",
        r"(saisinko|saanko|voinko saada|haluaisin|haluan) (\w+ )?(ajan|puhelinaja\w*)\b",
        r"(puhelin|soitto)aja\w*", r"(puhelin|soitto)aika",
        r"(soittama\w*|soittaisi|soittais|soittaa) (minulle|mulle)\b", r"kasvo(kkain|tusten)",
        r"\bjoku (\w+ )?(soittais|soittaisi|ottais|ottaisi)\b",
        r"\bjoku\b .{0,40}(kanssani|mun kanssa|minun kanssa|minun kanssani)",
        r"(tarvitsen|haluan|tarviin|haluun|haluaisin) (\w+ )?(ihmisen|ihmistä)\b", r"automaat\w* vastau\w*",
        r"henkilökohtai\w* (apua|palvelua|neuvontaa)",
        r"(boka|få) (en )?tid (hos|med) (en )?(socialarbetare|socialhandledare|handledare)",
        r"(en|ei) (konetta|bottia|robottia)\b",
        r"\bajan (\w+ )?(jonkun|jollekin|työntekijä\w*|sosiaali\w*|ohjaaja\w*)",
        r"connect me (to|with) (a |an )?(human|person|worker|someone|counsellor|social worker)", r"riktig person",
        r"tukihenkilö\w*",
        r"(tarvitsen|tarviin|tarvitsisin|tarttisin|tarttis|tarviisin|tartten|tarvitsis|tarvita) (jonkun|joku)\b",
        r"(joku|jonkun) (\w+ )?(ottaa|ottaisi|ottais) yhteyttä",
        r"yhdistä\w* (minut |mut )?(työntekijä|ihmise|ohjaaja|sosiaali)\w*",
        r"\bbotti ei\b", r"en (halua )?(botin|botille|robotin)",
        r"(ihminen|ihmisen|ihmiselle),? (ei|en) (botti|botin|robotti)",
        r"(talk|speak|chat|meet|appointment|meeting|call) (to|with) (a |an |the )?(real )?(someone|somebody|person"
        r"|human"
        r"|social worker|counsellor|counselor|worker)", r"(a |real )(person|human)\b.{0,20}(talk|speak|chat)",
        r"is there a (real )?(person|human)",
        r"call me( back)?\b", r"face to face",
        r"call from (a|an|the|my) (social worker|counsellor|person|someone|worker)",
        r"(get|have|want|need) (a |an |my own |my )?(named|own|designated) (social )?worker",
        r"(prata|tala|träffa) (med )?(en )?(riktig )?(människa|person|socialhandledare|socialarbetare|handledare"
        r"|någon)",
        r"riktig människa", r"(kan|kunde) någon ringa", r"ringa (upp )?mig",
        r"(få|ha|behöver) (en )?egen (kontaktperson|socialarbetare|handledare|socialhandledare)",
    )),
)
