"""Templates translate through gettext bound once a render (lms/web/template_gettext.py), as Flask-Babel's did.

What a reader would notice if the binding went wrong: English on a Russian page, a plural in the
wrong form, a name with markup shown as markup, or mail in the sender's language instead of the
recipient's.
"""
from __future__ import annotations

import pytest
from flask import render_template_string, session
from flask_babel import force_locale, refresh

from lms.i18n import SESSION_KEY, current_locale

HOURS = '{{ ngettext("%(num)d academic hour", "%(num)d academic hours", n) }}'


@pytest.mark.parametrize("number, words", [(1, "1 академический час"), (3, "3 академических часа"),
                                           (5, "5 академических часов"), (21, "21 академический час")])
def test_russian_plurals_take_their_three_forms(app, number, words):
    with app.test_request_context("/", headers={"Accept-Language": "ru"}):
        assert render_template_string(HOURS, n=number) == words


def test_the_readers_language_and_variables_escaped_as_before(app):
    with app.test_request_context("/", headers={"Accept-Language": "az"}):
        page = render_template_string("{{ _('Courses') }}|{{ _('%(name)s', name='<b>Aynur</b>') }}|{{ _('100%%') }}"
                                      "|{{ gettext('Courses', unused='<i>') }}|{% trans %}Courses{% endtrans %}")
    assert page == "Kurslar|&lt;b&gt;Aynur&lt;/b&gt;|100%|Kurslar|Kurslar"


def test_a_render_in_a_forced_language_is_in_that_language(app):
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        with force_locale("ru"):
            inside = render_template_string("{{ _('Sign in') }}")
        after = render_template_string("{{ _('Sign in') }}")
    assert (inside, after) == ("Войти", "Sign in")


def test_macros_imported_without_context_still_translate(app):
    macro = "{% macro label() %}{{ _('Courses') }}{% endmacro %}"  # as `{% from … import label %}` sees it
    with app.test_request_context("/", headers={"Accept-Language": "ru"}):
        module = app.jinja_env.from_string(macro).module
        assert str(module.label()) == "Курсы"


def test_macros_imported_without_context_follow_a_forced_language(app):
    macro = "{% macro label(n) %}{{ _('Sign in') }}, " + HOURS + "{% endmacro %}"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        module = app.jinja_env.from_string(macro).module
        with force_locale("ru"):
            inside = str(module.label(3))
        after = str(module.label(3))
    assert (inside, after) == ("Войти, 3 академических часа", "Sign in, 3 academic hours")


def test_the_language_code_follows_a_forced_language_and_a_new_choice(app):
    with app.test_request_context("/", headers={"Accept-Language": "az"}):
        before = current_locale()
        with force_locale("ru"):
            forced = current_locale()
        session[SESSION_KEY] = "en"
        refresh()  # as the profile does when a person saves another language
        chosen = current_locale()
    assert (before, forced, chosen) == ("az", "ru", "en")
