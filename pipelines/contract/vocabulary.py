"""The contract's value lists: the codes a column accepts and the words mapped to them."""

PERSON_ROLES = ("student", "staff", "researcher")
DIRECTIONS = ("outbound", "inbound")
ACTIVITIES = (
    "study",
    "dual_degree",
    "traineeship",
    "teaching",
    "training",
    "research",
    "conference",
    "virtual",
    "blended",
)
MODES = ("physical", "virtual", "blended")
STATUSES = ("nominated", "approved", "ongoing", "completed", "cancelled")
GENDERS = ("female", "male", "other")
HOST_TYPES = ("higher_education", "enterprise", "public_body", "ngo", "research_institute", "other")

ACTIVITY_ALIASES = {
    "sms": "study",
    "studies": "study",
    "study period": "study",
    "study mobility": "study",
    "semester abroad": "study",
    "exchange": "study",
    "s": "study",
    "smp": "traineeship",
    "internship": "traineeship",
    "placement": "traineeship",
    "work placement": "traineeship",
    "p": "traineeship",
    "sta": "teaching",
    "staff teaching": "teaching",
    "teaching assignment": "teaching",
    "stt": "training",
    "staff training": "training",
    "research visit": "research",
    "research stay": "research",
    "conference visit": "conference",
    "virtual exchange": "virtual",
    "online": "virtual",
    "online course": "virtual",
    "bip": "blended",
    "blended intensive programme": "blended",
    "blended mobility": "blended",
    # the Erasmus+ programme's own wording (Beneficiary Module, EC data dictionaries)
    "student mobility for studies": "study",
    "student mobility for traineeships": "traineeship",
    "student mobility for traineeship": "traineeship",
    "staff mobility for teaching": "teaching",
    "staff mobility for teaching assignments": "teaching",
    "staff mobility for training": "training",
    "blended intensive programmes": "blended",
    "double degree": "dual_degree",
    "joint degree": "dual_degree",
    "dual degree": "dual_degree",
}

# the other words for the mobility table's values (pipelines/contract/mobility.py)
PERSON_ROLE_ALIASES = {
    "learner": "student",
    "teacher": "staff",
    "academic staff": "staff",
    "administrative staff": "staff",
    "professor": "staff",
    "lecturer": "staff",
    "phd": "researcher",
    "doctoral candidate": "researcher",
}

DIRECTION_ALIASES = {
    "outgoing": "outbound",
    "out": "outbound",
    "outward": "outbound",
    "incoming": "inbound",
    "in": "inbound",
    "inward": "inbound",
}

MODE_ALIASES = {
    "in person": "physical",
    "on site": "physical",
    "online": "virtual",
    "hybrid": "blended",
}

STATUS_ALIASES = {
    "accepted": "approved",
    "confirmed": "approved",
    "in progress": "ongoing",
    "started": "ongoing",
    "running": "ongoing",
    "finished": "completed",
    "realised": "completed",
    "realized": "completed",
    "done": "completed",
    "canceled": "cancelled",
    "withdrawn": "cancelled",
    "rejected": "cancelled",
}

GENDER_ALIASES = {
    "f": "female",
    "w": "female",
    "woman": "female",
    "m": "male",
    "man": "male",
    "x": "other",
    "d": "other",
    "diverse": "other",
    "non-binary": "other",
    "non binary": "other",
    "undefined": "other",
}

HOST_TYPE_ALIASES = {
    "university": "higher_education",
    "hei": "higher_education",
    "company": "enterprise",
    "business": "enterprise",
    "private company": "enterprise",
    "public": "public_body",
    "government": "public_body",
    "ngo": "ngo",
    "non-profit": "ngo",
    "research centre": "research_institute",
    "research center": "research_institute",
}


AGREEMENT_TYPES = ("erasmus", "bilateral", "dual_degree", "joint_degree", "internship", "framework")
AGREEMENT_ACTIVITIES = ("any", "study", "traineeship", "teaching", "training")

PROJECT_ROLES = ("coordinator", "partner")

# How pages and reports write the codes above for a reader ("Erasmus+", not "erasmus";
# "Dual degree", not "dual_degree"); a code not listed is written with its underscores as
# spaces and a capital (``code_words``).
CODE_WORDS = {
    "erasmus": "Erasmus+",
    "ngo": "NGO",
    "any": "Any activity",
    "higher_education": "Higher education",
    "research_institute": "Research institute",
    "public_body": "Public body",
}
CODES = frozenset(
    (
        *PERSON_ROLES,
        *ACTIVITIES,
        *MODES,
        *STATUSES,
        *GENDERS,
        *HOST_TYPES,
        *AGREEMENT_TYPES,
        *AGREEMENT_ACTIVITIES,
        *PROJECT_ROLES,
    )
)


def code_words(code: str) -> str:
    """A contract code as words: 'dual_degree' -> 'Dual degree', 'erasmus' -> 'Erasmus+'."""
    return CODE_WORDS.get(code) or code.replace("_", " ").capitalize()


# Header names of the degree programme (mobilities and headcounts), after the exports of
# mobility systems in English and German
DEGREE_PROGRAMME_HEADERS = (
    "study programme",
    "study program",
    "degree program",
    "programme of study",
    "program of study",
    "course of study",
    "study course",
    "studiengang",
    "studienrichtung",
)
