"""What applicants are told by mail, in their language, at each change of their application."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lms.applications import targets
from lms.applications.links import link_token
from lms.applications.models import Application, ApplicationStatus
from lms.auth.services import password_is_set
from lms.dates import datetime_text
from lms.extensions import db
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.account_mail import set_password_link
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Addressee, Notification

RECEIVED, APPROVED, WAITLISTED = "application_received", "application_approved", "application_waitlisted"
DECLINED, WITHDRAWN = "application_declined", "application_withdrawn"
OFFERED, LAPSED = "seat_offered", "seat_offer_lapsed"
STATUS_KINDS = {ApplicationStatus.SUBMITTED: RECEIVED, ApplicationStatus.APPROVED: APPROVED,
                ApplicationStatus.WAITLISTED: WAITLISTED, ApplicationStatus.DECLINED: DECLINED,
                ApplicationStatus.WITHDRAWN: WITHDRAWN}


def tell(application: Application, kind: str) -> None:
    """Mail the applicant (and show it on the site when they have an account) once for this change."""
    key = f"{application.id}:{application.changes}"
    if application.user is not None:
        notifications.notify(application.user, kind, key, about_id=application.id)
    else:
        addressee = Addressee(application.name, application.email, application.locale,
                              targets.timezone_of(application.target))
        notifications.notify_address(addressee, kind, key, about_id=application.id)


def _composer(kind: str):
    def compose(notification: Notification) -> Message | None:
        application = db.session.get(Application, notification.about_id)
        if application is None:  # deleted in the meantime
            return None
        course = localized(application.target, "title")
        paragraphs, link, label = _content(kind, application, course)
        if application.message and kind in (APPROVED, WAITLISTED, DECLINED):
            paragraphs = (*paragraphs, _("A word from the training centre: %(message)s", message=application.message))
        return Message(subject=_SUBJECTS[kind](course), paragraphs=paragraphs,
                       link=link or application_page(application), link_label=label or _("See my application"))
    return compose


def application_page(application: Application) -> str:
    return absolute_url("applications.application", token=link_token(application))


def _content(kind: str, application: Application, course: str) -> tuple[tuple[str, ...], str | None, str | None]:
    if kind == RECEIVED:
        said = (_("We have received the application for “%(course)s”. The training centre will tell you its "
                  "decision by mail.", course=course),)
        if application.nominated_by is not None:
            said = (_("%(coordinator)s has nominated you for the course “%(course)s”. The training centre will "
                      "tell you its decision by mail.", coordinator=application.nominated_by.name, course=course),)
        return said, None, None
    if kind == APPROVED:
        said = (_("You have a seat in “%(course)s”: you are enrolled.", course=course),)
        user = application.user
        if user is not None and not password_is_set(user):
            return ((*said, _("Your account on Təlim LMS is ready: choose a password to sign in.")),
                    set_password_link(user), _("Choose a password"))
        endpoint, values = targets.page_endpoint(application.target)
        return said, absolute_url(endpoint, **values), _("Open the course")
    if kind == WAITLISTED:
        return (_("Every seat of “%(course)s” is taken for now: you are on the waiting list. If a seat is freed, "
                  "it is offered by mail in the order of the list.", course=course),), None, None
    if kind == DECLINED:
        return (_("The training centre could not offer you a seat in “%(course)s”.", course=course),), None, None
    if kind == WITHDRAWN:
        return (_("Your application for “%(course)s” is withdrawn.", course=course),), None, None
    if kind == OFFERED:
        return (_("A seat in “%(course)s” has been freed and is offered to you.", course=course),
                _("Accept it by %(deadline)s, or it goes to the next person on the waiting list.",
                  deadline=datetime_text(application.offer_expires_at))), None, _("Accept or decline the seat")
    return (_("The seat offered to you in “%(course)s” was not accepted in time and has gone to the next person "
              "on the waiting list.", course=course),), None, None


_SUBJECTS = {
    RECEIVED: lambda course: _("Application received: “%(course)s”", course=course),
    APPROVED: lambda course: _("Application approved: “%(course)s”", course=course),
    WAITLISTED: lambda course: _("On the waiting list: “%(course)s”", course=course),
    DECLINED: lambda course: _("Application declined: “%(course)s”", course=course),
    WITHDRAWN: lambda course: _("Application withdrawn: “%(course)s”", course=course),
    OFFERED: lambda course: _("A seat is offered to you: “%(course)s”", course=course),
    LAPSED: lambda course: _("The offered seat has lapsed: “%(course)s”", course=course),
}


def register() -> None:
    labels = {RECEIVED: _l("My application is received"), APPROVED: _l("My application is approved"),
              WAITLISTED: _l("My application is waitlisted"), DECLINED: _l("My application is declined"),
              WITHDRAWN: _l("My application is withdrawn"), OFFERED: _l("A seat is offered to me"),
              LAPSED: _l("An offered seat lapsed")}
    for kind, label in labels.items():
        # Nobody turns these off: an applicant without an account has no profile to do it from.
        register_kind(Kind(kind, label, _composer(kind), optional=False))
