"""The sending posts: about 270 origins with their station codes, routing indicators and tags.

Place names are real cities (facts); the weights are invented, biggest senders first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

# One line each: kind | place | country | tag code. Kinds: E embassy, C consulate, R regional
# embassy office, and X lines that spell out origin | country | tag | station code | FM name |
# name in banners. The order sets the weights: the first lines send the most cables.
STATION_TABLE = """
E|Ankara|Turkey|TU
E|Baghdad|Iraq|IZ
E|Tokyo|Japan|JA
X|Secretary of State||-|STATE|SECSTATE WASHDC|STATE
E|Kabul|Afghanistan|AF
X|Mission USUN New York|United Nations|UNSC|USUNNEWYORK|USMISSION USUN NEW YORK|USUN NEW YORK
E|Beijing|China|CH
E|Paris|France|FR
E|Moscow|Russia|RS
E|Cairo|Egypt|EG
E|Islamabad|Pakistan|PK
E|Tel Aviv|Israel|IS
E|New Delhi|India|IN
E|Brasilia|Brazil|BR
E|Berlin|Germany|GM
E|Madrid|Spain|SP
E|Rome|Italy|IT
E|London|United Kingdom|UK
E|Mexico|Mexico|MX
E|Seoul|South Korea|KS
E|Bogota|Colombia|CO
E|Caracas|Venezuela|VE
E|Buenos Aires|Argentina|AR
E|Pretoria|South Africa|SF
E|Jakarta|Indonesia|ID
E|Manila|Philippines|RP
E|Bangkok|Thailand|TH
E|Amman|Jordan|JO
E|Riyadh|Saudi Arabia|SA
E|Beirut|Lebanon|LE
X|Mission Geneva|Switzerland|SZ|GENEVA|USMISSION GENEVA|GENEVA
X|Mission USNATO|NATO|NATO|USNATO|USMISSION USNATO|USNATO
X|Mission USEU Brussels|European Union|EUN|USEUBRUSSELS|USEU BRUSSELS|USEU BRUSSELS
E|Brussels|Belgium|BE
E|Ottawa|Canada|CA
E|Kiev|Ukraine|UP
E|Tbilisi|Georgia|GG
E|Baku|Azerbaijan|AJ
E|Astana|Kazakhstan|KZ
X|US Office Almaty|Kazakhstan|KZ|ALMATY|USOFFICE ALMATY|ALMATY
E|Tashkent|Uzbekistan|UZ
E|Nairobi|Kenya|KE
E|Abuja|Nigeria|NI
C|Lagos|Nigeria|NI
E|Addis Ababa|Ethiopia|ET
E|Khartoum|Sudan|SU
E|Damascus|Syria|SY
E|Kuwait|Kuwait|KU
E|Abu Dhabi|United Arab Emirates|AE
E|Doha|Qatar|QA
E|Sanaa|Yemen|YM
E|Tripoli|Libya|LY
C|Hong Kong|China|CH
C|Shanghai|China|CH
C|Sao Paulo|Brazil|BR
X|American Institute Taiwan, Taipei|Taiwan|TW|AITTAIPEI|AIT TAIPEI|AIT TAIPEI
E|Canberra|Australia|AS
E|Wellington|New Zealand|NZ
E|Stockholm|Sweden|SW
E|Oslo|Norway|NO
E|Helsinki|Finland|FI
E|Copenhagen|Denmark|DA
E|The Hague|Netherlands|NL
E|Vienna|Austria|AU
X|Mission UNVIE Vienna|United Nations|IAEA|UNVIEVIENNA|USMISSION UNVIE VIENNA|UNVIE VIENNA
E|Prague|Czech Republic|EZ
E|Warsaw|Poland|PL
E|Budapest|Hungary|HU
E|Bucharest|Romania|RO
E|Sofia|Bulgaria|BU
E|Athens|Greece|GR
E|Nicosia|Cyprus|CY
E|Belgrade|Serbia|RI
E|Pristina|Kosovo|KV
E|Sarajevo|Bosnia and Herzegovina|BK
E|Zagreb|Croatia|HR
E|Skopje|Macedonia|MK
E|Tirana|Albania|AL
E|Podgorica|Montenegro|MJ
E|Ljubljana|Slovenia|SI
E|Bratislava|Slovakia|LO
E|Vilnius|Lithuania|LH
E|Riga|Latvia|LG
E|Tallinn|Estonia|EN
E|Minsk|Belarus|BO
E|Chisinau|Moldova|MD
E|Yerevan|Armenia|AM
E|Bishkek|Kyrgyzstan|KG
E|Dushanbe|Tajikistan|TI
E|Ashgabat|Turkmenistan|TX
E|Dublin|Ireland|EI
E|Lisbon|Portugal|PO
E|Bern|Switzerland|SZ
E|Luxembourg|Luxembourg|LU
E|Reykjavik|Iceland|IC
E|Valletta|Malta|MT
E|Vatican|Holy See|VT
E|Rabat|Morocco|MO
E|Algiers|Algeria|AG
E|Tunis|Tunisia|TS
E|Muscat|Oman|MU
E|Manama|Bahrain|BA
C|Jerusalem|West Bank|KWBG
C|Istanbul|Turkey|TU
C|Adana|Turkey|TU
C|Jeddah|Saudi Arabia|SA
C|Dhahran|Saudi Arabia|SA
C|Dubai|United Arab Emirates|AE
R|Basrah|Iraq|IZ
R|Hillah|Iraq|IZ
R|Kirkuk|Iraq|IZ
R|Mosul|Iraq|IZ
C|Karachi|Pakistan|PK
C|Lahore|Pakistan|PK
C|Peshawar|Pakistan|PK
C|Mumbai|India|IN
C|Chennai|India|IN
C|Kolkata|India|IN
E|Colombo|Sri Lanka|CE
E|Dhaka|Bangladesh|BG
E|Kathmandu|Nepal|NP
E|Rangoon|Burma|BM
E|Hanoi|Vietnam|VM
C|Ho Chi Minh City|Vietnam|VM
E|Phnom Penh|Cambodia|CB
E|Vientiane|Laos|LA
E|Kuala Lumpur|Malaysia|MY
E|Singapore|Singapore|SN
C|Surabaya|Indonesia|ID
C|Chiang Mai|Thailand|TH
E|Dili|East Timor|TT
E|Ulaanbaatar|Mongolia|MG
C|Guangzhou|China|CH
C|Shenyang|China|CH
C|Chengdu|China|CH
C|Osaka Kobe|Japan|JA
C|Naha|Japan|JA
C|Sapporo|Japan|JA
C|Fukuoka|Japan|JA
C|Nagoya|Japan|JA
C|Busan|South Korea|KS
C|St Petersburg|Russia|RS
C|Yekaterinburg|Russia|RS
C|Vladivostok|Russia|RS
C|Frankfurt|Germany|GM
C|Munich|Germany|GM
C|Hamburg|Germany|GM
C|Leipzig|Germany|GM
C|Dusseldorf|Germany|GM
C|Milan|Italy|IT
C|Naples|Italy|IT
C|Florence|Italy|IT
C|Barcelona|Spain|SP
C|Marseille|France|FR
C|Strasbourg|France|FR
C|Krakow|Poland|PL
C|Amsterdam|Netherlands|NL
C|Belfast|United Kingdom|UK
C|Edinburgh|United Kingdom|UK
C|Thessaloniki|Greece|GR
C|Ponta Delgada|Portugal|PO
C|Toronto|Canada|CA
C|Montreal|Canada|CA
C|Vancouver|Canada|CA
C|Calgary|Canada|CA
C|Quebec|Canada|CA
C|Halifax|Canada|CA
C|Monterrey|Mexico|MX
C|Guadalajara|Mexico|MX
C|Tijuana|Mexico|MX
C|Ciudad Juarez|Mexico|MX
C|Nuevo Laredo|Mexico|MX
C|Matamoros|Mexico|MX
C|Nogales|Mexico|MX
C|Hermosillo|Mexico|MX
C|Merida|Mexico|MX
C|Rio de Janeiro|Brazil|BR
C|Recife|Brazil|BR
C|Guayaquil|Ecuador|EC
C|Sydney|Australia|AS
C|Melbourne|Australia|AS
C|Perth|Australia|AS
C|Auckland|New Zealand|NZ
C|Johannesburg|South Africa|SF
C|Cape Town|South Africa|SF
C|Durban|South Africa|SF
C|Casablanca|Morocco|MO
C|Alexandria|Egypt|EG
C|Curacao|Netherlands Antilles|NT
C|Hamilton|Bermuda|BD
E|Guatemala|Guatemala|GT
E|San Salvador|El Salvador|ES
E|Tegucigalpa|Honduras|HO
E|Managua|Nicaragua|NU
E|San Jose|Costa Rica|CS
E|Panama|Panama|PM
X|US Interests Section Havana|Cuba|CU|HAVANA|USINT HAVANA|HAVANA
E|Santo Domingo|Dominican Republic|DR
E|Port au Prince|Haiti|HA
E|Kingston|Jamaica|JM
E|Nassau|Bahamas|BF
E|Bridgetown|Barbados|BB
E|Port of Spain|Trinidad and Tobago|TD
E|Georgetown|Guyana|GY
E|Paramaribo|Suriname|NS
E|Quito|Ecuador|EC
E|Lima|Peru|PE
E|La Paz|Bolivia|BL
E|Santiago|Chile|CI
E|Montevideo|Uruguay|UY
E|Asuncion|Paraguay|PA
E|Port Moresby|Papua New Guinea|PP
E|Suva|Fiji|FJ
E|Apia|Samoa|WS
E|Koror|Palau|PS
E|Majuro|Marshall Islands|RM
E|Kolonia|Micronesia|FM
E|Bandar Seri Begawan|Brunei|BX
E|Kampala|Uganda|UG
E|Dar es Salaam|Tanzania|TZ
E|Kigali|Rwanda|RW
E|Bujumbura|Burundi|BY
E|Kinshasa|Democratic Republic of the Congo|CG
E|Brazzaville|Republic of the Congo|CF
E|Luanda|Angola|AO
E|Lusaka|Zambia|ZA
E|Harare|Zimbabwe|ZI
E|Gaborone|Botswana|BC
E|Windhoek|Namibia|WA
E|Maputo|Mozambique|MZ
E|Lilongwe|Malawi|MI
E|Antananarivo|Madagascar|MA
E|Port Louis|Mauritius|MP
E|Accra|Ghana|GH
E|Dakar|Senegal|SG
E|Bamako|Mali|ML
E|Niamey|Niger|NG
E|Ouagadougou|Burkina Faso|UV
E|Conakry|Guinea|GV
E|Freetown|Sierra Leone|SL
E|Monrovia|Liberia|LI
E|Abidjan|Cote d'Ivoire|IV
E|Lome|Togo|TO
E|Cotonou|Benin|BN
E|Yaounde|Cameroon|CM
E|Libreville|Gabon|GB
E|Malabo|Equatorial Guinea|EK
E|N'Djamena|Chad|CD
E|Bangui|Central African Republic|CT
E|Nouakchott|Mauritania|MR
E|Banjul|Gambia|GA
E|Bissau|Guinea-Bissau|PU
E|Praia|Cape Verde|CV
E|Asmara|Eritrea|ER
E|Djibouti|Djibouti|DJ
E|Mbabane|Swaziland|WZ
E|Maseru|Lesotho|LT
E|Victoria|Seychelles|SE
E|Moroni|Comoros|CN
E|Sao Tome|Sao Tome and Principe|TP
X|Mission UNESCO|United Nations|UNESCO|UNESCOPARISFR|UNESCO PARIS FR|UNESCO PARIS FR
X|Mission USOECD|OECD|OECD|PARISFROECD|USMISSION USOECD PARIS|PARIS FR OECD
X|Mission UNROME|United Nations|EAGR|UNROME|USMISSION UN ROME|UN ROME
X|Mission USOSCE|OSCE|OSCE|USOSCE|USMISSION USOSCE|USOSCE
C|Erbil|Iraq|IZ
C|Herat|Afghanistan|AF
C|Kaduna|Nigeria|NI
C|Medan|Indonesia|ID
C|Bordeaux|France|FR
C|Hyderabad|India|IN
"""


@dataclass(frozen=True)
class Station:
    """A sending post: its origin string, station code, routing indicator and tag."""

    origin: str  # as in the CSV: Embassy Ankara, Secretary of State
    code: str  # as in reference IDs: ANKARA, SAOPAULO, USUNNEWYORK
    tg_name: str  # as in banners and REF lines: ANKARA, SAO PAULO, USUN NEW YORK
    fm_name: str  # as in the FM line: AMEMBASSY ANKARA
    place: str  # as mentioned in prose: Ankara, New York
    country: str  # as in subjects: TURKEY ("" for the Department)
    tag: str  # country tag, "" for the Department
    routing: str  # RUEHAK
    weight: float


_PREFIXES = {
    "E": ("Embassy ", "AMEMBASSY "),
    "C": ("Consulate ", "AMCONSUL "),
    "R": ("REO ", "REO "),
}


def _parse(table: str) -> tuple[Station, ...]:
    rows = []
    for line in table.strip().splitlines():
        kind, *rest = line.split("|")
        if kind == "X":
            origin, country, tag, code, fm_name, tg_name = rest
            place = tg_name.split()[-1].title() if country else "Washington"
            if tg_name.endswith("NEW YORK"):
                place = "New York"
        else:
            place, country, tag = rest
            tg_name = re.sub(r"[^A-Z ]", "", place.upper().replace("-", " "))
            code = tg_name.replace(" ", "")
            origin = _PREFIXES[kind][0] + place
            fm_name = _PREFIXES[kind][1] + tg_name
        tag = "" if tag == "-" else tag
        rows.append((origin, code, tg_name, fm_name, place, country.upper(), tag))
    codes = [row[1] for row in rows]
    if len(set(codes)) != len(codes) or not all(code.isalpha() for code in codes):
        raise ValueError("station codes must be unique and letters only")
    routings = _routing_indicators(codes)
    return tuple(
        Station(*row, routing=routing, weight=1.0 / (rank + 3) ** 0.8)
        for rank, (row, routing) in enumerate(zip(rows, routings, strict=True), start=1)
    )


def _routing_indicators(codes: Sequence[str]) -> list[str]:
    """RUEH plus two letters, unique per station, picked from the station's own letters."""
    taken = {"C"}
    result = []
    letters = "ABCDEFGHIJKLMNOPRSTUVWYZ"
    for code in codes:
        if code == "STATE":
            result.append("RUEHC")
            continue
        candidates = itertools.chain(
            (code[0] + c for c in code[1:]),
            (a + b for a in letters for b in letters),
        )
        pair = next(p for p in candidates if p not in taken)
        taken.add(pair)
        result.append("RUEH" + pair)
    return result


STATIONS: tuple[Station, ...] = _parse(STATION_TABLE)
STATE: Station = next(s for s in STATIONS if s.code == "STATE")
STATE_INDEX: int = STATIONS.index(STATE)
