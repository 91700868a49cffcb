"""Demo data: the academic mobility of *Mobility Atlas Demo University*, written as import files.

The demo university is a public university in Poland (so Poland is never a partner country)
with about 25,000 students and 2,400 academic staff in six faculties of different sizes:
Engineering, Economics and Business, Humanities, Natural Sciences, Medicine and Health, and
Law and Social Sciences. Its data covers eight academic years, 2018/19 to 2025/26 (a year
starts in September; a mobility belongs to the year in which it starts), as exported at the
end of January 2026.

What the data shows:

* **All six kinds of mobility**, in both directions where that makes sense: student exchange
  (semester or year), dual degrees with four partners (mostly master level), staff teaching and
  training, researchers' visits and conferences, virtual exchanges and blended intensive
  programmes (BIP, from 2022/23), and traineeships, mostly of our students at companies.
  International projects (Erasmus+ KA2, CBHE, Jean Monnet, Horizon, Erasmus Mundus, NAWA, a
  European University alliance) are in ``projects.csv``.
* **A history**: mobility grows over the years; in 2020/21 physical mobility collapses while
  virtual mobility peaks; spring 2020 has many cancellations; recovery follows.
* **63 partner universities in 35 countries**, mostly in Erasmus+ countries, plus the US,
  Canada, Japan, Korea, Brazil, Ukraine, Kenya and Australia; a few large partners carry much
  of the flow. Traineeships go to companies, research institutes and NGOs across Europe.
* **95 agreements** (one row per cooperation condition): a study condition per partner plus
  teaching, training and traineeship conditions, two renewals, a few expired ones (the UK after
  Brexit), six expiring in 2026/27 and eight dormant ones (no mobility since 2021/22).
  Places per year follow the flows that use them, so they scale with ``records``.
* **Denominators and targets**: headcounts per year, faculty and EQF level (scaled with
  ``records``, so the ratios stay plausible at any size: about 25,000 students at the default
  20,000 records), and about a dozen leadership targets for KPIs of ``pipelines.metrics``.
* **A handful of invalid rows** (about 0.1% of mobilities, at least 3): an unknown country
  ``XX``, an end date before the start date, ECTS ``abc``, so the demo shows what the importer
  rejects. Every other row of every file is valid under ``pipelines.schemas``.

Everything is drawn from ``np.random.default_rng(seed)`` in a fixed order and vectorised over
records; the output depends only on ``records`` and ``seed`` (never on today's date), and the
same arguments give byte-identical files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from pipelines.schemas import MODELS

# The last academic year in the demo is 2025/26; fixed so output never depends on today's date.
LAST_START_YEAR = 2025
FIRST_START_YEAR = 2018
YEARS = np.arange(FIRST_START_YEAR, LAST_START_YEAR + 1)
EXPORT_DATE = np.datetime64("2026-01-31")  # the day the demo data was "exported"
INSTITUTION_NAME = "Mobility Atlas Demo University"
HOME_COUNTRY = "PL"
DEFAULT_RECORDS = 20_000  # the size at which the university has about 25,000 students
BAD_ROW_SHARE = 0.001
DORMANT_FROM = 2022  # dormant agreements have no mobility from this academic year on
TABLES = ("mobilities", "agreements", "projects", "headcounts", "targets")

ENG, ECO, HUM, NAT, MED, LAW = range(6)
FACULTIES = (
    "Faculty of Engineering",
    "Faculty of Economics and Business",
    "Faculty of Humanities",
    "Faculty of Natural Sciences",
    "Faculty of Medicine and Health",
    "Faculty of Law and Social Sciences",
)
_FACULTY_KEYS = {"ENG": ENG, "ECO": ECO, "HUM": HUM, "NAT": NAT, "MED": MED, "LAW": LAW}

# ISCED-F 2013 detailed fields taught in each faculty, with their weights.
_FIELDS = (
    (("0714", 20), ("0715", 15), ("0713", 12), ("0711", 8), ("0613", 20), ("0612", 8),
     ("0732", 10), ("0731", 7)),
    (("0311", 22), ("0411", 10), ("0412", 18), ("0413", 35), ("0414", 15)),
    (("0222", 20), ("0223", 12), ("0231", 25), ("0232", 33), ("0221", 10)),
    (("0511", 22), ("0512", 12), ("0521", 12), ("0531", 18), ("0532", 8), ("0533", 14),
     ("0541", 10), ("0542", 4)),
    (("0912", 45), ("0913", 20), ("0916", 15), ("0915", 12), ("0911", 8)),
    (("0421", 45), ("0312", 20), ("0313", 20), ("0314", 15)),
)  # fmt: skip
_FACULTY_FIELD = ("071", "041", "023", "053", "091", "042")  # field of faculty-level agreements

# Partner universities: Erasmus code | SCHAC | name | country | city | outbound popularity |
# inbound popularity | main faculty | agreements for that faculty only (F) or university-wide
# (U) | local teaching language | first academic year of cooperation.
_HEI_TABLE = """
D  KONSTAN01|uni-konstanz.de|Universität Konstanz|DE|Konstanz|5|3|ECO|U|de|2014
D  DRESDEN02|tu-dresden.de|Technische Universität Dresden|DE|Dresden|6|4|ENG|F|de|2014
D  LEIPZIG01|uni-leipzig.de|Universität Leipzig|DE|Leipzig|4|3|HUM|U|de|2014
D  BERLIN13|hu-berlin.de|Humboldt-Universität zu Berlin|DE|Berlin|5|2|LAW|U|de|2014
D  MANNHEI01|uni-mannheim.de|Universität Mannheim|DE|Mannheim|4|3|ECO|F|de|2014
F  PARIS001|u-paris.fr|Université Paris Cité|FR|Paris|5|3|MED|U|fr|2014
F  LYON02|univ-lyon2.fr|Université Lumière Lyon 2|FR|Lyon|4|3|ECO|F|fr|2014
F  STRASBO48|unistra.fr|Université de Strasbourg|FR|Strasbourg|3|2|LAW|U|fr|2014
F  GRENOBL55|univ-grenoble-alpes.fr|Université Grenoble Alpes|FR|Grenoble|3|2|NAT|F|fr|2014
E  MADRID03|upm.es|Universidad Politécnica de Madrid|ES|Madrid|7|5|ENG|F|es|2014
E  BARCELO01|ub.edu|Universitat de Barcelona|ES|Barcelona|8|5|HUM|U|es|2014
E  GRANADA01|ugr.es|Universidad de Granada|ES|Granada|9|7|HUM|U|es|2014
E  VALENCI01|uv.es|Universitat de València|ES|Valencia|6|5|NAT|U|es|2014
E  SALAMAN02|usal.es|Universidad de Salamanca|ES|Salamanca|4|3|HUM|F|es|2014
I  BOLOGNA01|unibo.it|Università di Bologna|IT|Bologna|7|5|ECO|U|it|2014
I  MILANO02|polimi.it|Politecnico di Milano|IT|Milan|5|4|ENG|F|it|2014
I  ROMA01|uniroma1.it|Sapienza Università di Roma|IT|Rome|5|4|MED|U|it|2014
I  PADOVA01|unipd.it|Università degli Studi di Padova|IT|Padua|4|3|NAT|F|it|2014
P  PORTO02|up.pt|Universidade do Porto|PT|Porto|6|4|ENG|U|pt|2014
P  LISBOA109|ulisboa.pt|Universidade de Lisboa|PT|Lisbon|5|3|LAW|U|pt|2014
NL UTRECHT01|uu.nl|Universiteit Utrecht|NL|Utrecht|3|1|NAT|F||2014
NL GRONING01|rug.nl|Rijksuniversiteit Groningen|NL|Groningen|3|1|ECO|F||2014
B  LEUVEN01|kuleuven.be|KU Leuven|BE|Leuven|4|2|ENG|U|nl|2014
B  GENT01|ugent.be|Universiteit Gent|BE|Ghent|3|2|NAT|F|nl|2014
A  WIEN01|univie.ac.at|Universität Wien|AT|Vienna|4|2|HUM|U|de|2014
A  GRAZ02|tugraz.at|Technische Universität Graz|AT|Graz|2|2|ENG|F|de|2014
CZ PRAHA07|cuni.cz|Univerzita Karlova|CZ|Prague|4|4|MED|U||2014
CZ BRNO05|muni.cz|Masarykova univerzita|CZ|Brno|3|3|LAW|F||2014
SK BRATISL02|uniba.sk|Univerzita Komenského v Bratislave|SK|Bratislava|2|3|LAW|F||2014
HU BUDAPES01|elte.hu|Eötvös Loránd Tudományegyetem|HU|Budapest|3|3|HUM|U||2014
LT VILNIUS01|vu.lt|Vilniaus universitetas|LT|Vilnius|2|3|ECO|U||2014
LV RIGA01|lu.lv|Latvijas Universitāte|LV|Riga|1|2|HUM|F||2014
EE TARTU02|ut.ee|Tartu Ülikool|EE|Tartu|2|1|NAT|F||2014
SF HELSINK01|helsinki.fi|Helsingin yliopisto|FI|Helsinki|4|1|NAT|U||2014
SF TAMPERE17|tuni.fi|Tampereen yliopisto|FI|Tampere|2|1|ENG|F||2021
S  LUND01|lu.se|Lunds universitet|SE|Lund|3|1|LAW|U||2014
S  UPPSALA01|uu.se|Uppsala universitet|SE|Uppsala|2|1|MED|F||2014
DK KOBENHA01|ku.dk|Københavns Universitet|DK|Copenhagen|3|1|MED|U||2014
DK ARHUS01|au.dk|Aarhus Universitet|DK|Aarhus|2|1|ECO|F||2014
N  OSLO01|uio.no|Universitetet i Oslo|NO|Oslo|3|1|LAW|U||2014
IRLDUBLIN02|ucd.ie|University College Dublin|IE|Dublin|4|1|ECO|U||2014
IRLDUBLIN01|tcd.ie|Trinity College Dublin|IE|Dublin|3|1|HUM|F||2014
G  THESSAL01|auth.gr|Aristotle University of Thessaloniki|GR|Thessaloniki|3|3|ENG|U||2014
G  ATHINE01|uoa.gr|National and Kapodistrian University of Athens|GR|Athens|2|2|MED|F||2014
HR ZAGREB01|unizg.hr|Sveučilište u Zagrebu|HR|Zagreb|2|3|ECO|U||2014
SI LJUBLJA01|uni-lj.si|Univerza v Ljubljani|SI|Ljubljana|3|2|ENG|U||2014
RO CLUJNAP01|ubbcluj.ro|Universitatea Babeș-Bolyai|RO|Cluj-Napoca|2|3|HUM|F||2014
BG SOFIA06|uni-sofia.bg|Sofia University St. Kliment Ohridski|BG|Sofia|1|2|LAW|F||2014
TR ANKARA04|metu.edu.tr|Middle East Technical University|TR|Ankara|3|6|ENG|F||2014
TR ISTANBU04|itu.edu.tr|Istanbul Technical University|TR|Istanbul|2|6|ENG|U||2014
UK EDINBUR01|ed.ac.uk|The University of Edinburgh|GB|Edinburgh|4|1|HUM|U||2014
UK LONDON029|ucl.ac.uk|University College London|GB|London|3|1|MED|U||2014
IS REYKJAV01|hi.is|Háskóli Íslands|IS|Reykjavík|1|1|NAT|U||2014
|illinois.edu|University of Illinois Urbana-Champaign|US|Urbana|2|1|ENG|F||2014
|utexas.edu|The University of Texas at Austin|US|Austin|1|1|ECO|F||2019
|umontreal.ca|Université de Montréal|CA|Montréal|2|1|LAW|U|fr|2014
|waseda.jp|Waseda University|JP|Tokyo|2|2|ECO|U||2017
|korea.ac.kr|Korea University|KR|Seoul|1|2|ECO|F||2019
|usp.br|Universidade de São Paulo|BR|São Paulo|1|1|NAT|U|pt|2014
|knu.ua|Taras Shevchenko National University of Kyiv|UA|Kyiv|2|4|HUM|U||2018
|lnu.edu.ua|Ivan Franko National University of Lviv|UA|Lviv|2|5|LAW|U||2016
|uonbi.ac.ke|University of Nairobi|KE|Nairobi|1|2|MED|F||2021
|unimelb.edu.au|The University of Melbourne|AU|Melbourne|1|1|NAT|F||2022
"""
# Partners not (yet) in the EWP network: their SCHAC code is left empty.
_NO_SCHAC = frozenset({"korea.ac.kr", "usp.br", "knu.ua", "lnu.edu.ua", "uonbi.ac.ke"})

# Other hosts (traineeships, research stays): name | country | city | host type | faculty | weight
_ORG_TABLE = """
Siemens Energy AG|DE|Erlangen|enterprise|ENG|4
Robert Bosch GmbH|DE|Stuttgart|enterprise|ENG|4
SAP SE|DE|Walldorf|enterprise|ENG|3
Airbus Operations SAS|FR|Toulouse|enterprise|ENG|2
ASML Netherlands B.V.|NL|Veldhoven|enterprise|ENG|2
Ericsson AB|SE|Stockholm|enterprise|ENG|1
Nokia Solutions and Networks Oy|FI|Espoo|enterprise|ENG|1
Škoda Auto a.s.|CZ|Mladá Boleslav|enterprise|ENG|2
Capgemini Technology Services|FR|Paris|enterprise|ECO|2
Deloitte Ireland LLP|IE|Dublin|enterprise|ECO|3
KPMG Luxembourg|LU|Luxembourg|enterprise|ECO|2
ING Bank N.V.|NL|Amsterdam|enterprise|ECO|2
Banco Santander S.A.|ES|Madrid|enterprise|ECO|2
Accenture S.p.A.|IT|Milan|enterprise|ECO|2
Novo Nordisk A/S|DK|Bagsværd|enterprise|MED|2
Roche Diagnostics GmbH|DE|Mannheim|enterprise|MED|2
Clifford Chance Deutschland LLP|DE|Frankfurt am Main|enterprise|LAW|1
Babbel GmbH|DE|Berlin|enterprise|HUM|2
Penguin Random House Grupo Editorial|ES|Barcelona|enterprise|HUM|1
Fraunhofer Institute for Solar Energy Systems ISE|DE|Freiburg|research_institute|ENG|2
Max Planck Institute for Chemistry|DE|Mainz|research_institute|NAT|2
CERN|CH|Geneva|research_institute|NAT|2
EMBL Heidelberg|DE|Heidelberg|research_institute|NAT|1
Institut Pasteur|FR|Paris|research_institute|MED|1
Consiglio Nazionale delle Ricerche|IT|Rome|research_institute|NAT|1
Médecins du Monde|FR|Paris|ngo|MED|1
European Youth Forum|BE|Brussels|ngo|LAW|1
Europeana Foundation|NL|The Hague|ngo|HUM|1
Permanent Representation of Poland to the EU|BE|Brussels|public_body|LAW|2
Council of Europe|FR|Strasbourg|public_body|LAW|1
"""

# Agreements beyond one study condition per partner: SCHAC code (or name) | type | activity |
# first year (valid from 1 September) | last year (valid to 31 August).
_EXTRA_AGREEMENTS = """
ugr.es|erasmus|study|2021|2029
ed.ac.uk|bilateral|study|2023|2027
upm.es|dual_degree|dual|2019|2026
polimi.it|dual_degree|dual|2016|2029
uni-mannheim.de|dual_degree|dual|2017|2027
univ-lyon2.fr|dual_degree|dual|2018|2029
uni-konstanz.de|erasmus|teaching|2014|2029
tu-dresden.de|erasmus|teaching|2014|2029
uni-leipzig.de|erasmus|teaching|2014|2029
unibo.it|erasmus|teaching|2014|2029
polimi.it|erasmus|teaching|2014|2027
ugr.es|erasmus|teaching|2014|2029
up.pt|erasmus|teaching|2014|2029
kuleuven.be|erasmus|teaching|2014|2029
cuni.cz|erasmus|teaching|2014|2029
vu.lt|erasmus|teaching|2014|2029
ubbcluj.ro|erasmus|teaching|2014|2029
hi.is|erasmus|teaching|2014|2029
unistra.fr|erasmus|teaching|2014|2021
uni-lj.si|erasmus|teaching|2014|2029
univie.ac.at|erasmus|training|2014|2029
helsinki.fi|erasmus|training|2014|2029
ut.ee|erasmus|training|2014|2029
unizg.hr|erasmus|training|2014|2029
uv.es|erasmus|training|2014|2029
lu.se|erasmus|training|2014|2024
tu-dresden.de|erasmus|traineeship|2014|2029
kuleuven.be|erasmus|traineeship|2014|2029
up.pt|erasmus|traineeship|2014|2029
unipd.it|erasmus|traineeship|2014|2029
Siemens Energy AG|internship|traineeship|2019|2029
Robert Bosch GmbH|internship|traineeship|2018|2029
"""
# Study conditions whose validity differs from (first year of cooperation, 2029).
_STUDY_VALIDITY = {
    "ugr.es": (2014, 2021),  # renewed for Erasmus+ 2021-2027 (see _EXTRA_AGREEMENTS)
    "ucl.ac.uk": (2014, 2021),  # Brexit: not renewed
    "ed.ac.uk": (2014, 2023),  # Brexit: replaced by a bilateral agreement
    "uu.nl": (2014, 2027),
    "usal.es": (2014, 2027),
    "utexas.edu": (2019, 2027),
}
# Valid, but no mobility since 2021/22.
_DORMANT = frozenset(
    {
        ("lu.lv", "study"),
        ("uni-sofia.bg", "study"),
        ("uoa.gr", "study"),
        ("korea.ac.kr", "study"),
        ("ubbcluj.ro", "teaching"),
        ("hi.is", "teaching"),
        ("ut.ee", "training"),
        ("unizg.hr", "training"),
    }
)
GROUPS = ("study", "dual", "traineeship", "teaching", "training")
_GROUP_ACTIVITY = {
    "study": "study",
    "dual": "study",
    "traineeship": "traineeship",
    "teaching": "teaching",
    "training": "training",
}
_GROUP_SUFFIX = {"study": "SMS", "traineeship": "SMP", "teaching": "STA", "training": "STT"}


@dataclass(frozen=True)
class _Segment:
    """One kind of mobility row, with its share of all records before the yearly profile."""

    role: str
    direction: str
    activity: str
    share: float
    profile: str  # key of _YEAR_PROFILES
    faculties: str  # key of _FACULTY_MIX
    pool: str  # hei, hei_europe, enterprise, research_institute, ngo (incl. public bodies)
    group: str  # agreement group the mobility falls under, or empty
    access: str  # bound: partners with such an agreement; free: without one; open: any


# role | direction | activity | share % | year profile | faculty mix | pool | group | access
_SEGMENT_TABLE = """
student|outbound|study|19.0|student|student_out|hei|study|bound
student|inbound|study|15.0|student_in|student_in|hei|study|bound
student|outbound|dual_degree|0.8|dual|dual|hei|dual|bound
student|inbound|dual_degree|0.6|dual|dual|hei|dual|bound
student|outbound|traineeship|5.0|student|trainee|enterprise|traineeship|open
student|outbound|traineeship|1.2|student|trainee|hei|traineeship|bound
student|outbound|traineeship|0.7|student|trainee|research_institute||open
student|outbound|traineeship|0.6|student|trainee|ngo||open
student|inbound|traineeship|0.7|student_in|trainee|hei|traineeship|bound
staff|outbound|teaching|4.2|staff|staff|hei|teaching|bound
staff|outbound|teaching|0.8|staff|staff|hei|teaching|free
staff|inbound|teaching|4.0|staff|staff|hei|teaching|bound
staff|inbound|teaching|0.7|staff|staff|hei|teaching|free
staff|outbound|training|3.0|staff|staff|hei|training|bound
staff|outbound|training|0.8|staff|staff|hei|training|free
staff|inbound|training|2.8|staff|staff|hei|training|bound
staff|inbound|training|0.6|staff|staff|hei|training|free
researcher|outbound|research|2.8|staff|research|hei||open
researcher|outbound|research|0.8|staff|research|research_institute||open
researcher|inbound|research|3.0|staff|research|hei||open
researcher|outbound|conference|4.5|conference|research|hei||open
researcher|inbound|conference|2.5|conference|research|hei||open
student|outbound|virtual|4.5|virtual|online|hei||open
student|inbound|virtual|4.0|virtual|online|hei||open
student|outbound|blended|2.2|blended|online|hei_europe||open
student|inbound|blended|2.2|blended|online|hei_europe||open
"""
_SEGMENTS = tuple(
    _Segment(*(float(v) if i == 3 else v for i, v in enumerate(line.split("|"))))
    for line in _SEGMENT_TABLE.strip().splitlines()
)

# Relative volume per academic year 2018/19 .. 2025/26. 2019/20 loses its spring to COVID-19
# (as cancellations), 2020/21 is the pandemic year; 2025/26 is higher because part of it
# lies after the export date and is not realised yet.
_YEAR_PROFILES = {
    "student": (0.88, 0.86, 0.36, 0.80, 1.02, 1.12, 1.22, 1.36),
    "student_in": (1.00, 0.96, 0.30, 0.75, 1.00, 1.10, 1.20, 1.32),
    "staff": (1.00, 0.90, 0.12, 0.55, 0.95, 1.10, 1.22, 1.34),
    "conference": (1.00, 0.85, 0.08, 0.45, 0.95, 1.10, 1.20, 1.30),
    "dual": (1.00, 1.00, 0.80, 1.00, 1.10, 1.20, 1.30, 1.35),
    "virtual": (0.15, 0.35, 2.60, 1.70, 1.05, 1.00, 1.10, 1.20),
    "blended": (0.0, 0.0, 0.0, 0.0, 0.55, 1.00, 1.30, 1.55),
}
# Faculty of the mobility (home faculty outbound, host faculty inbound), in FACULTIES order.
_FACULTY_MIX = {
    "student_out": (22, 27, 17, 11, 9, 14),
    "student_in": (20, 30, 18, 8, 10, 14),
    "dual": (50, 50, 0, 0, 0, 0),
    "trainee": (33, 30, 8, 11, 11, 7),
    "staff": (22, 17, 17, 20, 12, 12),
    "research": (24, 10, 12, 32, 14, 8),
    "online": (18, 28, 22, 10, 8, 14),
}
# Start month weights, September .. August.
_MONTHS = {
    "staff": (4, 12, 12, 6, 5, 4, 11, 13, 14, 11, 6, 2),
    "research": (9, 10, 9, 4, 6, 8, 9, 9, 10, 10, 9, 7),
    "conference": (10, 8, 9, 3, 2, 3, 6, 9, 12, 14, 14, 10),
    "trainee": (8, 8, 6, 3, 4, 8, 10, 8, 8, 14, 15, 8),
    "blended": (12, 8, 4, 0, 0, 2, 8, 10, 16, 22, 14, 4),
}
_MONTH_PROFILE = {
    "teaching": "staff",
    "training": "staff",
    "research": "research",
    "conference": "conference",
    "traineeship": "trainee",
    "blended": "blended",
}
_STUDY_LEVELS = {  # weights of EQF 6, 7, 8 by activity (students only)
    "study": (55, 38, 7),
    "dual_degree": (10, 90, 0),
    "traineeship": (45, 45, 10),
    "virtual": (60, 35, 5),
    "blended": (50, 40, 10),
}
_CEFR = np.array(["A1", "A2", "B1", "B2", "C1", "C2"], dtype=object)

# Erasmus+ country groups for grants (Poland as sending country); the rest is group 3.
_GRANT_GROUP_1 = ["DK", "FI", "IS", "IE", "LU", "SE", "NO", "LI", "GB"]
_GRANT_GROUP_2 = ["AT", "BE", "DE", "FR", "IT", "GR", "ES", "CY", "NL", "MT", "PT"]
_CEEPUS = ["AT", "BG", "HR", "CZ", "HU", "RO", "SK", "SI", "RS", "AL", "MK", "ME"]
_KA171 = ["UA", "KE", "BR"]  # partner countries in Erasmus+ international credit mobility
# EUR per month (students, by group) and per day (staff, by group) for 2018/19 .. 2025/26.
_STUDENT_RATE = (
    (500, 500, 500, 600, 600, 600, 750, 750),
    (450, 450, 450, 550, 550, 550, 700, 700),
    (350, 350, 350, 450, 450, 450, 600, 600),
)
_STAFF_RATE = (
    (160, 160, 160, 180, 180, 180, 180, 180),
    (140, 140, 140, 160, 160, 160, 160, 160),
    (120, 120, 120, 140, 140, 140, 140, 140),
)
_TOP_UP = (200, 200, 200, 250, 250, 250, 250, 250)  # fewer opportunities, per month
_TRAINEESHIP_EXTRA = (100, 100, 100, 150, 150, 150, 150, 150)  # per month
_KA171_RATE = (700, 700, 700, 700, 900, 900, 900, 900)  # per month
_BIP_RATE = (70, 70, 70, 70, 70, 70, 79, 79)  # per day of the physical part

PROGRAMMES = (
    "Erasmus+",
    "Erasmus+ KA171",
    "Bilateral exchange",
    "Double degree",
    "CEEPUS",
    "NAWA",
    "Horizon 2020",
    "Horizon Europe",
    "Own funds",
    "COIL",
    "Virtual exchange",
    "Erasmus+ BIP",
    "Swiss-European Mobility Programme",
)
_P = {name: i for i, name in enumerate(PROGRAMMES)}
_OTHER_NATIONALITIES = np.array(
    ["UA", "TR", "DE", "IN", "CN", "VN", "ES", "IT", "FR", "BY", "KZ", "NG", "AZ", "GE"],
    dtype=object,
)
_REPEAT_SHARE = 0.05  # people with two mobilities, of all people


# --------------------------------------------------------------------------------------------
# Organisations and agreements
# --------------------------------------------------------------------------------------------


@dataclass
class _Orgs:
    """Partner universities first, then other hosts; one array entry per organisation."""

    name: np.ndarray
    country: np.ndarray
    city: np.ndarray
    erasmus: np.ndarray
    schac: np.ndarray  # as written (empty for some)
    key: np.ndarray  # SCHAC code or name: how the tables above refer to an organisation
    kind: np.ndarray  # host type
    faculty: np.ndarray
    scope: np.ndarray  # F: faculty agreements; U: university-wide
    out: np.ndarray
    inbound: np.ndarray
    since: np.ndarray
    language: np.ndarray
    hei: np.ndarray  # bool
    europe: np.ndarray  # bool: has an Erasmus code

    def __len__(self) -> int:
        return len(self.name)


def _organisations() -> _Orgs:
    rows = []
    for line in _HEI_TABLE.strip("\n").splitlines():
        code, schac, name, country, city, out, inb, fac, scope, lang, since = line.split("|")
        shown = "" if schac in _NO_SCHAC else schac
        rows.append(
            (name, country, city, code, shown, schac, "higher_education", _FACULTY_KEYS[fac],
             scope, float(out), float(inb), int(since), lang, True, bool(code))
        )  # fmt: skip
    for line in _ORG_TABLE.strip().splitlines():
        name, country, city, kind, fac, weight = line.split("|")
        rows.append(
            (name, country, city, "", "", name, kind, _FACULTY_KEYS[fac], "U", float(weight),
             0.0, FIRST_START_YEAR, "", False, False)
        )  # fmt: skip
    cols = list(zip(*rows, strict=True))

    def obj(i: int) -> np.ndarray:
        return np.array(cols[i], dtype=object)

    return _Orgs(
        name=obj(0),
        country=obj(1),
        city=obj(2),
        erasmus=obj(3),
        schac=obj(4),
        key=obj(5),
        kind=obj(6),
        faculty=np.array(cols[7], dtype=np.int64),
        scope=obj(8),
        out=np.array(cols[9]),
        inbound=np.array(cols[10]),
        since=np.array(cols[11], dtype=np.int64),
        language=obj(12),
        hei=np.array(cols[13], dtype=bool),
        europe=np.array(cols[14], dtype=bool),
    )


@dataclass
class _Agreements:
    partner: np.ndarray
    type: np.ndarray
    group: np.ndarray  # index into GROUPS
    first: np.ndarray  # valid from 1 September of this year
    last: np.ndarray  # valid to 31 August of this year
    dormant: np.ndarray
    faculty: np.ndarray  # faculty index, -1 for university-wide
    id: np.ndarray
    lookup: np.ndarray  # [organisation, group, year index] -> agreement index or -1

    def __len__(self) -> int:
        return len(self.id)


def _agreement_id(orgs: _Orgs, p: int, kind: str, group: str, first: int) -> str:
    """``IIA-2014-DE-KONSTAN01-SMS``, ``DD-2019-ES-MADRID03``, ``BIL-2019-US-ILLINOIS``, ..."""
    country = orgs.country[p]
    code = orgs.erasmus[p][3:].strip()  # the Erasmus code without its country prefix
    if kind == "erasmus":
        country = {"GB": "UK", "GR": "EL"}.get(country, country)
        return f"IIA-{first}-{country}-{code}-{_GROUP_SUFFIX[group]}"
    if kind == "dual_degree":
        return f"DD-{first}-{country}-{code}"
    if kind == "internship":
        return f"INT-{first}-{country}-{'-'.join(orgs.name[p].upper().split()[:2])}"
    return f"BIL-{first}-{country}-{code or orgs.key[p].split('.')[0].upper()}"


def _agreements(orgs: _Orgs) -> _Agreements:
    index = {key: i for i, key in enumerate(orgs.key)}
    specs: list[tuple[int, str, str, int, int]] = []
    for p in np.flatnonzero(orgs.hei):
        default = (max(2014, int(orgs.since[p])), 2029)
        first, last = _STUDY_VALIDITY.get(orgs.key[p], default)
        kind = "erasmus" if orgs.europe[p] else "bilateral"
        specs.append((int(p), kind, "study", first, last))
    for line in _EXTRA_AGREEMENTS.strip().splitlines():
        key, kind, group, first, last = line.split("|")
        specs.append((index[key], kind, group, int(first), int(last)))
    lookup = np.full((len(orgs), len(GROUPS), len(YEARS)), -1, dtype=np.int64)
    faculty, ids, dormant = [], [], []
    for a, (p, kind, group, first, last) in enumerate(specs):
        lookup[p, GROUPS.index(group), np.isin(YEARS, range(first, last))] = a
        specific = orgs.scope[p] == "F" and group in ("study", "dual", "teaching", "training")
        faculty.append(int(orgs.faculty[p]) if specific else -1)
        ids.append(_agreement_id(orgs, p, kind, group, first))
        dormant.append((orgs.key[p], group) in _DORMANT)
    cols = list(zip(*specs, strict=True))
    return _Agreements(
        partner=np.array(cols[0], dtype=np.int64),
        type=np.array(cols[1], dtype=object),
        group=np.array([GROUPS.index(g) for g in cols[2]], dtype=np.int64),
        first=np.array(cols[3], dtype=np.int64),
        last=np.array(cols[4], dtype=np.int64),
        dormant=np.array(dormant, dtype=bool),
        faculty=np.array(faculty, dtype=np.int64),
        id=np.array(ids, dtype=object),
        lookup=lookup,
    )


# --------------------------------------------------------------------------------------------
# Sampling helpers
# --------------------------------------------------------------------------------------------


def _cumulative(weights) -> np.ndarray:
    """Row-wise cumulative probabilities with the last column exactly 1 (zero rows stay 0)."""
    weights = np.asarray(weights, dtype=float)
    total = weights.sum(axis=-1, keepdims=True)
    cum = np.cumsum(weights, axis=-1) / np.where(total > 0, total, 1.0)
    cum[..., -1] = np.where(total[..., 0] > 0, 1.0, 0.0)
    return cum


def _probabilities(cum: np.ndarray) -> np.ndarray:
    """Row-wise probabilities back from :func:`_cumulative`."""
    return np.diff(cum, axis=-1, prepend=0.0)


def _choice(rng: np.random.Generator, weights, size: int) -> np.ndarray:
    """``size`` indices drawn with the given weights."""
    return np.searchsorted(_cumulative(weights), rng.random(size), side="right")


def _choice_rows(rng: np.random.Generator, cum: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One index per entry of ``rows``, drawn from its own distribution ``cum[row]``."""
    return (rng.random(len(rows))[:, None] >= cum[rows]).sum(axis=1)


