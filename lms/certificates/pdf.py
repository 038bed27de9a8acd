"""Rendering a certificate as an A4 landscape PDF (WeasyPrint) with a QR code of its public check."""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from lms.certificates.models import Certificate
from lms.courses.models import Course, CourseRole
from lms.courses.queries import course_people
from lms.i18n import localized
from lms.links import absolute_url


@dataclass(frozen=True)
class CertificateFacts:
    """Everything the certificate prints, in one language."""

    learner: str
    organisation: str | None
    course_title: str
    first_day: date
    last_day: date
    hours: int
    issuer: str
    director: str
    trainers: list[str]
    code: str
    verify_url: str
    qr_data_uri: str
    programme: bool = False  # a whole programme's certificate rather than one course's


def qr_data_uri(text: str) -> str:
    """`text` as a QR code, an SVG image in a data: URI (no image library needed)."""
    import qrcode  # imported here, like WeasyPrint below: only certificate requests need it
    import qrcode.image.svg
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def course_hours(course: Course) -> int:
    """The course's length in whole hours, from its modules' estimated minutes (rounded, at least 1)."""
    minutes = sum(module.estimated_minutes or 0 for day in course.days for module in day.modules)
    return max(1, round(minutes / 60)) if minutes else 0


def facts(certificate: Certificate, locale: str) -> CertificateFacts:
    """The certificate's printed facts with texts in `locale` (the course's other languages as fallback)."""
    holder, subject = certificate.holder, certificate.awarded_for
    # A programme's certificate covers its courses: their first and last days, hours and trainers.
    courses = [subject] if certificate.enrollment is not None else [item.course for item in subject.courses]
    verify_url = absolute_url("certificates.verify", code=certificate.code)
    config = current_app.config
    trainers = dict.fromkeys(person.name for course in courses for person in course_people(course, CourseRole.TRAINER))
    return CertificateFacts(
        learner=holder.name,
        organisation=holder.organisation.name if holder.organisation else None,
        course_title=localized(subject, "title", locale),
        first_day=min(course.starts_on for course in courses),
        last_day=max(course.ends_on for course in courses),
        hours=sum(course_hours(course) for course in courses),
        issuer=config["CERTIFICATE_ISSUER"].get(locale) or _("Regional Migration Training Centre"),
        director=config["CERTIFICATE_DIRECTOR"],
        trainers=list(trainers)[:2],
        code=certificate.code,
        verify_url=verify_url,
        qr_data_uri=qr_data_uri(verify_url),
        programme=certificate.enrollment is None,
    )


def render_pdf(certificate: Certificate, locale: str) -> bytes:
    """The certificate as PDF bytes, every text in `locale`."""
    # Imported here: WeasyPrint and its fonts cost each worker tens of MB, and few requests draw PDFs.
    from weasyprint import HTML
    with force_locale(locale):
        html = render_template("certificates/certificate.html", facts=facts(certificate, locale), locale=locale)
    return HTML(string=html, base_url=current_app.static_folder).write_pdf()
