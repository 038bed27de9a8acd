"""Telling a learner that their certificate has been issued, with its download and its public check."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lms.certificates.models import Certificate
from lms.extensions import db
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification

CERTIFICATE_ISSUED = "certificate_issued"


def tell_issued(certificate: Certificate) -> None:
    notifications.notify(certificate.holder, CERTIFICATE_ISSUED, str(certificate.id), about_id=certificate.id)


def _issued(notification: Notification) -> Message | None:
    certificate = db.session.get(Certificate, notification.about_id)
    if certificate is None or certificate.revoked:
        return None
    title = localized(certificate.awarded_for, "title")
    if certificate.enrollment is None:  # a whole programme
        subject = _("Your certificate for the programme “%(programme)s”", programme=title)
        opening = _("Congratulations! You have completed the programme “%(programme)s”, and its certificate "
                    "has been issued.", programme=title)
    else:
        subject = _("Your certificate for “%(course)s”", course=title)
        opening = _("Congratulations! Your certificate for “%(course)s” has been issued.", course=title)
    return Message(
        subject=subject,
        paragraphs=(opening, _("Anyone can check it at %(verify)s", verify=absolute_url("certificates.verify",
                                                                                     code=certificate.code))),
        link=absolute_url("certificates.pdf", code=certificate.code), link_label=_("Download the certificate"))


def register() -> None:
    register_kind(Kind(CERTIFICATE_ISSUED, _l("My certificates"), _issued))
