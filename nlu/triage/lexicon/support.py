"""Support markers: special support need (erityisen tuen tarve; seeds 000, 002).

Four markers come from words (cannot cope with daily matters, cannot apply
alone, repeated failed attempts, asks for a person); two come from problem
areas named in the same message (`multiple_problems` for three areas, or
two with "all at once"; `substance_and_mental_health`).
"""
from __future__ import annotations

from nlu.triage.lexicon.time import ANY, IMPLIED

_DAILY = r"(vastaa|avaa|maksa|hoida|käy|siivoa|syö|jaksa|pysty|muista)\w*"
_PAPERS = r"(lomak\w*|hakemu\w*|kelan|kela|papere\w*|paperi\w*|kirjei\w*|kirje\w*|liitte\w*|järjestelmä\w*|asiointi\w*|sivu\w*)"

SUPPORT = (
    ("cannot_cope_daily", "support", ANY, (
        r"(en|ei) (\w+ )?(jaksa|jaksaa|pysty|pystyä) (enää )?(hoitaa|hoitamaan|nousta|käydä|käymään|tehdä|siivo\w*|avata|laittaa)",
        r"(en|ei) (\w+ )?(pärjää|pärjätä)\b", r"\ben (\w+ )?selviä\b", r"arki\w* (ei|eikä) (suju|sujua|onnistu|onnistua)",
        r"(en|ei) (ole |oo |olla )?(saa|saanut|saanu|saada) (mitään |mitää |mikään )?(hoidettua|hoitaa|aikaiseksi|aikaseks|aikaan|tehtyä|tehdä)",
        r"pelottaa avata", r"ylivoimai\w*",
        r"unohd\w* (maksaa|syödä|ottaa)", r"(posti|laskut|lasku|kirjeet|paperit)\w* (\w+ )?(kasaantu|kasautu|pinoutu|kertyy)\w*",
        r"(laskut|lasku|posti|kirjeet)\w* (\w+ )?(on |jää |jäävät )?(avaamatta|maksamatta)\b",
        r"(en|ei) (ole |oo |olla )?(avannut|avanu|avaa|avata) (\w+ )?(posti\w*|kirje\w*|laskuj\w*)", r"\bkaao\w*", r"sotku\w*",
        r"(en|ei|eikä|enkä) " + _DAILY + r".{0,40}(eikä|enkä|ei|en) " + _DAILY + r".{0,40}(eikä|enkä|ei|en) " + _DAILY,
        r"(en|ei) tiedä mistä (aloittaa|aloitan|päästä alkuun)", r"(en|ei) tiedä (\w+ )?mitä (niille |sille )?(teen|tehdä|pitää tehdä)",
        r"(oon|olen) (\w+ )?lukossa", r"kaikki menee ohi", r"(apua|apu) (kaikkeen|kaikessa|arjessa|raha-asioissa)",
        r"tarvit\w* apua (\w+ )?(raha-asio|kaupassa|arjessa|kotona)", r"(en|ei) (enää )?(pysty|pystyä|jaksa|jaksaa)( enää| mitään)?(\s*,|\s*$)", r"nousta sängystä", r"get out of bed",
        r"can't (cope|manage|keep up)", r"cannot (cope|manage|keep up)", r"piling up", r"haven't opened (my |the )?(mail|post|letters)",
        r"falling apart", r"help with everything",
        r"klarar inte", r"orkar inte (ta hand om|sköta|öppna|städa|handla)", r"öppnar inte (posten|breven)",
        r"räkningarna (hopar sig|växer)", r"vet inte (ens )?var jag ska börja", r"hjälp med allt",
    )),
    ("cannot_apply_alone", "support", ANY, (
        r"(en|ei) (\w+ )?(osaa|osata|pysty|pystyä|jaksa|pääse|päästä) (\w+ )?(hakea|hakemaan|täyttää|täyttämään|tehdä hakemu\w*|käyttää|selittää)",
        r"(en|ei) (\w+ )?(saa|saada) (\w+ ){0,2}(tehtyä|täytettyä|haettua)",
        r"(en|ei) (ymmärrä|ymmärtää|tajua|tajuu|tajuta) (\w+ ){0,2}" + _PAPERS, _PAPERS + r" .{0,30}(vaikea|vaikee\w*|sekav\w*|liian|mahdoton)",
        r"ilman apua", r"auta\w* (\w+ )?(täyttä|hakemu|lomak|paperi|kelaan|hakemaan|hoitamaan)\w*",
        r"käydä (ne|niitä|se) (mun|minun|minä) kanssa läpi", r"tulla (mun |minun )?kanssani", r"(en|ei) (osaa|osata) lukea",
        r"lukihäiriö\w*", r"\bsokea\b", r"näkövamma\w*", r"luovutan (aina )?kesken", r"yksin (siitä |se )?ei tule mitään",
        r"(tarvitsen|tarviin|tarvitsisin|tarvita) (jonkun|joku) (\w+ )?(avuksi|auttamaan|joka auttaa|auttaa)",
        r"kieli ei riitä", r"paperiasio\w*", r"(kuka|joku) (voisi|voida|vois) auttaa",
        r"can't (fill|apply|do (it|this|them) alone)", r"help me (to )?fill", r"(don't|do not) understand the (forms|letters|kela|application)",
        r"impossible .{0,20}(alone|on my own|by myself)", r"(forms|paperwork|applications?) (by myself|on my own)", r"dyslexi\w*",
        r"isn't good enough to deal",
        r"förstår inte (blanketterna|ansökan|breven)", r"kan inte (söka|fylla i|ansöka)", r"hjälpa mig (att )?fylla i", r"söka själv",
        r"behöver någon som kan hjälpa",
    )),
    ("repeated_failed_help", "support", ANY, (
        r"(?<!kuinka )(?<!montako )(monta|moneen|useaan|useamman|kymmenen|viisi|neljä|kolme|\d+) kerta\w*(?! (päivässä|viikossa|kuussa|kuukaudessa|vuodessa))", r"\b(kolmesti|neljästi|viidesti|monesti)\b",
        r"(toisen|kolmannen|kolmatta|neljättä|viidettä|toista) kerta\w*", r"(kolmas|neljäs|viides) kerta",
        r"(kukaan|ei kukaan) (ei )?(ole )?(auta|auttaa|auttanut|vastaa|vastata|vastannut|soita|soittaa|soittanut|ota|ottanut|selitä|selittää|kuuntele)",
        r"(ei|eikä) (ole |oo )?(mitään )?(vastausta|vastaus) (\w+ )?(kuulu|tullut)", r"(ei|eikä) (ole |oo )?kuulunut mitään",
        r"paikasta toiseen", r"luukulta luukulle", r"pompotel\w*", r"pallotel\w*", r"joka paikasta", r"monesta paikasta",
        r"ei kuulu (meille|heille|hän|me)", r"(eikä|ei) mikään (muutu|muuttua|etene|edetä)", r"vieläkään (saanut|saanu|saada|ole)",
        r"hylkäsi taas", r"ei (ole )?soitettu takaisin", r"koko viikon eikä", r"(jo|koko) (kuukauden|viikon|vuoden) (ajan)?,? (eikä|kukaan|ei)",
        r"(three|four|five|several|many|\d+) times", r"no ?one (ever )?(has )?(helps|helped|called|calls|answers|got back|gets back)",
        r"nobody (ever |actually )?(helps|called|calls|answers)", r"from one (office|place) to another", r"back and forth",
        r"(fem|tre|fyra|flera|många) gånger", r"ingen (hjälper|ringer|svarar|har hört av sig)", r"fram och tillbaka",
    )),
    ("asks_for_person", "support", ANY, (
        r"(haluan|haluaisin|haluun|halu|haluta|voinko|voisinko|saanko|saisinko|pääsenkö|voiko|voisiko|tahdon|tarvitsen|tarviin"
        r"|voida|saada|tarvita) (\w+ ){0,3}(puhu|jutel|keskustel)\w* (\w+ )?(jollekin|jonkun|jonkin|joku|ihmise\w*|työntekijä\w*"
        r"|sosiaali\w*|ohjaaja\w*)",
        r"(joku|jonkun|jollekin|oikea|oikean|oikealle) ihmi\w*", r"oikea ihminen", r"\w+ (ihminen|ihmisen) (jonka|joka) kanssa",
        r"(saisinko|saanko|voinko saada|haluan|haluaisin|haluun|varata|varaan|saada) (\w+ ){0,2}(ajan|aika|aikaa) (\w+ )?(sosiaali|ohjaaj|työntekij)\w*",
        r"oma\w* (työntekijä|sosiaalityöntekijä|sosiaaliohjaaja|ohjaaja)\w*", r"(varata|varaan|saisinko) (\w+ )?(ajan|puhelinaja\w*)",
        r"puhelinaja\w*", r"(soittama\w*|soittaisi|soittais|soittaa) (minulle|mulle)\b",
        r"(joku|jonkun) (\w+ )?(ottaa|ottaisi|ottais) yhteyttä", r"yhdistä\w* (minut |mut )?(työntekijä|ihmise|ohjaaja|sosiaali)\w*",
        r"\bbotti ei\b", r"en (halua )?(botin|botille|robotin)", r"(ihminen|ihmisen|ihmiselle),? (ei|en) (botti|botin|robotti)",
        r"(talk|speak|chat) (to|with) (a |an |someone|somebody|the )?(real )?(person|human|social worker|counsellor|counselor|worker)",
        r"(a |real )(person|human)\b.{0,20}(talk|speak|chat)", r"is there a (real )?(person|human)", r"call me( back)?\b",
        r"(prata|tala) med (en )?(riktig )?(människa|person|socialhandledare|socialarbetare|handledare|någon)", r"riktig människa",
    )),
)

