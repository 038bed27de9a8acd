"""The demo's six-month "Migration School": three courses meeting on Tuesdays and Thursdays, its finished
third edition with graduates' certificates, and the running fourth edition (`migration-school`).

Everything goes through the services a training centre would use: the schedule helper for the dates,
"next edition" for the fourth run, enrolment in the programme, lessons completed at the moments they
would have been, certificates issued by the completion rule. Each course ends with an optional
action-plan assignment: the graduates handed theirs in, and two of them were graded and returned.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.assignments.models import CompletesOn, Resubmission
from lms.auth.models import Role, User
from lms.courses import schedule, scheduling
from lms.courses import services as courses
from lms.courses.models import Course, CourseRole, CourseStatus, EnrolmentMode, ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.programmes import services as programmes
from lms.programmes.models import Programme

SLUG, PREVIOUS_SLUG = "migration-school", "migration-school-3"
TUESDAY, THURSDAY = 1, 3
SESSIONS = 52  # twice a week for six months
SEMINAR = (time(10, 0), timedelta(hours=2))

TEXTS = {
    "en": {"title": "Migration School", "summary": "A six-month programme for civil servants of migration bodies: "
           "two seminars a week in three courses, an action plan at the end, and a certificate for graduates."},
    "az": {"title": "Miqrasiya Məktəbi", "summary": "Miqrasiya qurumlarının dövlət qulluqçuları üçün altı aylıq "
           "proqram: üç kursda həftədə iki seminar, sonda fəaliyyət planı və məzunlara sertifikat."},
    "ru": {"title": "Школа миграции", "summary": "Шестимесячная программа для государственных служащих "
           "миграционных ведомств: два семинара в неделю в трёх курсах, в конце — план действий, "
           "выпускникам — сертификат."},
}

# (slug, required, sessions, {locale: (title, overview)}); the third course is optional.
COURSES = [
    ("migration-law-governance", True, 18, {
        "en": ("Migration law and governance", "International and national migration law: the conventions, "
               "the institutions that apply them, and how a migration body makes and checks its decisions."),
        "az": ("Miqrasiya hüququ və idarəetmə", "Beynəlxalq və milli miqrasiya hüququ: konvensiyalar, onları "
               "tətbiq edən qurumlar və miqrasiya orqanının qərarları necə qəbul edib yoxladığı."),
        "ru": ("Миграционное право и управление", "Международное и национальное миграционное право: конвенции, "
               "учреждения, которые их применяют, и то, как миграционный орган принимает и проверяет решения."),
    }),
    ("labour-migration-integration", True, 17, {
        "en": ("Labour migration and integration", "Labour migration corridors of the region, recruitment, "
               "remittances, and the integration of those who stay."),
        "az": ("Əmək miqrasiyası və inteqrasiya", "Regionun əmək miqrasiyası dəhlizləri, işə götürmə, pul "
               "köçürmələri və qalanların inteqrasiyası."),
        "ru": ("Трудовая миграция и интеграция", "Коридоры трудовой миграции региона, наём, денежные переводы "
               "и интеграция тех, кто остаётся."),
    }),
    ("migration-data-analysis", False, 17, {
        "en": ("Migration data and analysis", "Sources of migration data, how to read them, and how to turn them "
               "into a policy brief."),
        "az": ("Miqrasiya məlumatları və təhlil", "Miqrasiya məlumatlarının mənbələri, onların oxunması və "
               "siyasət sənədinə çevrilməsi."),
        "ru": ("Миграционные данные и анализ", "Источники миграционных данных, как их читать и как превратить "
               "их в аналитическую записку."),
    }),
]
SEMINAR_TITLES = {"en": "Seminar %d", "az": "Seminar %d", "ru": "Семинар %d"}
CLOSING = {"en": ("Summary and action plan", "What the course covered, and the action plan each participant "
                  "writes for their own office."),
           "az": ("Yekun və fəaliyyət planı", "Kursun əhatə etdikləri və hər iştirakçının öz idarəsi üçün yazdığı "
                  "fəaliyyət planı."),
           "ru": ("Итоги и план действий", "Что охватил курс, и план действий, который каждый участник пишет для "
                  "своего ведомства.")}
ACTION_PLAN = {
    "en": ("Action plan", "Write a one-page action plan for your own office: **one change** you will make in the "
                          "next six months after this course, who takes part, and how you will know it worked."),
    "az": ("Fəaliyyət planı", "Öz idarəniz üçün bir səhifəlik fəaliyyət planı yazın: bu kursdan sonrakı altı ayda "
                              "edəcəyiniz **bir dəyişiklik**, kimin iştirak edəcəyi və onun nəticə verdiyini necə "
                              "biləcəyiniz."),
    "ru": ("План действий", "Напишите план действий на одну страницу для своего ведомства: **одно изменение**, "
                            "которое вы внесёте в ближайшие шесть месяцев после курса, кто в нём участвует и как вы "
                            "поймёте, что оно сработало."),
}
# The action plan's rubric: (points of each level, {locale: (criterion, its levels from lowest)}); 20 in all.
RUBRIC = [
    ([0, 3, 5, 7], {"en": ("A clear aim", ["No aim is stated", "An aim, but too broad for one office",
                                           "A clear aim for the office", "A clear aim with a measure of success"]),
                    "az": ("Aydın məqsəd", ["Məqsəd göstərilməyib", "Məqsəd var, amma bir idarə üçün çox genişdir",
                                            "İdarə üçün aydın məqsəd", "Uğur ölçüsü olan aydın məqsəd"]),
                    "ru": ("Чёткая цель", ["Цель не указана", "Цель есть, но слишком широкая для одного ведомства",
                                           "Чёткая цель для ведомства", "Чёткая цель с мерой успеха"])}),
    ([0, 3, 5, 7], {"en": ("Realistic steps", ["No steps", "Steps without dates or people",
                                               "Steps with dates", "Steps with dates, people and resources"]),
                    "az": ("Real addımlar", ["Addım yoxdur", "Tarixsiz və icraçısız addımlar",
                                             "Tarixli addımlar", "Tarixli, icraçılı və resurslu addımlar"]),
                    "ru": ("Реалистичные шаги", ["Шагов нет", "Шаги без сроков и исполнителей",
                                                 "Шаги со сроками", "Шаги со сроками, исполнителями и ресурсами"])}),
    ([0, 2, 4, 6], {"en": ("Use of the course", ["Not linked to the course", "Mentions the course",
                                                 "Uses one idea of the course", "Builds on several of its ideas"]),
                    "az": ("Kursdan istifadə", ["Kursla əlaqəsi yoxdur", "Kursu xatırladır",
                                                "Kursun bir ideyasından istifadə edir",
                                                "Kursun bir neçə ideyasına əsaslanır"]),
                    "ru": ("Связь с курсом", ["Не связан с курсом", "Упоминает курс",
                                              "Использует одну идею курса", "Опирается на несколько идей курса"])}),
]
# The levels two graduates' plans were given (criterion by criterion): 16 and 12 of 20 points.
GIVEN_LEVELS = [(3, 2, 2), (2, 2, 1)]
# What the third edition's graduates handed in, each in the language they wrote it in.
PLANS = [
    "Change: a single checklist for registering returning migrants at the border posts of our region.\n"
    "Who: the registration unit (6 officers) and the regional IT team.\n"
    "Measure: time to register one person, now about 40 minutes; aim for 15 by June.",
    "Dəyişiklik: əmək miqrantları üçün məlumat vərəqəsinin üç dildə hazırlanması.\n"
    "Kim: ictimaiyyətlə əlaqələr şöbəsi və iki könüllü tərcüməçi.\n"
    "Ölçü: üç ay ərzində paylanan vərəqələrin sayı və qaynar xəttə gələn sualların azalması.",
    "Изменение: ежемесячная сводка миграционной статистики для руководства вместо квартальной.\n"
    "Кто: аналитический отдел (3 сотрудника).\n"
    "Показатель: сводка готова к 5-му числу каждого месяца, начиная с марта.",
]
# What two of the third edition's graduates were told when their action plans were returned.
FEEDBACK = ["Clear aim and realistic steps; add who pays for the training.",
            "Good use of the course's data. Name one indicator you will measure."]
# Learners of each edition (by e-mail); the first three of the third edition graduated.
PREVIOUS_LEARNERS = ["learner6@example.org", "learner7@example.org", "learner8@example.org",
                     "learner9@example.org", "learner10@example.org"]
GRADUATES = PREVIOUS_LEARNERS[:3]
CURRENT_LEARNERS = ["learner1@example.org", "learner2@example.org", "learner3@example.org",
                    "learner4@example.org", "learner5@example.org"]


def load_school(users: list[User], timezone: str) -> Programme:
    """Both editions and their people; made once."""
    current = db.session.scalar(select(Programme).where(Programme.slug == SLUG))
    if current is not None:
        return current
    zone = ZoneInfo(timezone)
    by_email = {user.email: user for user in users}
    trainers = [user for user in users if user.role is Role.TRAINER]
    start = _a_tuesday(datetime.now(zone).date() - timedelta(weeks=6))  # the fourth edition is under way
    previous = _third_edition(start - timedelta(weeks=52), timezone, trainers)
    for email in PREVIOUS_LEARNERS:
        programmes.enrol(by_email[email], previous, by_admin=True)
    for email in GRADUATES:
        _graduate(by_email[email], previous, zone)
    _action_plans(previous, [by_email[email] for email in GRADUATES], trainers[0], zone)
    current = programmes.next_edition(previous, slug=SLUG, starts_on=start, actor=trainers[0])
    for item in current.courses:
        courses.set_status(item.course, CourseStatus.PUBLISHED)
    programmes.set_status(current, CourseStatus.PUBLISHED)
    for email in CURRENT_LEARNERS:
        programmes.enrol(by_email[email], current, by_admin=True)
    return current


def _third_edition(start: date, timezone: str, trainers: list[User]) -> Programme:
    """The programme as it ran a year ago: three courses on every Tuesday and Thursday for six months."""
    dates = scheduling.dates_for(schedule.Pattern(start, (TUESDAY, THURSDAY), count=SESSIONS), courses.MAX_DAYS)
    programme = programmes.create_programme(slug=PREVIOUS_SLUG, original_locale="en", texts=TEXTS,
                                            enrolment=EnrolmentMode.ADMIN, edition=3)
    first = 0
    for slug, required, sessions, texts in COURSES:
        course = _course(slug, texts, dates[first:first + sessions], timezone)
        first += sessions
        for trainer in trainers:
            courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
        programmes.add_course(programme, course, required=required)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    return programme


def _course(slug: str, texts: dict[str, tuple[str, str]], dates: list[date], timezone: str) -> Course:
    """A course with a day per session date: an overview, a seminar each day, a closing lesson."""
    course = courses.create_course(slug=slug, original_locale="en", timezone=timezone, starts_on=dates[0],
                                   texts={locale: {"title": title, "summary": summary}
                                          for locale, (title, summary) in texts.items()}, days=1)
    scheduling.apply_schedule(course, dates, opens_at=time(9, 0))
    courses.add_module(course.days[0], kind=ModuleKind.LESSON, estimated_minutes=30, texts={
        locale: {"title": title, "body": summary} for locale, (title, summary) in texts.items()})
    zone = ZoneInfo(timezone)
    for number, day in enumerate(course.days, start=1):
        seminar = courses.add_module(day, kind=ModuleKind.LIVE, required=False, estimated_minutes=120, texts={
            locale: {"title": title % number, "body": ""} for locale, title in SEMINAR_TITLES.items()})
        starts_at = datetime.combine(day.date, SEMINAR[0], zone).astimezone(UTC)
        live.schedule(seminar, starts_at, starts_at + SEMINAR[1])
    courses.add_module(course.days[-1], kind=ModuleKind.LESSON, estimated_minutes=60, texts={
        locale: {"title": title, "body": body} for locale, (title, body) in CLOSING.items()})
    plan = courses.add_module(course.days[-1], kind=ModuleKind.ASSIGNMENT, required=False, estimated_minutes=90,
                              texts={locale: {"title": title, "body": body}
                                     for locale, (title, body) in ACTION_PLAN.items()})
    due = datetime.combine(course.days[-1].date, time(23, 0), zone).astimezone(UTC)
    for points, texts in RUBRIC:
        rubric.add_criterion(assignments.assignment_for(plan), points=points, texts=texts)
    assignments.update_settings(assignments.assignment_for(plan), due_at=due, cut_off_at=due + timedelta(days=7),
                                late_allowed=True, max_points=20, pass_mark=50,
                                completes_on=CompletesOn.PASSING_GRADE, resubmission=Resubmission.UNTIL_GRADED,
                                takes_text=True, takes_files=True)  # a plan may come as a document
    courses.set_status(course, CourseStatus.PUBLISHED)
    return course


def _action_plans(programme: Programme, graduates: list[User], trainer: User, zone: ZoneInfo) -> None:
    """The graduates handed in each course's action plan on its last evening; two were graded and returned
    two days later, the third still waits for grading."""
    for item in programme.courses:
        if not item.required:
            continue
        module = next(m for m in item.course.days[-1].modules if m.kind is ModuleKind.ASSIGNMENT)
        assignment = assignments.assignment_for(module)
        evening = datetime.combine(item.course.days[-1].date, time(20, 0), zone).astimezone(UTC)
        for number, user in enumerate(graduates):
            enrollment = courses.enrol(user, item.course, by_admin=True)
            work = assignments.hand_in(assignment, enrollment, PLANS[number % len(PLANS)], evening)
            if number < len(FEEDBACK):
                levels = dict(zip((c.id for c in assignment.criteria), GIVEN_LEVELS[number], strict=True))
                assignments.grade(trainer, work, points=None, levels=levels, comment=FEEDBACK[number],
                                  give_back=True, now=evening + timedelta(days=2))


def _graduate(user: User, programme: Programme, zone: ZoneInfo) -> None:
    """Read every required lesson of the required courses on its day: the certificates follow."""
    for item in programme.courses:
        if not item.required:
            continue
        enrollment = courses.enrol(user, item.course, by_admin=True)
        for day in item.course.days:
            moment = datetime.combine(day.date, time(17, 0), zone).astimezone(UTC)
            for module in day.modules:
                if module.required and module.kind is ModuleKind.LESSON:
                    courses.complete_module(enrollment, module, moment)


def _a_tuesday(near: date) -> date:
    return near - timedelta(days=(near.weekday() - TUESDAY) % 7)
