"""Common first names in Finland, for finding names in resident text (nlu/redaction.py).

Source: the most common first names of people living in Finland in the
Digital and Population Data Services Agency's open name data ("Etunimitilasto",
Väestötietojärjestelmän suomalaisten nimiaineistot, avoindata.fi, CC BY 4.0),
men's and women's lists, top names only. Kept small on purpose: the list is
used only after a trigger ("olen", "oon", "jag är") or before a capitalised
surname, never alone.

Left out although common, because they are also ordinary words a resident
writes ("olen onni..." is rare, but "toivo", "usko", "satu", "aino", "ilona",
"tuuli", "lumi", "valo", "into", "armas", "taimi", "aura", "oiva", "veli",
"kerttu" are not): a false redaction would hide the very wording the
editors need to read.
"""
from __future__ import annotations

_MEN = """
juhani johannes olavi antero tapani kalevi tapio matti mikael ilmari timo pekka kari jari antti mikko
jukka markku juha heikki hannu seppo janne ville petri sami lauri tuomas eero jussi jani ari pentti esa
veikko erkki mika marko teemu lasse jarmo joni aleksi oskari leevi eino elias väinö niko kalle jaakko
kristian henrik samuli valtteri juho joonas eetu otto aapo vilho emil daniel patrik tommi tero jouni
raimo reijo risto kimmo harri pasi vesa arto jorma mauri martti ismo kai
"""
_WOMEN = """
maria helena johanna anneli kaarina marjatta anna liisa annikki hannele tuula päivi riitta anne pirjo
sari minna tiina leena merja marja sanna kirsi elina laura emilia sofia eevi ella venla emma aada helmi
linnea katja mari heidi jenni hanna katri eila raili aila sirpa seija outi susanna kristiina irmeli
tarja marika jaana mervi pia krista nina noora saara iida siiri vilma nelli oona milla elisa jenna
"""
_SWEDISH_AND_OTHER = """
erik anders johan karl lars mats stefan mohammed mohamed ahmed ali fatima amina olga elena tatiana
"""

FIRST_NAMES = frozenset((_MEN + _WOMEN + _SWEDISH_AND_OTHER).split())
