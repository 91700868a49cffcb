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


AGREEMENT_TYPES = ("erasmus", "bilateral", "dual_degree", "joint_degree", "internship", "framework")
AGREEMENT_ACTIVITIES = ("any", "study", "traineeship", "teaching", "training")

PROJECT_ROLES = ("coordinator", "partner")
