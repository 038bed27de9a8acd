"""The templates' gettext and ngettext, bound to the reader's translations once a render.

Flask-Babel's template functions look the translations up again on every call (the request's
context, its locale, the catalogue cache): about 30 µs each, and a page says twenty and more
things. Bound once, when `render_template` gathers the page's context, each call is a dictionary
lookup. They behave as Jinja's "newstyle" gettext that Flask-Babel installs: the result is escaped
as markup when autoescaping is on and always formatted with the call's variables (so a literal
percent sign is written %%). `force_locale` (mail in the recipient's language) still works: each
render binds the translations of the locale in force at that moment. Macros imported without
context keep Flask-Babel's own functions, which give the same text.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import get_translations
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup


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


def bound_gettext() -> dict[str, Callable[..., str]]:
    """A context processor: `gettext` and `ngettext` for this render, in the language in force now."""
    translations = get_translations()
    gettext = _newstyle_gettext(translations.ugettext)
    # `_` too: else Jinja's i18n extension answers `_` with an alias that looks `gettext` up at each call.
    return {"gettext": gettext, "_": gettext, "ngettext": _newstyle_ngettext(translations.ungettext)}
