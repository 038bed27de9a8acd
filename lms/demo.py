"""The demo: organisations from the region, demo accounts and the demo course."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.courses import services as courses
from lms.courses.models import Course, CourseStatus
from lms.extensions import db

DEMO_TIMEZONE = "Asia/Baku"
COURSE_SLUG = "key-concepts-migration"

# (name, ISO country): the kinds of bodies whose staff the centre trains; no real people.
ORGANISATIONS = [
    ("State Migration Service", "AZ"),
    ("Public Service Development Agency", "GE"),
    ("Migration Service of the Ministry of Internal Affairs", "KZ"),
    ("State Migration Agency", "UZ"),
    ("Bureau for Migration and Asylum", "MD"),
    ("Presidency of Migration Management", "TR"),
    ("State Migration Service", "UA"),
    ("Migration Service under the Ministry of Labour", "TJ"),
    ("State Migration Service", "TM"),
    ("Department of Migration Services", "KG"),
]

# (e-mail, name, role, organisation index, language): fictional people.
ACCOUNTS = [
    ("admin@example.org", "Leyla Admin", Role.ADMIN, 0, "az"),
    ("trainer1@example.org", "Rəşad Məmmədli", Role.TRAINER, 0, "az"),
    ("trainer2@example.org", "Anna Trainer", Role.TRAINER, None, "en"),
    ("learner1@example.org", "Nigar Əsgərova", Role.LEARNER, 0, "az"),
    ("learner2@example.org", "Giorgi Beridze", Role.LEARNER, 1, "en"),
    ("learner3@example.org", "Айгерим Сапарова", Role.LEARNER, 2, "ru"),
    ("learner4@example.org", "Dilnoza Karimova", Role.LEARNER, 3, "ru"),
    ("learner5@example.org", "Ion Rusu", Role.LEARNER, 4, "en"),
    ("learner6@example.org", "Elif Yıldız", Role.LEARNER, 5, "en"),
    ("learner7@example.org", "Олена Коваленко", Role.LEARNER, 6, "ru"),
    ("learner8@example.org", "Farrukh Nazarov", Role.LEARNER, 7, "ru"),
    ("learner9@example.org", "Aýna Orazowa", Role.LEARNER, 8, "ru"),
    ("learner10@example.org", "Gülşən İsmayılova", Role.LEARNER, 0, "az"),
]

COURSE_TEXTS = {
    "en": (
        "Key Concepts and Trends in Migration",
        "A three-day online course for civil servants of migration bodies in the region: who is a "
        "migrant, a refugee or an internally displaced person, how labour migration and "
        "remittances shape economies, and which trends the next decade brings.",
    ),
    "az": (
        "Miqrasiya sahəsində əsas konsepsiyalar və tendensiyalar",
        "Regionun miqrasiya qurumlarının dövlət qulluqçuları üçün üç günlük onlayn təlim: kim "
        "miqrant, qaçqın və ya məcburi köçkündür, əmək miqrasiyası və pul köçürmələri iqtisadiyyata "
        "necə təsir edir və növbəti onillikdə hansı tendensiyalar gözlənilir.",
    ),
    "ru": (
        "Ключевые понятия и тенденции в сфере миграции",
        "Трёхдневный онлайн-курс для государственных служащих миграционных ведомств региона: кто "
        "такой мигрант, беженец и внутренне перемещённое лицо, как трудовая миграция и денежные "
        "переводы влияют на экономику и каких тенденций ждать в ближайшее десятилетие.",
    ),
}


@dataclass
class DemoResult:
    password: str
    organisations: list[Organisation]
    users: list[User]
    course: Course


def load(password: str | None = None) -> DemoResult:
    """Create whatever of the demo is missing; every demo account gets `password` (or a new one)."""
    password = password or secrets.token_urlsafe(9)
    organisations = [_organisation(name, country) for name, country in ORGANISATIONS]
    users = [
        _account(email, name, role, organisations[org] if org is not None else None, locale, password)
        for email, name, role, org, locale in ACCOUNTS
    ]
    return DemoResult(password, organisations, users, _course())


def _organisation(name: str, country: str) -> Organisation:
    found = db.session.scalar(
        select(Organisation).where(Organisation.name == _unique_name(name, country))
    )
    if found is None:
        found = Organisation(name=_unique_name(name, country), country=country)
        db.session.add(found)
    return found


def _unique_name(name: str, country: str) -> str:
    """Several countries have a "State Migration Service": tell them apart by country."""
    return f"{name} ({country})"


def _account(email: str, name: str, role: Role, organisation: Organisation | None,
             locale: str, password: str) -> User:
    user = accounts.find_user_by_email(email)
    if user is None:
        return accounts.create_user(email=email, name=name, password=password, role=role,
                                    locale=locale, timezone=DEMO_TIMEZONE, organisation=organisation)
    user.password_hash = accounts.hash_password(password)
    user.active = True
    return user


def _course() -> Course:
    found = db.session.scalar(select(Course).where(Course.slug == COURSE_SLUG))
    if found is not None:
        return found
    today = datetime.now(ZoneInfo(DEMO_TIMEZONE)).date()
    return courses.create_course(slug=COURSE_SLUG, original_locale="en", timezone=DEMO_TIMEZONE,
                                 starts_on=today, texts=COURSE_TEXTS, status=CourseStatus.PUBLISHED)