def _allocate(weights: np.ndarray, total: int) -> np.ndarray:
    """Whole counts proportional to ``weights`` that sum exactly to ``total``."""
    raw = weights / weights.sum() * total
    counts = np.floor(raw).astype(np.int64)
    order = np.argsort(-(raw - counts).ravel(), kind="stable")[: total - counts.sum()]
    counts.ravel()[order] += 1
    return counts


def _text(values, missing: np.ndarray | None = None) -> np.ndarray:
    """Whole numbers as text (object array); ``missing`` entries become empty strings."""
    values = np.asarray(values, dtype=np.int64)
    if missing is not None:
        values = np.where(missing, 0, values)
    low, high = int(values.min(initial=0)), int(values.max(initial=0))
    out = np.array([str(v) for v in range(low, high + 1)], dtype=object)[values - low]
    if missing is not None:
        out[missing] = ""
    return out


def _dates(values: np.ndarray) -> np.ndarray:
    """datetime64[D] values as YYYY-MM-DD text (object array)."""
    uniques, inverse = np.unique(values, return_inverse=True)
    return np.datetime_as_string(uniques, unit="D").astype(object)[inverse]


def _blank_unless(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    return np.where(keep, values, "").astype(object)


# --------------------------------------------------------------------------------------------
# Mobilities
# --------------------------------------------------------------------------------------------


def _partner_weights(orgs: _Orgs, agr: _Agreements) -> tuple[np.ndarray, np.ndarray]:
    """Weights [segment, year, faculty, organisation], and the cells that ignore the faculty.

    Mobilities under a faculty's own agreement come from that faculty; a cell where no
    partner fits the faculty falls back to all partners of the segment (and then references
    no faculty agreement).
    """
    n_org, n_year, n_fac = len(orgs), len(YEARS), len(FACULTIES)
    ag_faculty = np.where(agr.lookup >= 0, agr.faculty[agr.lookup], -1)  # [org, group, year]
    ag_dormant = np.where(agr.lookup >= 0, agr.dormant[agr.lookup], False)
    recent = YEARS >= DORMANT_FROM
    started = np.where(orgs.hei[None, :], orgs.since[None, :] <= YEARS[:, None], True)
    own = orgs.faculty[None, :] == np.arange(n_fac)[:, None]  # [faculty, org]
    pools = {
        "hei": orgs.hei,
        "hei_europe": orgs.hei & orgs.europe,
        "enterprise": orgs.kind == "enterprise",
        "research_institute": orgs.kind == "research_institute",
        "ngo": np.isin(orgs.kind, ["ngo", "public_body"]),
    }
    mean_popularity = (orgs.out + orgs.inbound) / 2
    weights = np.zeros((len(_SEGMENTS), n_year, n_fac, n_org))
    fallback = np.zeros((len(_SEGMENTS), n_year, n_fac), dtype=bool)
    for s, seg in enumerate(_SEGMENTS):
        if seg.pool not in ("hei", "hei_europe"):
            popularity = orgs.out
        elif seg.role != "student" or seg.activity == "blended":
            popularity = mean_popularity
        elif seg.activity == "virtual":
            popularity = mean_popularity * np.where(orgs.europe, 1.0, 3.0)
        else:
            popularity = (orgs.out if seg.direction == "outbound" else orgs.inbound) ** 1.6
        base = popularity * pools[seg.pool]
        avail = started.astype(float)  # [year, org]
        affinity = np.broadcast_to(np.where(own, 1.0, 0.35), (n_year, n_fac, n_org))
        if seg.group:
            g = GROUPS.index(seg.group)
            has = (agr.lookup[:, g, :] >= 0).T  # [year, org]
            if seg.access == "bound":
                avail = avail * (has & ~(ag_dormant[:, g, :].T & recent[:, None]))
                specific = (ag_faculty[:, g, :].T >= 0)[:, None, :]  # [year, 1, org]
                affinity = np.where(specific & ~own[None, :, :], 0.0, affinity)
            elif seg.access == "free":
                avail = avail * ~has
        cell = base * avail[:, None, :] * affinity  # [year, faculty, org]
        empty = cell.sum(axis=2) == 0
        if empty.any():
            loose = np.broadcast_to((base * avail)[:, None, :], cell.shape)
            cell = np.where(empty[:, :, None], loose, cell)
            fallback[s] = empty
        weights[s] = cell
    return weights, fallback


def _repeat_pairs(
    rng: np.random.Generator,
    eligible: np.ndarray,
    role: np.ndarray,
    faculty: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Rows (first, second) of people with two mobilities: same role and faculty, no overlap."""
    wanted = round(len(start) * _REPEAT_SHARE / (1 + _REPEAT_SHARE))
    rows = np.flatnonzero(eligible)
    candidates = rng.choice(rows, min(len(rows), int(2.6 * wanted)), replace=False)
    role_no = np.select([role == "student", role == "staff"], [0, 1], 2)
    group = role_no[candidates] * len(FACULTIES) + faculty[candidates]
    order = np.lexsort((start[candidates], group))
    candidates, group = candidates[order], group[order]
    bounds = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[bounds, len(group)])
    rank = np.arange(len(group)) - np.repeat(bounds, sizes)
    half = np.repeat(sizes // 2, sizes)
    firsts = np.flatnonzero(rank < half)
    first, second = candidates[firsts], candidates[firsts + half[firsts]]
    apart = start[second] > end[first] + 14
    first, second = first[apart], second[apart]
    if len(first) > wanted:
        keep = np.sort(rng.permutation(len(first))[:wanted])
        first, second = first[keep], second[keep]
    return first, second


def _plant_bad_rows(
    rng: np.random.Generator, columns: dict[str, np.ndarray], start: np.ndarray, eligible
) -> None:
    """Spoil about 0.1% of rows (at least 3): unknown country, end before start, ECTS 'abc'."""
    n = len(start)
    count = max(3, round(n * BAD_ROW_SHARE))
    rows = np.flatnonzero(eligible)
    if len(rows) < count:
        rows = np.arange(n)
    bad = np.sort(rng.choice(rows, min(count, len(rows)), replace=False))
    kind = np.arange(len(bad)) % 3
    columns["partner_country"][bad[kind == 0]] = "XX"
    early = bad[kind == 1]
    columns["end_date"][early] = _dates(start[early] - rng.integers(1, 31, len(early)))
    columns["ects_planned"][bad[kind == 2]] = "abc"


@dataclass
class _Mobilities:
    columns: dict[str, np.ndarray]  # contract column -> text values, in file order
    expected: np.ndarray  # expected realised mobilities [agreement, direction (out, in), year]
    realised_outbound: np.ndarray  # per academic year


def _mobilities(
    rng: np.random.Generator, records: int, orgs: _Orgs, agr: _Agreements
) -> _Mobilities:
    n_seg, n_year, n_fac, n_org = len(_SEGMENTS), len(YEARS), len(FACULTIES), len(orgs)
    share = np.array([s.share for s in _SEGMENTS])
    profile = np.array([_YEAR_PROFILES[s.profile] for s in _SEGMENTS])
    counts = _allocate(share[:, None] * profile, records)  # [segment, year]
    n = records
    seg = np.repeat(np.repeat(np.arange(n_seg), n_year), counts.ravel())
    yi = np.repeat(np.tile(np.arange(n_year), n_seg), counts.ravel())
    year = YEARS[yi]

    def attr(name: str) -> np.ndarray:
        return np.array([getattr(s, name) for s in _SEGMENTS], dtype=object)[seg]

    role, direction, activity = attr("role"), attr("direction"), attr("activity")
    outbound = direction == "outbound"
    student = role == "student"
    is_ = {a: activity == a for a in ("study", "dual_degree", "traineeship", "teaching",
                                      "training", "research", "conference", "virtual",
                                      "blended")}  # fmt: skip
    physical = ~(is_["virtual"] | is_["blended"])

    # Faculty, then the partner given segment, year and faculty.
    faculty_cum = _cumulative([_FACULTY_MIX[s.faculties] for s in _SEGMENTS])
    faculty = _choice_rows(rng, faculty_cum, seg)
    weights, fallback = _partner_weights(orgs, agr)
    cum = _cumulative(weights.reshape(-1, n_org))
    cell = (seg * n_year + yi) * n_fac + faculty
    # One search over all cells: cell c's cumulative probabilities are shifted into [c, c+1].
    shifted = (np.arange(len(cum))[:, None] + cum).ravel()
    u = np.minimum(rng.random(n), 1.0 - 1e-9)
    partner = np.searchsorted(shifted, cell + u, side="right") - cell * n_org
    partner = np.clip(partner, 0, n_org - 1)

    # Expected realised flows under each agreement (to size its places).
    cell_rows = counts[:, :, None] * _probabilities(faculty_cum)[:, None, :]
    flows = (cell_rows.reshape(-1, 1) * _probabilities(cum)).reshape(n_seg, n_year, n_fac, n_org)
    flows = flows.sum(axis=2)
    expected = np.zeros((len(agr), 2, n_year))
    for s, seg_def in enumerate(_SEGMENTS):
        if seg_def.group and seg_def.access != "free":
            ag = agr.lookup[:, GROUPS.index(seg_def.group), :]  # [org, year]
            o, y = np.nonzero(ag >= 0)
            d = 0 if seg_def.direction == "outbound" else 1
            np.add.at(expected[:, d, :], (ag[o, y], y), flows[s, y, o] * 0.9)

    # Start dates. Most of 2025/26 starts before the export date (end of January 2026).
    ay_month = np.array([f"{y}-09" for y in YEARS], dtype="datetime64[M]")[yi]
    ay_day = ay_month.astype("datetime64[D]")
    early = (year == LAST_START_YEAR) & (rng.random(n) < 0.85)
    month_draw = rng.random(n)
    month = np.zeros(n, dtype=np.int64)
    for kind, key in _MONTH_PROFILE.items():
        full = np.searchsorted(_cumulative(_MONTHS[key]), month_draw, side="right")
        autumn = np.searchsorted(_cumulative(_MONTHS[key][:5]), month_draw, side="right")
        month = np.where(is_[kind], np.where(early, autumn, full), month)
    month_day = (ay_month + month).astype("datetime64[D]")
    start = month_day + rng.integers(0, 22, n)
    monday = start + (-(start.astype(np.int64) + 3)) % 7
    start = np.where(is_["teaching"] | is_["training"], monday, start)
    start = np.where(is_["traineeship"] & (rng.random(n) < 0.6), month_day, start)
    summer = (rng.random(n) < 0.35) & ~early
    winter_start = ay_day + 14 + rng.integers(0, 26, n)  # 15 September .. 10 October
    summer_start = (ay_month + 5).astype("datetime64[D]") + 9 + rng.integers(0, 31, n)
    start = np.where(is_["study"], np.where(summer, summer_start, winter_start), start)
    start = np.where(is_["dual_degree"], ay_day + 14 + rng.integers(0, 21, n), start)
    virtual_month = np.where(summer, ay_month + 6, ay_month + 1).astype("datetime64[D]")
    start = np.where(is_["virtual"], virtual_month + rng.integers(0, 20, n), start)

    # Durations.
    r = rng.random(n)
    year_long = ~summer & (r < 0.22)
    study_days = np.select(
        [year_long, r > 0.92], [rng.integers(270, 306, n), rng.integers(90, 120, n)],
        rng.integers(120, 156, n),
    )  # fmt: skip
    dual_days = np.where(rng.random(n) < 0.6, rng.integers(300, 336, n), rng.integers(610, 666, n))
    trainee_months = _choice(rng, (25, 35, 15, 10, 15), n) + 2
    research_days = np.clip(np.round(np.exp(rng.normal(np.log(21), 0.8, n))), 7, 180)
    days = np.select(
        [is_[a] for a in is_],
        [
            study_days,
            dual_days,
            trainee_months * 30 + rng.integers(-3, 5, n),
            _choice(rng, (10, 15, 20, 45, 5, 5), n) + 2,
            _choice(rng, (10, 10, 60, 10, 10), n) + 3,
            research_days,
            rng.integers(2, 7, n),
            (_choice(rng, (6, 14, 14, 14, 12, 10, 10, 8, 6, 6), n) + 3) * 7,
            np.where(rng.random(n) < 0.6, rng.integers(5, 13, n), rng.integers(13, 31, n)),
        ],
    ).astype(np.int64)
    end = start + (days - 1)

    # Status, as of the export date.
    covid = (start >= np.datetime64("2020-03-12")) & (start <= np.datetime64("2020-08-31"))
    p_cancel = np.select(
        [physical & covid, physical & (year == 2020), physical], [0.30, 0.22, 0.027], 0.02
    )
    cancelled = rng.random(n) < p_cancel
    future = start > EXPORT_DATE
    status = np.select(
        [cancelled, future & (rng.random(n) < 0.35), future, end > EXPORT_DATE],
        ["cancelled", "nominated", "approved", "ongoing"],
        "completed",
    ).astype(object)
    completed = status == "completed"
    realised = completed | (status == "ongoing")

    # People.
    role_no = np.select([student, role == "staff"], [0, 1], 2)
    gender_cum = _cumulative([[57, 42.5, 0.5], [49, 50.5, 0.5], [44, 55.5, 0.5]])
    gender = np.array(["female", "male", "other"], dtype=object)[
        _choice_rows(rng, gender_cum, role_no)
    ]
    gender[rng.random(n) < 0.01] = ""
    home = np.array([HOME_COUNTRY, "UA", "BY", "DE", "LT"], dtype=object)[
        _choice(rng, (93, 4.5, 1.5, 0.5, 0.5), n)
    ]
    guest = np.where(
        rng.random(n) < 0.88,
        orgs.country[partner],
        _OTHER_NATIONALITIES[rng.integers(0, len(_OTHER_NATIONALITIES), n)],
    )
    nationality = np.where(outbound, home, guest).astype(object)
    nationality[rng.random(n) < 0.01] = ""
    trend = (year - FIRST_START_YEAR) / (LAST_START_YEAR - FIRST_START_YEAR)
    p_yes = np.select([student & outbound, student], [0.10 + 0.08 * trend, 0.06], 0.01)
    p_unknown = np.select([student & outbound, student], [0.08 - 0.05 * trend, 0.2], 0.3)
    r = rng.random(n)
    fewer = np.select([r < p_unknown, r < p_unknown + p_yes], ["", "yes"], "no").astype(object)
    sn_unknown = np.where(student, 0.08, 0.3)
    sn_yes = np.where(student, 0.015, 0.005)
    r = rng.random(n)
    special = np.select([r < sn_unknown, r < sn_unknown + sn_yes], ["", "yes"], "no")
    special = special.astype(object)
    level_kinds = list(_STUDY_LEVELS)
    level_row = np.select([activity == k for k in level_kinds], range(len(level_kinds)), 0)
    level_cum = _cumulative([_STUDY_LEVELS[k] for k in level_kinds])
    level = np.where(student, _choice_rows(rng, level_cum, level_row) + 6, 0)
    width = max(len(f) for f in _FIELDS)
    field_cum = _cumulative([[w for _, w in f] + [0] * (width - len(f)) for f in _FIELDS])
    codes = np.array([[c for c, _ in f] + [""] * (width - len(f)) for f in _FIELDS], dtype=object)
    field = codes[faculty, _choice_rows(rng, field_cum, faculty)]

    # Person identifiers: unique numbers, then about 5% of people get a second mobility.
    person = np.zeros(n, dtype=np.int64)
    n_students = int(student.sum())
    person[student] = 1_000_000 + rng.choice(9_000_000, n_students, replace=False)
    staff_range = max(90_000, 4 * (n - n_students))
    person[~student] = 10_000 + rng.choice(staff_range, n - n_students, replace=False)
    first, second = _repeat_pairs(rng, outbound, role, faculty, start, end)
    for column in (person, gender, nationality, fewer, special, field, level):
        column[second] = column[first]

    # Agreements: most mobilities under a partner agreement reference it.
    group = np.full(n, -1, dtype=np.int64)
    for s, seg_def in enumerate(_SEGMENTS):
        if seg_def.group and seg_def.access != "free":
            group[seg == s] = GROUPS.index(seg_def.group)
    candidate = np.where(group >= 0, agr.lookup[partner, np.maximum(group, 0), yi], -1)
    loose = fallback[seg, yi, faculty] & (agr.faculty[candidate] >= 0)
    candidate = np.where(loose, -1, candidate)
    agreement = np.where(rng.random(n) >= 0.05, candidate, -1)
    ag_type = np.where(candidate >= 0, agr.type[candidate], "")

    # Programme.
    country = orgs.country[partner]
    r = rng.random(n)
    before_2021 = start < np.datetime64("2021-01-01")
    horizon = np.where(before_2021, _P["Horizon 2020"], _P["Horizon Europe"])
    under_agreement = np.select(
        [(ag_type == "bilateral") & np.isin(country, _KA171) & (r < 0.7), ag_type == "bilateral"],
        [_P["Erasmus+ KA171"], _P["Bilateral exchange"]],
        _P["Erasmus+"],
    )
    programme = np.select(
        [
            is_["study"] | (is_["traineeship"] & (group >= 0) & orgs.hei[partner]),
            is_["dual_degree"],
            is_["traineeship"] & (country == "CH"),
            is_["traineeship"],
            (is_["teaching"] | is_["training"]) & (group >= 0),
            (is_["teaching"] | is_["training"]) & np.isin(country, _CEEPUS) & (r < 0.4),
            is_["teaching"] | is_["training"],
            is_["research"],
            is_["conference"],
            is_["virtual"],
        ],
        [
            under_agreement,
            _P["Double degree"],
            _P["Swiss-European Mobility Programme"],
            np.where(r < 0.9, _P["Erasmus+"], _P["Own funds"]),
            under_agreement,
            _P["CEEPUS"],
            np.select([r < 0.5, r < 0.7], [_P["Own funds"], _P["NAWA"]], _P["Bilateral exchange"]),
            np.select(
                [r < 0.3, r < 0.55, r < 0.85],
                [_P["NAWA"], horizon, _P["Own funds"]],
                _P["Bilateral exchange"],
            ),
            np.select([r < 0.65, r < 0.87], [_P["Own funds"], horizon], _P["NAWA"]),
            np.where(r < 0.6, _P["COIL"], _P["Virtual exchange"]),
        ],
        _P["Erasmus+ BIP"],
    )

    # ECTS: planned in the learning agreement; achieved and recognised once completed.
    semester = np.array([30, 27, 26, 25, 24, 22, 20])[_choice(rng, (60, 5, 5, 8, 7, 5, 10), n)]
    planned = np.select(
        [is_["study"], is_["dual_degree"], is_["traineeship"], is_["virtual"], is_["blended"]],
        [
            np.where(year_long, semester * 2, semester),
            np.where(days > 400, np.where(rng.random(n) < 0.5, 90, 120), 60),
            np.minimum(trainee_months * 5, 30),
            rng.integers(2, 7, n),
            rng.integers(3, 7, n),
        ],
        0,
    )
    has_planned = student & (planned > 0) & (rng.random(n) >= 0.05)
    has_planned &= ~(is_["traineeship"] & (rng.random(n) < 0.4))
    r = rng.random(n)
    full_rate = np.where(is_["study"] | is_["dual_degree"], 0.78, 0.9)
    shortfall = np.ceil(rng.random(n) * np.maximum(1, np.round(planned * 0.4))).astype(np.int64)
    achieved = np.where(r < full_rate, planned, np.maximum(planned - shortfall, 0))
    achieved = np.where(r > 0.995, 0, achieved)
    recognised = np.where(
        rng.random(n) < 0.88, achieved, np.maximum(achieved - rng.integers(1, 8, n), 0)
    )
    has_achieved = has_planned & completed

    # Language of the mobility and CEFR levels (students' physical mobilities).
    local = orgs.language[partner]
    p_local = np.select(
        [np.isin(local, ["de", "fr", "es", "it"]), local == "pt", local == "nl"], [0.38, 0.25, 0.08]
    )
    long_stay = is_["study"] | is_["dual_degree"] | is_["traineeship"]
    outbound_language = np.where(
        student, np.where(long_stay & (rng.random(n) < p_local), local, "en"),
        np.where(rng.random(n) < p_local * 0.4, local, "en"),
    )  # fmt: skip
    inbound_language = np.where(long_stay & (rng.random(n) < 0.2), "pl", "en")
    language = np.where(outbound, outbound_language, inbound_language)
    language = np.where(physical, language, "en").astype(object)
    language[~student & (rng.random(n) < 0.1)] = ""
    before = np.select(
        [language == "en", language == "pl"],
        [_choice(rng, (0, 2, 15, 50, 28, 5), n), _choice(rng, (40, 35, 20, 5, 0, 0), n)],
        _choice(rng, (0, 15, 40, 35, 10, 0), n),
    )
    after = np.minimum(before + _choice(rng, (52, 45, 3), n), 5)
    with_cefr = student & physical & (language != "") & (rng.random(n) >= 0.15)

    # Grants paid by us (outbound), in EUR.
    grant_group = np.select([np.isin(country, _GRANT_GROUP_1), np.isin(country, _GRANT_GROUP_2)],
                            [0, 1], 2)  # fmt: skip
    months = days / 30.0
    top_up = np.where(fewer == "yes", np.array(_TOP_UP)[yi], 0)
    monthly = np.array(_STUDENT_RATE)[grant_group, yi] + top_up
    monthly = monthly + np.where(is_["traineeship"], np.array(_TRAINEESHIP_EXTRA)[yi], 0)
    erasmus = programme == _P["Erasmus+"]
    ka171 = programme == _P["Erasmus+ KA171"]
    funded_research = np.isin(programme, [_P["NAWA"], _P["Horizon 2020"], _P["Horizon Europe"]])
    grant = np.select(
        [
            student & ka171,
            student & erasmus & (is_["study"] | is_["traineeship"]),
            ~student & (erasmus | ka171),
            is_["research"] & funded_research,
            programme == _P["Erasmus+ BIP"],
        ],
        [
            np.array(_KA171_RATE)[yi] * months,
            monthly * months,
            np.array(_STAFF_RATE)[grant_group, yi] * np.minimum(days, 14),
            rng.integers(110, 151, n) * days,
            np.array(_BIP_RATE)[yi] * np.minimum(days, 14) + np.where(fewer == "yes", 100, 0),
        ],
        -1,
    )
    grant = np.round(grant).astype(np.int64)
    has_grant = outbound & (grant >= 0) & np.isin(status, ["approved", "ongoing", "completed"])
    hours = np.where(rng.random(n) < 0.55, 8, rng.integers(9, 21, n))

    # Identifiers and order: by start date, then mobility id (OM/IM-year-sequence).
    order = np.lexsort((rng.random(n), outbound, start))
    key = (outbound[order] * n_year + yi[order]).astype(np.int64)
    by_key = np.argsort(key, kind="stable")
    sorted_key = key[by_key]
    bounds = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    in_group = np.arange(n) - np.repeat(bounds, np.diff(np.r_[bounds, n]))
    sequence = np.empty(n, dtype=np.int64)
    sequence[order[by_key]] = in_group + 1
    mobility_id = np.strings.add(
        np.strings.add(np.where(outbound, "OM-", "IM-"), year.astype(str)),
        np.strings.add("-", np.strings.zfill(sequence.astype(str), 6)),
    ).astype(object)
    person_id = np.strings.add(np.where(student, "s", "e"), person.astype(str)).astype(object)

    columns = {
        "mobility_id": mobility_id,
        "person_id": person_id,
        "person_role": role,
        "direction": direction,
        "activity": activity,
        "mode": np.where(physical, "physical", activity).astype(object),
        "programme": np.array(PROGRAMMES, dtype=object)[programme],
        "partner_erasmus_code": orgs.erasmus[partner],
        "partner_schac_code": orgs.schac[partner],
        "partner_name": orgs.name[partner],
        "partner_country": country,
        "partner_city": orgs.city[partner],
        "faculty": np.array(FACULTIES, dtype=object)[faculty],
        "study_level": _text(level, level == 0),
        "field": field,
        "start_date": _dates(start),
        "end_date": _dates(end),
        "status": status,
        "gender": gender,
        "nationality": nationality,
        "fewer_opportunities": fewer,
        "special_needs": special,
        "ects_planned": _text(planned, ~has_planned),
        "ects_achieved": _text(achieved, ~has_achieved),
        "ects_recognised": _text(recognised, ~(has_achieved & outbound)),
        "language": language,
        "cefr_before": _blank_unless(_CEFR[before], with_cefr),
        "cefr_after": _blank_unless(_CEFR[after], with_cefr & completed),
        "grant_amount": _text(grant, ~has_grant),
        "agreement_id": _blank_unless(agr.id[np.maximum(agreement, 0)], agreement >= 0),
        "host_type": np.where(outbound, orgs.kind[partner], "higher_education").astype(object),
        "teaching_hours": _text(hours, ~is_["teaching"]),
    }
    _plant_bad_rows(rng, columns, start, is_["study"] & outbound)
    realised_outbound = np.bincount(yi[realised & outbound], minlength=n_year)
    return _Mobilities({k: v[order] for k, v in columns.items()}, expected, realised_outbound)


# --------------------------------------------------------------------------------------------
# Agreements, headcounts, projects, targets
# --------------------------------------------------------------------------------------------


def _agreement_frame(
    rng: np.random.Generator, orgs: _Orgs, agr: _Agreements, expected: np.ndarray
) -> pd.DataFrame:
    """One row per agreement; places per year follow the expected flows (utilisation 70-115%).

    Places, months and days are clipped to the contract's maxima (1000, 1200, 10000), which
    only very large demos reach.
    """
    rows = []
    for a in range(len(agr)):
        p, group = agr.partner[a], GROUPS[agr.group[a]]
        valid = np.isin(YEARS, range(agr.first[a], agr.last[a]))
        # Size places on recent years; dormant agreements on the years they were still used.
        recent = np.isin(YEARS, range(FIRST_START_YEAR, DORMANT_FROM), invert=not agr.dormant[a])
        window = valid & recent if (valid & recent).any() else valid
        flows = expected[a][:, window].mean(axis=1) if window.any() else np.zeros(2)
        places = np.clip(np.round(flows * rng.uniform(0.85, 1.45, 2)), 1, 1000).astype(int)
        if agr.type[a] == "internship":
            places[1] = 0
        f = agr.faculty[a]
        local = orgs.language[p]
        if group in ("study", "dual") and local and rng.random() < 0.5:
            language, cefr = local, ("B1", "B2")[int(rng.random() < 0.6)]
        else:
            language, cefr = "en", ("B1", "B2")[int(rng.random() < 0.7)]
            cefr = "" if group == "training" else cefr
        level = ""
        if group == "dual":
            level = "7"
        elif group == "study" and f >= 0:
            level = ("", "6", "7")[int(rng.integers(0, 3))]
        per_place = {"study": 5, "dual": 10, "traineeship": 3}.get(group)
        rows.append(
            {
                "agreement_id": agr.id[a],
                "partner_erasmus_code": orgs.erasmus[p],
                "partner_schac_code": orgs.schac[p],
                "partner_name": orgs.name[p],
                "partner_country": orgs.country[p],
                "partner_city": orgs.city[p],
                "agreement_type": agr.type[a],
                "activity": _GROUP_ACTIVITY[group],
                "faculty": FACULTIES[f] if f >= 0 else "",
                "valid_from": f"{agr.first[a]}-09-01",
                "valid_to": f"{agr.last[a]}-08-31",
                "places_outbound": str(places[0]),
                "places_inbound": str(places[1]),
                "months_per_year": str(min(places[0] * per_place, 1200)) if per_place else "",
                "days_per_year": "" if per_place else str(min(places[0] * 5, 10_000)),
                "field": _FACULTY_FIELD[f] if f >= 0 else "",
                "study_level": level,
                "language": language,
                "cefr_min": cefr,
            }
        )
    return pd.DataFrame(rows).sort_values("agreement_id", kind="stable").reset_index(drop=True)


# Faculty: enrolled students in 2023/24 at the default size, shares of EQF 6/7/8, academic
# staff. Medicine and Law teach long-cycle master programmes (EQF 7).
_HEADCOUNTS = (
    (6200, (0.68, 0.28, 0.04), 560),
    (5600, (0.62, 0.35, 0.03), 380),
    (3900, (0.60, 0.33, 0.07), 360),
    (3300, (0.55, 0.33, 0.12), 430),
    (3400, (0.30, 0.64, 0.06), 420),
    (2600, (0.35, 0.60, 0.05), 230),
)
_ENROLMENT_TREND = (1.06, 1.05, 1.05, 1.03, 1.01, 1.00, 1.00, 0.99)  # demographic decline
_STAFF_TREND = (0.97, 0.98, 0.98, 0.99, 1.00, 1.00, 1.01, 1.01)
_GRADUATE_RATE = (0.28, 0.29, 0.10)  # graduates per enrolled student, EQF 6/7/8


def _headcount_frame(rng: np.random.Generator, records: int) -> pd.DataFrame:
    scale = records / DEFAULT_RECORDS
    rows = []
    for yi, year in enumerate(YEARS):
        label = f"{year}/{(year + 1) % 100:02d}"
        international = 0.035 + 0.035 * yi / (len(YEARS) - 1)
        for f, (students, levels, staff) in enumerate(_HEADCOUNTS):
            for level, level_share, rate in zip((6, 7, 8), levels, _GRADUATE_RATE, strict=True):
                size = students * level_share * _ENROLMENT_TREND[yi] * scale
                enrolled = max(1, round(size * rng.uniform(0.97, 1.03)))
                graduates = max(1, round(enrolled * rate * rng.uniform(0.9, 1.1)))
                foreign = round(enrolled * international * (2.0 if f == MED else 1.0))
                rows.append((label, FACULTIES[f], str(level), str(enrolled), str(graduates), "",
                             str(foreign)))  # fmt: skip
            academic = max(1, round(staff * _STAFF_TREND[yi] * scale * rng.uniform(0.98, 1.02)))
            rows.append((label, FACULTIES[f], "", "", "", str(academic), ""))
    return pd.DataFrame(
        rows,
        columns=["academic_year", "faculty", "study_level", "enrolled_students", "graduates",
                 "academic_staff", "international_degree_students"],
    )  # fmt: skip


# project id | title | programme | role | start (YYYY-MM) | months | budget | own share |
# partner countries | faculty
_PROJECT_TABLE = """
2018-1-PL01-KA203-050712|Open Educational Resources for Engineering Mathematics|Erasmus+ KA2|\
coordinator|2018-09|36|398500|142300|DE;ES;IT;PL|ENG
2018-1-DE01-KA203-004215|Intercultural Competences in Medical Education|Erasmus+ KA2|partner|\
2018-10|33|285000|41200|DE;NL;PL;SE|MED
PPI/APM/2018/1/00012/U/001|Internationalisation of Doctoral Schools|NAWA|coordinator|2018-10|\
24|268000|268000|PL|
824087|Marine Biodiversity Observation Network|Horizon 2020|partner|2019-01|48|6450000|412000|\
DE;ES;FR;NO;PL;PT|NAT
2019-1-PL01-KA203-065023|Blended Learning in Economics Curricula|Erasmus+ KA2|coordinator|\
2019-09|36|310000|118000|ES;LT;PL;PT|ECO
857512|Smart Grids for Energy Communities|Horizon 2020|partner|2019-10|42|4980000|356000|\
AT;DE;DK;IT;PL|ENG
2019-1-ES01-KA203-064987|Digital Humanities Toolkit|Erasmus+ KA2|partner|2019-10|30|254000|\
38700|ES;FR;IT;PL|HUM
609876-EPP-1-2019-1-PL-EPPKA2-CBHE-JP|Modernising Public Health Curricula in Ukraine|\
Erasmus+ CBHE|coordinator|2019-11|36|998000|286000|DE;LT;PL;UA|MED
872998|Biosensors for Early Diagnosis (MSCA RISE)|Horizon 2020|coordinator|2020-01|48|1104000|\
386400|CA;DE;ES;PL;US|MED
870754|Migration, Inequality and Social Cohesion|Horizon 2020|partner|2020-02|36|2990000|\
228000|BE;HU;IT;NL;PL;SE|LAW
2020-1-IT02-KA203-079112|Sustainable Campus Labs|Erasmus+ KA2|partner|2020-09|36|299000|\
45000|IT;NL;PL;SI|NAT
620123-EPP-1-2020-1-PL-EPPJMO-MODULE|EU Digital Single Market Law|Jean Monnet|coordinator|\
2020-09|36|30000|30000|PL|LAW
618732-EPP-1-2020-1-FR-EPPKA1-JMD-MOB|Joint Master in Advanced Materials Engineering|\
Erasmus Mundus|partner|2020-09|72|3950000|540000|DE;FR;IT;PL|ENG
618245-EPP-1-2020-1-ES-EPPKA2-CBHE-JP|Water Management Education in East Africa|Erasmus+ CBHE|\
partner|2021-01|36|870000|94000|ES;KE;PL;TZ;UG|NAT
BPI/PST/2021/1/00034/U/00001|Polish-Ukrainian Academic Partnership in Engineering|NAWA|\
coordinator|2021-10|24|224000|224000|PL;UA|ENG
2021-1-PL01-KA220-HED-000031245|Inclusive Mobility Toolkit|Erasmus+ KA2|coordinator|2021-11|\
36|400000|136500|CZ;ES;IT;PL;PT|LAW
2022-1-PL01-KA171-HED-000071234|International Credit Mobility with Ukraine and Kenya|\
Erasmus+ KA171|coordinator|2022-08|36|312400|312400|KE;PL;UA|
101059327|Climate Adaptation in Central European Cities|Horizon Europe|partner|2022-09|48|\
7480000|298500|AT;CZ;DE;HU;PL;SK|NAT
101047890|Jean Monnet Chair in European Economic Integration|Jean Monnet|coordinator|2022-09|\
36|50000|50000|PL|ECO
101049876|Joint Master in Sustainable Tourism Management|Erasmus Mundus|partner|2022-09|72|\
4680000|612000|ES;IT;PL;PT|ECO
2022-1-FR01-KA220-HED-000086231|Green Skills for Chemistry Graduates|Erasmus+ KA2|partner|\
2022-10|36|250000|52000|BE;FR;GR;PL|NAT
101070112|Twinning for Sustainable Finance Research|Horizon Europe|coordinator|2022-10|36|\
1498000|612000|DE;IT;NL;PL|ECO
BPN/PPO/2022/1/00009/U/00001|Poland My First Choice: Recruiting International Students|NAWA|\
coordinator|2022-10|24|95000|95000|PL|
2022-1-PL01-KA220-HED-000089754|Virtual Labs for Electrical Engineering|Erasmus+ KA2|\
coordinator|2022-12|30|400000|150000|DE;FI;PL;PT|ENG
101082931|Digital Law Clinics for the Western Balkans|Erasmus+ CBHE|partner|2022-12|36|800000|\
88000|AL;HR;ME;PL;RS|LAW
101094365|Hydrogen Valleys Research Network|Horizon Europe|partner|2023-01|48|5200000|310000|\
DE;ES;NL;NO;PL|ENG
101086102|Doctoral Network in Computational Linguistics (MSCA)|Horizon Europe|partner|2023-03|48|\
2650000|260000|DE;FR;IE;IT;PL|HUM
2023-1-DE01-KA220-HED-000154872|Micro-credentials in Business Analytics|Erasmus+ KA2|partner|\
2023-09|36|400000|61000|AT;DE;NL;PL|ECO
101085432|Teaching the EU at School|Jean Monnet|coordinator|2023-09|36|29800|29800|PL|HUM
101127521|Jean Monnet Centre of Excellence in EU Health Policy|Jean Monnet|coordinator|2023-10|\
36|100000|100000|PL|MED
2023-1-PL01-KA220-HED-000161043|Telemedicine Training Network|Erasmus+ KA2|coordinator|2023-11|\
36|400000|145000|CZ;DE;LT;PL|MED
101124531|NEXUS European University Alliance|European Universities|partner|2023-11|48|14400000|\
1280000|AT;DE;ES;FI;IT;PL;PT;RO|
101128770|Engineering Education for Resilient Energy in Ukraine|Erasmus+ CBHE|coordinator|\
2024-01|36|1000000|312000|DE;PL;UA|ENG
101132841|Trustworthy AI in Public Administration|Horizon Europe|partner|2024-01|36|3960000|\
275000|BE;EE;FI;NL;PL|LAW
101127983|Design Measure: Joint Master in Global Health Law|Erasmus Mundus|coordinator|2024-01|\
15|55000|55000|DE;IE;PL|LAW
2024-1-PL01-KA171-HED-000213876|International Credit Mobility 2024|Erasmus+ KA171|coordinator|\
2024-08|36|285000|285000|BR;KE;PL;UA|
101158012|Antimicrobial Resistance Surveillance Network|Horizon Europe|partner|2024-09|48|\
8100000|402000|DK;ES;FR;IT;PL;SE|MED
2024-1-PL01-KA220-HED-000248613|Digital Skills for Engineers|Erasmus+ KA2|coordinator|2024-11|\
36|400000|120000|DE;FR;IT;PL|ENG
2024-1-ES01-KA220-HED-000251977|Heritage Languages in the Classroom|Erasmus+ KA2|partner|\
2024-12|24|250000|46500|ES;IT;PL;PT|HUM
101183620|ERA Chair in Quantum Materials|Horizon Europe|coordinator|2025-01|60|2500000|2500000|\
PL|NAT
2025-1-PL01-KA220-HED-000301122|AI Literacy across Disciplines|Erasmus+ KA2|coordinator|\
2025-10|36|400000|128000|EE;FI;NL;PL|ENG
"""


def _project_frame() -> pd.DataFrame:
    rows = []
    for line in _PROJECT_TABLE.replace("\\\n", "").strip().splitlines():
        pid, title, programme, role, start, months, total, own, countries, fac = line.split("|")
        first = np.datetime64(start, "M")
        last_day = (first + int(months)).astype("datetime64[D]") - 1
        rows.append(
            {
                "project_id": pid,
                "title": title,
                "programme": programme,
                "role": role,
                "start_date": str(first.astype("datetime64[D]")),
                "end_date": str(last_day),
                "budget_total": total,
                "budget_own_share": own,
                "partner_countries": countries,
                "faculty": FACULTIES[_FACULTY_KEYS[fac]] if fac else "",
            }
        )
    return pd.DataFrame(rows)


def _target_frame(mobilities: _Mobilities) -> pd.DataFrame:
    base = mobilities.realised_outbound[list(YEARS).index(2024)]
    outbound_target = max(10, int(round(base * 1.3, -1)))
    strategy = "Internationalisation strategy 2028"
    rows = [
        ("graduates_mobility_share", "2029/30", "23", "",
         "EU 2030 target (Council Recommendation of 13 May 2024)"),
        ("graduates_mobility_share", "2027/28", "17", "", f"{strategy}: step to the EU target"),
        ("fewer_opportunities_share", "2027/28", "20", "", "Erasmus+ inclusion target"),
        ("outbound_mobility_ratio", "2027/28", "5", "", strategy),
        ("outbound_mobility_ratio", "2027/28", "6", FACULTIES[ECO], "Faculty development plan"),
        ("outbound_mobility_ratio", "2027/28", "3.5", FACULTIES[MED], "Faculty development plan"),
        ("outbound_mobilities", "2027/28", str(outbound_target), "", f"{strategy}: +30%"),
        ("inbound_mobility_rate", "2027/28", "3", "", strategy),
        ("agreement_utilisation", "2026/27", "95", "", "Partnership review: use agreed places"),
        ("dormant_agreements", "2026/27", "0", "", "Partnership review: renew or close"),
        ("recognition_rate", "2026/27", "98", "", "Erasmus Charter: full automatic recognition"),
        ("staff_mobility_rate", "2027/28", "30", FACULTIES[ENG], "Faculty development plan"),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["kpi_id", "academic_year", "value", "faculty", "note"])


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def generate(out_dir: Path, records: int = 20_000, seed: int = 42) -> dict[str, Path]:
    """Write mobilities.csv, agreements.csv, projects.csv, headcounts.csv, targets.csv into out_dir; return table -> path."""  # noqa: E501
    if records < 10:
        raise ValueError(f"records must be at least 10, not {records}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    orgs = _organisations()
    agreements = _agreements(orgs)
    mobilities = _mobilities(rng, records, orgs, agreements)
    frames = {
        "agreements": _agreement_frame(rng, orgs, agreements, mobilities.expected),
        "projects": _project_frame(),
        "headcounts": _headcount_frame(rng, records),
        "targets": _target_frame(mobilities),
    }
    paths = {}
    for table in TABLES:
        if table == "mobilities":
            columns = mobilities.columns
        else:
            columns = {name: frames[table][name].to_numpy(dtype=object) for name in frames[table]}
        paths[table] = out_dir / f"{table}.csv"
        _write_csv(paths[table], columns, list(MODELS[table].model_fields))
    return paths


def _write_csv(path: Path, columns: dict[str, np.ndarray], names: list[str]) -> None:
    """Text columns as UTF-8 CSV, in the contract's column order; quotes only where needed."""
    rows = len(next(iter(columns.values())))
    values = {name: columns.get(name, np.full(rows, "", dtype=object)) for name in names}
    table = pa.table({name: pa.array(v, type=pa.string()) for name, v in values.items()})
    try:  # fast path: nothing to quote (the header is written by hand: pyarrow quotes it)
        with path.open("wb") as handle:
            handle.write((",".join(names) + "\n").encode("utf-8"))
            options = pa_csv.WriteOptions(include_header=False, quoting_style="none")
            pa_csv.write_csv(table, handle, options)
    except pa.ArrowInvalid:  # a value holds a comma, quote or line break
        pd.DataFrame(values).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
