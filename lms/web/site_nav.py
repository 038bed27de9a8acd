"""The header's brand and main menu, drawn once for each kind of visitor and page, then reused.

Every page draws the same menu: up to ten links and a dozen texts, about a tenth of a course page's
work. What the menu shows depends only on a `Nav` (the language, the page, who is signed in, the
unread count), so the drawing is kept for each `Nav` and the fragment (`_partials/site_nav.html`) is
given nothing else: a value it is not given cannot make a kept menu wrong. The sign-out form's CSRF token is the
one thing of the visitor's own in it: it is drawn as a mark and the request's token put in its place.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

_TOKEN_MARK = "{csrf-token}"  # noqa: S105  (a mark, not a secret; it escapes to itself)  # nosec B105
_KEPT = 512  # menus kept per process: languages × pages × kinds of visitor × unread counts in use


@dataclass(frozen=True)
class Nav:
    """Everything the menu shows depends on: the key of a kept menu."""

    locale: str
    endpoint: str | None  # the page, for aria-current
    blueprint: str | None
    script_root: str  # the links' prefix when the app is served below a path
    signed_in: bool
    coordinator: bool
    admin_link: bool
    unread: int
    registration_open: bool


def nav_of(context: Context) -> Nav:
    """This request's `Nav`, from the page's context (the features' context processors fill it)."""
    signed_in = current_user.is_authenticated
    return Nav(
        locale=context["current_locale"], endpoint=request.endpoint, blueprint=request.blueprint,
        script_root=request.script_root, signed_in=signed_in,
        coordinator=signed_in and current_user.role == "coordinator",
        admin_link=bool(context.get("show_admin_link")), unread=context.get("unread_notifications") or 0,
        registration_open=bool(current_app.config["REGISTRATION_OPEN"]),
    )


def draw(nav: Nav) -> str:
    """The menu for `nav`, with the token's mark (in the language in force, which is `nav.locale`)."""
    template = current_app.jinja_env.get_template("_partials/site_nav.html")
    return template.render(nav=nav, csrf_token=lambda: _TOKEN_MARK)


@pass_context
def site_nav(context: Context) -> Markup:
    """The menu for this request: kept, or drawn and kept; with the request's CSRF token."""
    nav = nav_of(context)
    kept: Callable[[Nav], str] = current_app.extensions["site_nav"]
    html = kept(nav) if not current_app.jinja_env.auto_reload else draw(nav)  # a template being edited: drawn anew
    if nav.signed_in:
        html = html.replace(_TOKEN_MARK, generate_csrf())
    return Markup(html)  # noqa: S704  (drawn by the autoescaping template; the token is URL-safe)  # nosec B704


def init_app(app: Flask) -> None:
    """Templates' `site_nav()`, with this app's own kept menus."""
    app.extensions["site_nav"] = functools.lru_cache(maxsize=_KEPT)(draw)
    app.jinja_env.globals["site_nav"] = site_nav
