"""The demo's rows: organisations from the region, demo accounts, the demo course, its finished previous cohort,
the Migration School, and the course's next edition taking applications."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lms.auth import services as accounts
from lms.auth.models import Gender, Organisation, Role, User
from lms.courses import services as courses
from lms.courses.models import Course, CourseRole, CourseStatus, Enrollment, ModuleKind, ModuleProgress
from lms.demo.content import FINAL_ESSAY, LIVE_TIMES, PROGRAMME, QUIZ_FILES
from lms.demo.intake import load_intake
from lms.demo.previous_cohort import load_previous_cohort
from lms.demo.school import load_school
from lms.extensions import db
from lms.live import guests
from lms.live import services as live
from lms.programmes.models import Programme
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Question, QuizPurpose
from lms.surveys import services as surveys
from lms.types import utcnow

DEMO_TIMEZONE = "Asia/Baku"
# The speaker who opens the 3-day course (a fictional person): name, e-mail, organisation.
OPENING_GUEST = ("Demo Guest Speaker", "guest.speaker@example.org", "State Migration Service (AZ)")
QUESTIONS_DIR = Path(__file__).parent / "questions"
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
    ("coordinator1@example.org", "Aysel Hüseynova", Role.COORDINATOR, 0, "az"),
]

# What the demo learners said of themselves (one prefers not to say; the others' accounts say nothing).
GENDERS = {"learner1@example.org": Gender.FEMALE, "learner2@example.org": Gender.MALE,
           "learner3@example.org": Gender.FEMALE, "learner4@example.org": Gender.FEMALE,
           "learner5@example.org": Gender.MALE, "learner6@example.org": Gender.FEMALE,
           "learner7@example.org": Gender.FEMALE, "learner8@example.org": Gender.MALE,
           "learner9@example.org": Gender.UNDISCLOSED, "learner10@example.org": Gender.FEMALE}

COURSE_TEXTS = {
    "en": dict(
        title="Key Concepts and Trends in Migration",
        summary="A three-day online course for civil servants of migration bodies in the region: who is a "
        "migrant, a refugee or an internally displaced person, how labour migration and "
        "remittances shape economies, and which trends the next decade brings.",
    ),
    "az": dict(
        title="Miqrasiya sahəsində əsas konsepsiyalar və tendensiyalar",
        summary="Regionun miqrasiya qurumlarının dövlət qulluqçuları üçün üç günlük onlayn təlim: kim "
        "miqrant, qaçqın və ya məcburi köçkündür, əmək miqrasiyası və pul köçürmələri iqtisadiyyata "
        "necə təsir edir və növbəti onillikdə hansı tendensiyalar gözlənilir.",
    ),
    "ru": dict(
        title="Ключевые понятия и тенденции в сфере миграции",
        summary="Трёхдневный онлайн-курс для государственных служащих миграционных ведомств региона: кто "
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
    previous: Course  # the same course run five weeks earlier, finished
    school: Programme  # the six-month Migration School, fourth edition (its third is finished)
    next_edition: Course  # the 3-day course's next edition, taking applications with seats per country


def load(password: str | None = None) -> DemoResult:
    """Create whatever of the demo is missing; every demo account gets `password` (or a new one)."""
    password = password or secrets.token_urlsafe(9)
    organisations = [_organisation(name, country) for name, country in ORGANISATIONS]
    users = [
        _account(email, name, role, organisations[org] if org is not None else None, locale, password)
        for email, name, role, org, locale in ACCOUNTS
    ]
    course = _course(users)
    _progress(course, users)
    previous = load_previous_cohort(course, users, DEMO_TIMEZONE)
    _opening_guest(course, next(user for user in users if user.role is Role.ADMIN))
    school = load_school(users, DEMO_TIMEZONE)
    next_edition = load_intake(course, organisations, users, utcnow())
    return DemoResult(password, organisations, users, course, previous, school, next_edition)


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
                                    locale=locale, timezone=DEMO_TIMEZONE, organisation=organisation,
                                    gender=GENDERS.get(email))
    user.password_hash = accounts.hash_password(password)
    user.active = True
    return user


def _course(users: list[User]) -> Course:
    course = db.session.scalar(select(Course).where(Course.slug == COURSE_SLUG))
    if course is None:
        course = _build_course()
    for user in users:
        if user.role is Role.TRAINER:
            courses.enrol(user, course, by_admin=True, role=CourseRole.TRAINER)
        elif user.role is Role.LEARNER:
            courses.enrol(user, course, by_admin=True)
    return course


def _build_course() -> Course:
    """The 3-day course starting today (Baku time): day 1 open, days 2 and 3 each next morning."""
    zone = ZoneInfo(DEMO_TIMEZONE)
    today = datetime.now(zone).date()
    course = courses.create_course(slug=COURSE_SLUG, original_locale="en", timezone=DEMO_TIMEZONE,
                                   starts_on=today, texts=COURSE_TEXTS, days=len(PROGRAMME))
    for day, (titles, modules) in zip(course.days, PROGRAMME, strict=True):
        opens_at = None
        if day.number > 1:
            opens_at = datetime.combine(day.date, time(9, 0), zone).astimezone(UTC)
        courses.update_day(day, titles=titles, opens_at=opens_at)
        for kind, required, minutes, texts in modules:
            courses.add_module(day, kind=ModuleKind(kind), required=required, estimated_minutes=minutes,
                               texts={locale: {"title": title, "body": body.strip()}
                                      for locale, (title, body) in texts.items()})
    _quizzes(course)
    _live_sessions(course)
    _surveys(course)
    courses.set_status(course, CourseStatus.PUBLISHED)
    return course


def _live_sessions(course: Course) -> None:
    """The opening session, a lecture and the closing discussion, hosted by the course's trainers."""
    zone = ZoneInfo(DEMO_TIMEZONE)
    modules = [m for day in course.days for m in day.modules if m.kind is ModuleKind.LIVE]
    for module, (hour, minute, length) in zip(modules, LIVE_TIMES, strict=True):
        starts_at = datetime.combine(module.day.date, time(hour, minute), zone).astimezone(UTC)
        live.schedule(module, starts_at, starts_at + timedelta(minutes=length))


