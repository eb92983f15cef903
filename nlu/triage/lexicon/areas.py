"""Problem areas: several named in one message are a support marker.

`multiple_problems`: three areas, or two with "all at once" wording
(ALL_AT_ONCE). `substance_and_mental_health`: both of those areas. Service
names ("päihdepalvelut", "mielenterveystoimisto") are questions about
services, not problems, so a lookahead leaves them out.
"""
from __future__ import annotations

_NOT_SERVICE = r"(?!\w*(palvel|toimist|kuntoutu|työ\b|hoitaj|klinik))"

PROBLEM_AREAS: dict[str, tuple[str, ...]] = {
    "debt": (
        r"\bvel(ka|at|koj|koja|kaa|oista|kakierte)\w*", r"ulosot\w*", r"maksuhäiriö", r"luottotied\w*", r"rästi\w*",
        r"perintä\w*", r"\bdebts?\b", r"behind on (rent|bills|payments)", r"skuld\w*",
    ),
    "substance": (
        r"\bjuo(da|n|minen|mista|mus)\b", r"\bjuon\b", r"juominen", r"alkoholi" + _NOT_SERVICE, r"\bviina\w*",
        r"huume" + _NOT_SERVICE, r"päihte\w*" + _NOT_SERVICE, r"päihde" + _NOT_SERVICE, r"amfetamiin\w*",
        r"\bpilve\w*",
        r"kannabi\w*", r"bentso\w*", r"\bkamaa\b", r"rahapel\w*", r"peliriippuv\w*", r"pelaami\w*",
        r"pelaan (\w+ )?(koko|kaikki|rahat|palkan)",
        r"kasino\w*", r"raha-automaat\w*", r"käytä\w* (\w+ )?(aineita|huumeita|kamaa|päihteitä)",
        r"cannabis", r"\bweed\b", r"marijuana", r"cocaine", r"heroin", r"spelproblem\w*", r"spelmissbruk",
        r"riippuvuu\w*",
        r"\bdrink\w*", r"drugs", r"alcohol", r"gambl\w*", r"\bdricker", r"alkohol\w*", r"droger", r"spelberoend\w*",
    ),
    "mental": (
        r"masennu\w*" + _NOT_SERVICE, r"masentu\w*", r"masentaa", r"\bmasis", r"ahdist\w*", r"paniik\w*",
        r"mielenterv\w*" + _NOT_SERVICE, r"mielialahäiriö",
        r"miel(i|iala)\w* (\w+ ){0,3}(maassa|huono|matala|alhaalla|matalalla)",
        r"kaksisuuntai\w*", r"uupu\w*", r"uuvu\w*", r"psykoo\w*", r"adhd", r"nukun huonosti",
        r"jaksami\w* (on )?(ihan )?(lopussa|loppu)", r"depress\w*", r"deprim\w*",
        r"anxiety", r"ångest", r"psyk(isk|iatr)\w*" + _NOT_SERVICE, r"mår (psykiskt )?dåligt", r"burn-?out",
    ),
    "housing": (
        r"vuokr\w*", r"asun(to|no)\w*", r"kämpp\w*", r"\bhää\w*", r"asumi\w*", r"\brent\b", r"housing", r"hyra",
        r"bostad\w*",
    ),
    "money": (
        r"toimeentulotu\w*", r"rahat ei riitä", r"rahaa ei", r"\braha\b", r"raha-?asi\w*", r"rahahuol\w*", r"köyh\w*",
        r"laskut\w*", r"\bmoney\b", r"pengar", r"ekonomi\w*", r"\bbills\b",
    ),
    "work": (
        r"työtön", r"työttöm\w*", r"työpaik\w*", r"menetin työn", r"\btyöt\b", r"työkkär\w*", r"lomautet\w*",
        r"irtisanottiin", r"töistä", r"unemploy\w*", r"lost my job", r"no job", r"arbetslös", r"inget jobb",
        r"jobbet",
    ),
    "violence": (r"väkival\w*", r"\blyö\w*", r"violence", r"våld"),
    "health": (
        r"sairau\w*", r"sairastu\w*", r"sairausloma", r"terveys", r"terveyteni", r"\bkipu", r"muistisairau\w*",
        r"dementoitu\w*", r"sairast\w*", r"kehitysvamm\w*", r"illness", r"sjuk\w*", r"\bhealth\b", r"hälsan",
    ),
    "family": (
        r"avioero", r"\bero\b", r"erosin", r"parisuhde", r"vaimo lähti", r"mies lähti", r"huoltajuu\w*", r"riidat",
        r"lintsa\w*", r"yksinhuoltaja\w*", r"välit poikki", r"perhee\w*", r"omaishoitaja\w*", r"divorce",
        r"relationship", r"(girlfriend|boyfriend|wife|husband|partner) (left|dumped)", r"skilsmässa",
        r"sambo har lämnat",
    ),
    "loneliness": (r"yksinäi\w*", r"(ihan|aivan|täysin) yksin", r"lonely", r"on my own", r"all alone", r"ensam\w*"),
}

ALL_AT_ONCE = (
    r"(kaikki kasautuu|kasautu\w*|samaan aikaan|samanaikaisesti|yhtä aikaa|yhtä sotkua|kaikki kaatuu|kaatuu päälle"
    r"|päällekkäin|ja nyt vielä|ja nyt mut|kaiken lisäksi|ihan liikaa|kaikessa on ongelmi\w*|mistä aloittaa"
    r"|mistä päästä alkuun|kaikki menee päin|monta (asiaa|ongelmaa)|paljon ongelmia|everything at once|at the same time"
    r"|all at once|falling apart"
    r"|on top of (that|it)|samtidigt|allt på en gång|allt har rasat)"
)
