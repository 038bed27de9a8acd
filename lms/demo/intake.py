"""The demo's intake: the next edition of the 3-day course takes applications, with seats per country,
a question of its own, and applications in every state (one nominated by the Azerbaijani coordinator)."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from lms.applications import intake, services
from lms.applications.models import ApplicationStatus
from lms.applications.services import ApplicantDetails
from lms.auth.models import Organisation, Role, User
from lms.courses import services as courses
from lms.courses.editions import next_edition
from lms.courses.models import Course, CourseStatus, EnrolmentMode
from lms.extensions import db

NEXT_SLUG = "key-concepts-migration-next"
SEATS, SEATS_PER_COUNTRY = 20, 2
QUESTION = {"en": "Which unit of your agency do you work in?", "az": "Qurumunuzun hansı bölməsində çalışırsınız?",
            "ru": "В каком подразделении вашего ведомства вы работаете?"}
# (name, e-mail, organisation index, language, what the centre decided): fictional people.
APPLICANTS = [
    ("Kamran Əliyev", "applicant1@example.org", 0, "az", ApplicationStatus.APPROVED),
    ("Tamar Kapanadze", "applicant2@example.org", 1, "en", ApplicationStatus.APPROVED),
    ("Нурлан Ахметов", "applicant3@example.org", 2, "ru", ApplicationStatus.SUBMITTED),
    ("Sardor Yusupov", "applicant4@example.org", 3, "ru", ApplicationStatus.SUBMITTED),
    ("Ana Ciobanu", "applicant5@example.org", 4, "en", ApplicationStatus.WAITLISTED),
    ("Mehmet Demir", "applicant6@example.org", 5, "en", ApplicationStatus.DECLINED),
]
NOMINEE = ("Səbinə Qasımova", "nominee1@example.org", "az")


def load_intake(course: Course, organisations: list[Organisation], users: list[User], now: datetime) -> Course:
    """The course's next edition, starting six weeks after it, taking applications (made once)."""
    found = db.session.scalar(select(Course).where(Course.slug == NEXT_SLUG))
    if found is not None:
        return found
    admin = next(user for user in users if user.role is Role.ADMIN)
    coordinator = next(user for user in users if user.role is Role.COORDINATOR)
    edition = next_edition(course, slug=NEXT_SLUG, starts_on=course.starts_on + timedelta(weeks=6), actor=admin)
    courses.update_course(edition, original_locale=edition.original_locale, timezone=edition.timezone,
                          texts={row.locale: {"title": row.title, "summary": row.summary}
                                 for row in edition.translations},
                          enrolment=EnrolmentMode.APPLICATION, enrolment_key=None, starts_on=edition.starts_on)
    courses.set_status(edition, CourseStatus.PUBLISHED)
    intake.set_seats(admin, edition, SEATS, 72, now)
    for country in sorted({organisation.country for organisation in organisations}):
        intake.set_quota(admin, edition, country=country, organisation=None, seats=SEATS_PER_COUNTRY, now=now)
    intake.add_question(admin, edition, QUESTION, required=False)
    for name, email, index, locale, status in APPLICANTS:
        application = services.apply(edition, _details(name, email, locale, organisations[index]), user=None,
                                     now=now - timedelta(days=3))
        if status is not ApplicationStatus.SUBMITTED:
            services.decide(admin, edition, [application], status, "", now - timedelta(days=1))
    services.apply(edition, ApplicantDetails(name=NOMINEE[0], email=NOMINEE[1], locale=NOMINEE[2],
                                             position="Inspector", motivation="Leads the new statistics desk.",
                                             answers={"1": "Statistics desk"}),
                   user=None, nominated_by=coordinator, now=now - timedelta(days=2))
    return edition


def _details(name: str, email: str, locale: str, organisation: Organisation) -> ApplicantDetails:
    return ApplicantDetails(name=name, email=email, locale=locale, organisation_id=organisation.id,
                            country=organisation.country, position="Senior specialist",
                            motivation="My unit prepares the agency's migration statistics and policy briefs.",
                            answers={"1": "Migration statistics"})