def _surveys(course: Course) -> None:
    """Day 1's feedback and the course evaluation, each from its template (in az, en and ru)."""
    modules = [m for day in course.days for m in day.modules if m.kind is ModuleKind.SURVEY]
    for module, starter in zip(modules, ("end_of_day", "end_of_course"), strict=True):
        surveys.start_from(surveys.survey_for(module), starter)


def _opening_guest(course: Course, admin: User) -> None:
    """The opening session's guest speaker, invited the morning the course starts (once)."""
    session = live.session_for(next(m for m in course.days[0].modules if m.kind is ModuleKind.LIVE))
    if guests.guests_of(session):
        return
    invited_at = datetime.combine(course.starts_on, time(8, 0), ZoneInfo(DEMO_TIMEZONE)).astimezone(UTC)
    guests.invite(session, name=OPENING_GUEST[0], email=OPENING_GUEST[1], organisation=OPENING_GUEST[2],
                  locale="az", moderator=True, by=admin, now=min(invited_at, session.starts_at))


def _quizzes(course: Course) -> None:
    """Each quiz module asks the questions of its GIFT file, imported in English, then az and ru."""
    modules = [m for day in course.days for m in day.modules if m.kind is ModuleKind.QUIZ]
    imported: dict[str, list] = {}  # the pre-test and the final quiz share one file's questions
    for position, (module, name) in enumerate(zip(modules, QUIZ_FILES, strict=True)):
        if name not in imported:
            source = {locale: (QUESTIONS_DIR / f"{name}.{locale}.gift").read_text(encoding="utf-8")
                      for locale in ("en", "az", "ru")}
            imported[name] = question_import.import_questions(course, source["en"], "gift", "en")
            for locale in ("az", "ru"):
                question_import.import_translations(course, source[locale], "gift", locale)
        quiz = quizzes.quiz_for(module)
        pre_test, final = position == 0, position == len(modules) - 1
        quizzes.update_quiz(quiz, time_limit_minutes=20 if final or pre_test else 15,
                            attempts_allowed=1 if pre_test else 2 if final else 3, pass_mark=60,
                            questions_per_page=2, shuffle_choices=True,
                            purpose=QuizPurpose.PRE_TEST if pre_test else QuizPurpose.POST_TEST if final else None)
        essay = [_final_essay(course)] if final else []
        quizzes.set_questions(quiz, [q.id for q in imported[name]] + [q.id for q in essay])


def _final_essay(course: Course) -> Question:
    """The final quiz's essay, in three languages, worth two points and 20 to 250 words."""
    [essay] = question_import.import_questions(course, FINAL_ESSAY["en"], "gift", "en")
    for locale in ("az", "ru"):
        question_import.import_translations(course, FINAL_ESSAY[locale], "gift", locale)
    essay.points, essay.min_words, essay.max_words = 2.0, 20, 250
    return essay


def _progress(course: Course, users: list[User]) -> None:
    """Some learners are part-way through day 1 (only where nothing was recorded yet)."""
    lessons = [m for m in course.days[0].modules if m.kind is ModuleKind.LESSON]
    completed_by_learner = {"learner1@example.org": 3, "learner2@example.org": 2, "learner3@example.org": 1}
    now = utcnow()
    for user in users:
        count = completed_by_learner.get(user.email)
        enrollment = courses.enrol(user, course, by_admin=True) if count else None
        if enrollment is None or _has_progress(enrollment):
            continue
        for lesson in lessons[:count]:
            courses.complete_module(enrollment, lesson, now)
        if count < len(lessons):
            courses.record_view(enrollment, lessons[count], now)


def _has_progress(enrollment: Enrollment) -> bool:
    return db.session.scalar(
        select(ModuleProgress.id).where(ModuleProgress.enrollment_id == enrollment.id).limit(1)
    ) is not None