# Problem areas for `multiple_problems` and `substance_and_mental_health`.
# Service names ("päihdepalvelut", "mielenterveystoimisto") are questions
# about services, not problems, so they are left out by lookaheads.
_NOT_SERVICE = r"(?!\w*(palvel|toimist|kuntoutu|työ\b|hoitaj|klinik))"
PROBLEM_AREAS: dict[str, tuple[str, ...]] = {
    "debt": (r"\bvel(ka|at|koj|koja|kaa|oista|kakierte)\w*", r"ulosot\w*", r"maksuhäiriö", r"luottotied\w*", r"rästi\w*",
             r"perintä\w*", r"\bdebts?\b", r"skuld\w*"),
    "substance": (r"\bjuo(da|n|minen|mista|mus)\b", r"\bjuon\b", r"alkoholi" + _NOT_SERVICE, r"\bviina\w*", r"huume" + _NOT_SERVICE,
                  r"päihte\w*" + _NOT_SERVICE, r"päihde" + _NOT_SERVICE, r"amfetamiin\w*", r"\bpilve\w*", r"kannabi\w*", r"bentso\w*",
                  r"\bkamaa\b", r"rahapel\w*", r"peliriippuv\w*", r"pelaamis\w*", r"riippuvuu\w*", r"\bdrink\w*", r"drugs", r"alcohol", r"gambl\w*",
                  r"\bdricker", r"alkohol\w*", r"droger", r"spelberoend\w*"),
    "mental": (r"masennu\w*" + _NOT_SERVICE, r"masentu\w*", r"masentaa", r"ahdist\w*", r"paniik\w*", r"mielenterv\w*" + _NOT_SERVICE,
               r"mielialahäiriö", r"kaksisuuntai\w*", r"uupu\w*", r"uuvu\w*", r"psykoo\w*", r"adhd", r"nukun huonosti",
               r"depress\w*", r"anxiety", r"ångest", r"psyk(isk|iatr)\w*" + _NOT_SERVICE, r"mår psykiskt dåligt", r"burn-?out"),
    "housing": (r"vuokr\w*", r"asunno\w*", r"kämpp\w*", r"\bhää\w*", r"asumi\w*", r"\brent\b", r"housing", r"hyra", r"bostad\w*"),
    "money": (r"toimeentulotu\w*", r"rahat ei riitä", r"rahaa ei", r"raha-?asi\w*", r"rahahuol\w*", r"köyh\w*", r"laskut\w*",
              r"\bmoney\b", r"pengar", r"ekonomi\w*", r"\bbills\b"),
    "work": (r"työtön", r"työttöm\w*", r"työpaik\w*", r"menetin työn", r"työkkär\w*", r"lomautet\w*", r"irtisanottiin",
             r"unemploy\w*", r"lost my job", r"arbetslös", r"inget jobb", r"jobbet"),
    "violence": (r"väkival\w*", r"\blyö\w*", r"violence", r"våld"),
    "health": (r"sairau\w*", r"sairastu\w*", r"sairausloma", r"terveys", r"terveyteni", r"\bkipu", r"muistisairau\w*",
               r"kehitysvamm\w*", r"illness", r"sjuk\w*", r"\bhealth\b", r"hälsan"),
    "family": (r"avioero", r"\bero\b", r"erosin", r"parisuhde", r"vaimo lähti", r"mies lähti", r"huoltajuu\w*", r"riidat",
               r"lintsa\w*", r"yksinhuoltaja\w*", r"välit poikki", r"perhee\w*", r"omaishoitaja\w*", r"divorce",
               r"relationship", r"skilsmässa", r"sambo har lämnat"),
    "loneliness": (r"yksinäi\w*", r"(ihan|aivan|täysin) yksin", r"lonely", r"ensam\w*"),
}
ALL_AT_ONCE = (
    r"(kaikki kasautuu|kasautu\w*|samaan aikaan|samanaikaisesti|yhtä aikaa|yhtä sotkua|kaikki kaatuu|kaatuu päälle"
    r"|päällekkäin|ja nyt vielä|kaiken lisäksi|ihan liikaa|kaikessa on ongelmi\w*|mistä aloittaa|mistä päästä alkuun"
    r"|everything at once|at the same time|all at once|falling apart|on top of (that|it)|samtidigt|allt på en gång|allt har rasat)"
)
