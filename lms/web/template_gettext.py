"""The templates' gettext and ngettext, bound to the reader's translations once a render.

Flask-Babel's template functions look the translations up again on every call (the request's
context, its locale, the catalogue cache): about 30 µs each, and a page says twenty and more
things. Bound once, when `render_template` gathers the page's context, each call is a dictionary
lookup. They behave as Jinja's "newstyle" gettext that Flask-Babel installs: the result is escaped
as markup when autoescaping is on and always formatted with the call's variables (so a literal
percent sign is written %%). `force_locale` (mail in the recipient's language) still works: each
render binds the translations of the locale in force at that moment. Macros imported without
context see only the environment's globals: there the same functions look the catalogue up at
each call, by `lms.i18n.translations` (a third of Flask-Babel's lookup).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from lms.i18n import translations


def _newstyle_gettext(translate: Callable[[str], str]) -> Callable[..., str]:
    @pass_eval_context
    def gettext(eval_context: EvalContext, string: str, /, **variables: Any) -> str:
        return _formatted(eval_context, translate(string), variables)

    return gettext


def _newstyle_ngettext(translate: Callable[[str, str, int], str]) -> Callable[..., str]:
    @pass_eval_context
    def ngettext(eval_context: EvalContext, singular: str, plural: str, number: int, /, **variables: Any) -> str:
        variables.setdefault("num", number)
        return _formatted(eval_context, translate(singular, plural, number), variables)

    return ngettext


def _formatted(eval_context: EvalContext, text: str, variables: dict[str, Any]) -> str:
    # The catalogue's text is trusted as Jinja's own i18n does; Markup's % escapes the variables.
    shown = Markup(text) if eval_context.autoescape else text  # noqa: S704  # nosec B704
    # A text without "%" is the same formatted or not: most of a page's texts skip the formatting.
    return shown % variables if "%" in text else shown


def _callables(translate: Callable[[str], str],
               translate_plural: Callable[[str, str, int], str]) -> dict[str, Callable[..., str]]:
    gettext = _newstyle_gettext(translate)
    # `_` too: else Jinja's i18n extension answers `_` with an alias that looks `gettext` up at each call.
    return {"gettext": gettext, "_": gettext, "ngettext": _newstyle_ngettext(translate_plural)}


def bound_gettext() -> dict[str, Callable[..., str]]:
    """A context processor: `gettext` and `ngettext` for this render, in the language in force now."""
    catalogue = translations()
    return _callables(catalogue.ugettext, catalogue.ungettext)


def install_gettext(environment: Environment) -> None:
    """The environment's own gettext, ngettext and `_` (what macros imported without context call):
    the catalogue in force looked up at each call, in place of Flask-Babel's slower lookup."""
    environment.globals.update(_callables(
        lambda string: translations().ugettext(string),
        lambda singular, plural, number: translations().ungettext(singular, plural, number),
    ))
