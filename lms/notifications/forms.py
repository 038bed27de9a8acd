"""Forms of the notifications pages: read, choose what comes by mail, unsubscribe."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SubmitField

from lms.notifications.kinds import Kind
from lms.web.forms import Form


class MarkReadForm(Form):
    notification = HiddenField()
    submit = SubmitField(_l("Mark all as read"))


class UnsubscribeForm(Form):
    submit = SubmitField(_l("Stop these e-mails"))


def mail_choices_form(kinds: list[Kind], turned_off: set[str], *, submitted: bool = False) -> Form:
    """One box per kind a person may turn off, ticked when it comes by mail; `submitted` reads the POST."""

    class MailChoicesForm(Form):
        submit = SubmitField(_l("Save e-mail choices"))

    for kind in kinds:
        setattr(MailChoicesForm, f"kind_{kind.name}", BooleanField(kind.label, default=kind.name not in turned_off))
    form = MailChoicesForm() if submitted else MailChoicesForm(formdata=None)
    form.kind_fields = [(kind, getattr(form, f"kind_{kind.name}")) for kind in kinds]
    return form
