"""Who may do what: the three roles, the people behind them, and the check every write makes.

Deny by default: a signed-in person has the highest role any rule of the ``[access]`` section
of the secrets file gives them, and no role (no access) when none does. Rules are e-mail
addresses, ``*@domain`` patterns, or group names read from a claim of the identity token.
The dashboard decides which pages a role sees (``dashboard/auth.py``); ``pipelines/manage.py``
checks the role again before every write, so a page drawn by mistake still cannot write.

The command line is trusted as an administrator: whoever can run it can write the warehouse
file anyway. It records the operating-system user in the audit trail (``pipelines/audit.py``).
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum


class Role(IntEnum):
    VIEWER = 1
    DATA_MANAGER = 2
    ADMIN = 3

    @property
    def label(self) -> str:
        return {1: "Viewer", 2: "Data manager", 3: "Admin"}[self.value]


# What each write needs; manage.py names its action by these keys.
NEEDS = {
    "import": Role.DATA_MANAGER,
    "undo": Role.DATA_MANAGER,
    "targets": Role.DATA_MANAGER,
    "partner mapping": Role.DATA_MANAGER,
    "profile": Role.DATA_MANAGER,
    "settings": Role.ADMIN,
    "rebuild": Role.DATA_MANAGER,  # no data changes: not in the audit trail
}

# [access] keys: e-mail rules and group rules per role
_EMAIL_KEYS = {"viewers": Role.VIEWER, "data_managers": Role.DATA_MANAGER, "admins": Role.ADMIN}
_GROUP_KEYS = {
    "viewer_groups": Role.VIEWER,
    "data_manager_groups": Role.DATA_MANAGER,
    "admin_groups": Role.ADMIN,
}
_OTHER_KEYS = {"groups_claim", "contact"}
DEFAULT_CONTACT = "the administrator of this dashboard"


class NotAllowed(PermissionError):
    """A write asked for by someone whose role does not allow it."""


class AccessConfigError(ValueError):
    """The ``[access]`` section says something that cannot be read as rules."""


@dataclass(frozen=True)
class Actor:
    """Whoever asks for a write: named in the audit trail, checked against ``NEEDS``."""

    who: str
    role: Role


def command_line_actor() -> Actor:
    return Actor(f"{_os_user()} (command line)", Role.ADMIN)


def local_actor() -> Actor:
    """The one person of local mode (no sign-in configured) may do everything."""
    return Actor(f"{_os_user()} (local mode)", Role.ADMIN)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (containers)
        return "unknown user"


def require(actor: Actor, action: str) -> None:
    """Raise ``NotAllowed`` unless ``actor``'s role may do ``action`` (a key of ``NEEDS``)."""
    needed = NEEDS[action]
    if actor.role < needed:
        raise NotAllowed(
            f"{actor.who} may not do this ({action}): that needs the {needed.label.lower()} role "
            f"(signed in as {actor.role.label.lower()})"
        )


@dataclass(frozen=True)
class AccessRules:
    """The ``[access]`` section of the secrets file, read once."""

    emails: Mapping[Role, tuple[str, ...]] = field(default_factory=dict)
    groups: Mapping[Role, tuple[str, ...]] = field(default_factory=dict)
    groups_claim: str | None = None
    contact: str = DEFAULT_CONTACT

    @classmethod
    def from_mapping(cls, section: Mapping[str, object]) -> AccessRules:
        unknown = set(section) - set(_EMAIL_KEYS) - set(_GROUP_KEYS) - _OTHER_KEYS
        if unknown:
            known = ", ".join([*_EMAIL_KEYS, *_GROUP_KEYS, *sorted(_OTHER_KEYS)])
            raise AccessConfigError(
                f"[access] in the secrets file: unknown key(s) {', '.join(sorted(unknown))}; "
                f"known: {known}"
            )
        emails = {role: _strings(section, key) for key, role in _EMAIL_KEYS.items()}
        for key, role in _EMAIL_KEYS.items():
            for rule in emails[role]:
                if rule.count("@") != 1 or "*" in rule.removeprefix("*@"):
                    raise AccessConfigError(
                        f"[access] {key}: {rule!r} is neither an e-mail address nor *@domain"
                    )
        groups = {role: _strings(section, key) for key, role in _GROUP_KEYS.items()}
        claim = section.get("groups_claim")
        if any(groups.values()) and not claim:
            raise AccessConfigError(
                "[access]: group rules need groups_claim, the name of the identity token's "
                "claim that lists the person's groups (often 'groups')"
            )
        return cls(
            emails={r: tuple(v.lower() for v in rules) for r, rules in emails.items() if rules},
            groups={r: rules for r, rules in groups.items() if rules},
            groups_claim=str(claim) if claim else None,
            contact=str(section.get("contact") or DEFAULT_CONTACT),
        )

    def role_for(self, email: str | None, groups: Iterable[str] = ()) -> Role | None:
        """The highest role a rule gives this person; ``None``: no access."""
        email = (email or "").strip().lower()
        domain = email.rpartition("@")[2] if email.count("@") == 1 else None
        member_of = {str(g) for g in groups}
        found = [
            role
            for role, rules in self.emails.items()
            if email and any(rule == email or rule == f"*@{domain}" for rule in rules)
        ]
        found += [role for role, names in self.groups.items() if member_of & set(names)]
        return max(found, default=None)


def _strings(section: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = section.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise AccessConfigError(f"[access] {key}: expected a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())
