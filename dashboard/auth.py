"""Who is using the dashboard, and which pages they get.

Two modes, chosen by the secrets file (``.streamlit/secrets.toml``; docs/deploy.md):

* **Sign-in**: an ``[auth]`` section, exactly as Streamlit's ``st.login`` documents it (OIDC:
  Microsoft Entra ID, Keycloak, Google, a SAML federation behind an OIDC bridge). A person
  who is not signed in sees only the sign-in page; a signed-in person gets the role the
  ``[access]`` rules give them (``pipelines/roles.py``), or a "No access" page.
* **Local mode**: no ``[auth]``: one person on their own machine may do everything, and every
  page says so in the sidebar. ``.streamlit/config.toml`` binds 127.0.0.1 for this reason.

The router (``dashboard/app.py``) registers only the pages of the person's role, so a page
outside it cannot be opened by its URL either; ``pipelines/manage.py`` checks the role again
before every write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from pipelines.roles import AccessConfigError, AccessRules, Actor, local_actor

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _secrets_section(name: str) -> Mapping[str, Any] | None:
    try:
        section = st.secrets.get(name)
    except FileNotFoundError:  # no secrets file at all: local mode
        return None
    return section.to_dict() if hasattr(section, "to_dict") else section


def signin_configured() -> bool:
    return bool(_secrets_section("auth"))


def providers() -> list[str | None]:
    """Providers to offer: ``None`` for the one of ``[auth]`` itself, else the names of its
    ``[auth.<name>]`` subsections (each gets its own button)."""
    auth = _secrets_section("auth") or {}
    named = [name for name, value in auth.items() if isinstance(value, Mapping)]
    return [None] if "client_id" in auth or not named else named


def access_rules() -> AccessRules:
    return AccessRules.from_mapping(_secrets_section("access") or {})


def _groups(claim: str | None) -> list[str]:
    if not claim:
        return []
    value = st.user.get(claim)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _logged_in() -> bool:
    return bool(st.user.get("is_logged_in"))


def current_actor() -> Actor | None:
    """The person using this session, with their role; ``None`` when not signed in or when
    no rule gives them a role. Pages that write pass it to ``pipelines/manage.py``."""
    if not signin_configured():
        return local_actor()
    if not _logged_in():
        return None
    rules = access_rules()
    email = str(st.user.get("email") or "")
    # e-mail rules trust only an address the provider has not said is unverified (Google and
    # Keycloak say so; Entra ID does not send the claim: group rules are safer there)
    trusted = email if st.user.get("email_verified") is not False else ""
    role = rules.role_for(trusted, _groups(rules.groups_claim))
    return Actor(email, role) if role else None


def session_actor() -> Actor | None:
    """``current_actor``, or ``None`` too when the access rules cannot be read (then nobody
    gets in until the administrator fixes them; ``gate_page`` says why)."""
    try:
        return current_actor()
    except AccessConfigError:
        return None


def gate_page() -> None:
    """The only page of a session without a role: sign in, "No access", or why the access
    rules cannot be read."""
    try:
        access_rules()
    except AccessConfigError as exc:
        st.title("Mobility Atlas")
        st.error(f"Sign-in is set up, but the access rules cannot be read: {exc}")
        return
    if _logged_in():
        _no_access_page()
    else:
        _signin_page()


def _signin_page() -> None:
    st.title("Mobility Atlas")
    st.write(
        "The university's academic mobility in numbers. Sign in with your university "
        "account to see it."
    )
    for provider in providers():
        label = "Sign in" if provider is None else f"Sign in with {provider.title()}"
        if st.button(label, type="primary", key=f"signin_{provider}"):
            st.login(provider) if provider else st.login()


def _no_access_page() -> None:
    st.title("No access")
    email = st.user.get("email") or "this account"
    st.warning(
        f"You are signed in as {email}, but this account has no access to Mobility Atlas. "
        f"Ask {access_rules().contact} for access.",
        icon=":material/block:",
    )
    if st.button("Sign out"):
        st.logout()


def sidebar_identity(actor: Actor) -> None:
    """Who is signed in and how to leave; in local mode, that there is no sign-in."""
    with st.sidebar:
        if signin_configured():
            st.caption(f"Signed in as **{actor.who}** · {actor.role.label}")
            if st.button("Sign out", key="signout"):
                st.logout()
            return
        st.caption(
            "**Local mode: no sign-in.** Everyone who can open this address may change the "
            "data; a shared server needs sign-in (see the deployment guide)."
        )
        address = str(st.get_option("server.address") or "")
        if address not in LOOPBACK:
            st.warning(
                f"This server listens on {address or 'every address'} without sign-in.",
                icon=":material/warning:",
            )


def actor() -> Actor:
    """The session's actor on a page that writes (the router shows such pages only to a
    person with a role; stopping here covers a session whose sign-in ended meanwhile)."""
    found = session_actor()
    if found is None:
        st.stop()
    return found
