"""Bulk import of users from a CSV file in the columns of Moodle's user upload: check, then all or nothing.

A dry run (`plan_import`) gives every row's outcome or errors and writes nothing; `run_import`
applies a plan without a single error in one transaction, or refuses it whole.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import select

from lms.audit.models import AuditAction
from lms.audit.services import record
from lms.auth import services as accounts
from lms.auth.models import Gender, Organisation, User
from lms.auth.queries import organisations_by_name
from lms.courses import services as courses
from lms.courses.models import Course, Enrollment
from lms.csv_input import UnreadableCSV, cell, read_rows
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, is_country_code

# Columns of Moodle's "Upload users" that mean something here; course1, course2 … are added to these.
# Others (username, city …) are reported as ignored: people sign in with their e-mail address.
KNOWN_COLUMNS = {"email", "firstname", "lastname", "institution", "country", "lang", "password", "gender"}
ORGANISATION_NAME_LENGTH = 200
MAX_ROWS = 5000


class Outcome(enum.StrEnum):
    CREATE = "create"  # a new account
    EXISTING = "existing"  # the e-mail has an account: kept as it is, enrolled in the row's courses
    ERROR = "error"


@dataclass
class PlannedRow:
    line: int  # the line in the file, counting the header as line 1
    email: str
    name: str
    organisation: str
    country: str
    locale: str
    password: str | None
    courses: list[str]
    gender: str = ""  # female, male, another or undisclosed; empty when not given
    outcome: Outcome = Outcome.CREATE
    new_organisation: bool = False
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    file_errors: list[str]  # problems with the whole file (encoding, missing columns)
    ignored_columns: list[str]

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(1 for row in self.rows if row.errors)

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and bool(self.rows)

    def count(self, outcome: Outcome | str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)


@dataclass(frozen=True)
class ImportResult:
    created: list[User]
    enrolments: int
    organisations: int


def plan_import(data: bytes) -> ImportPlan:
    """Read the file and decide each row's outcome; looks things up but writes nothing."""
    try:
        headers, lines = read_rows(data)
    except UnreadableCSV as error:
        return ImportPlan([], [error.message], [])
    if "email" not in headers or not {"firstname", "lastname"} & set(headers):
        return ImportPlan([], [_("The first line must name the columns, with at least email and firstname "
                                 "or lastname.")], [])
    rows = [_read_row(line, values) for line, values in lines]
    if len(rows) > MAX_ROWS:
        return ImportPlan([], [_("The file has more than %(count)d rows; split it.", count=MAX_ROWS)], [])
    ignored = [name for name in headers if name not in KNOWN_COLUMNS and not _is_course_column(name)]
    _check_rows(rows)
    return ImportPlan(rows, [] if rows else [_("The file has no rows under its header.")], ignored)


def run_import(actor: User, plan: ImportPlan, filename: str) -> ImportResult:
    """Create the accounts and enrolments of a plan without errors, in the caller's transaction."""
    if not plan.ok:
        raise DomainError(_("The file has errors; nothing has been imported."))
    organisations = organisations_by_name()
    course_by_slug = _courses_by_slug({slug for row in plan.rows for slug in row.courses})
    users = _users_by_email({row.email for row in plan.rows})
    already = {tuple(row) for row in db.session.execute(
        select(Enrollment.user_id, Enrollment.course_id)
        .where(Enrollment.user_id.in_([user.id for user in users.values()])))}
    created, enrolments, new_organisations = [], 0, 0
    for row in plan.rows:
        organisation = None
        if row.organisation:
            organisation = organisations.get(row.organisation.casefold())
            if organisation is None:
                organisation = Organisation(name=row.organisation, country=row.country)
                db.session.add(organisation)
                organisations[row.organisation.casefold()] = organisation
                new_organisations += 1
        user = users.get(row.email)
        if user is None:
            user = accounts.create_user(email=row.email, name=row.name, password=row.password,
                                        locale=row.locale or None, country=row.country or None,
                                        organisation=organisation, gender=Gender(row.gender) if row.gender else None)
            created.append(user)
        for slug in row.courses:
            course = course_by_slug[slug]
            if (user.id, course.id) in already:
                continue
            courses.enrol(user, course, by_admin=True)
            enrolments += 1
    record(actor, AuditAction.USERS_IMPORTED, filename, rows=len(plan.rows), created=len(created),
           enrolled=enrolments)
    db.session.flush()
    return ImportResult(created=created, enrolments=enrolments, organisations=new_organisations)


def _is_course_column(name: str) -> bool:
    return name.startswith("course") and name[len("course"):].isdigit()


def _read_row(line: int, values: dict[str | None, str | list[str] | None]) -> PlannedRow:
    def value(name: str) -> str:
        return cell(values, name)

    course_columns = sorted((name for name in values if name and _is_course_column(name)),
                            key=lambda name: int(name[len("course"):]))
    return PlannedRow(
        line=line,
        email=accounts.normalise_email(value("email")),
        name=" ".join(part for part in (value("firstname"), value("lastname")) if part),
        organisation=value("institution"),
        country=value("country").upper(),
        locale=value("lang").lower(),
        password=value("password") or None,
        courses=[value(name) for name in course_columns if value(name)],
        gender=value("gender").lower(),
    )


def _check_rows(rows: list[PlannedRow]) -> None:
    """Fill in each row's outcome and errors, with three lookups for the whole file."""
    organisations = organisations_by_name()
    course_slugs = set(_courses_by_slug({slug for row in rows for slug in row.courses}))
    existing = set(_users_by_email({row.email for row in rows}))
    seen: dict[str, int] = {}
    for row in rows:
        errors = row.errors
        try:
            validate_email(row.email, check_deliverability=False)
        except EmailNotValidError:
            errors.append(_("“%(email)s” is not a valid e-mail address.", email=row.email))
        if row.email in seen:
            errors.append(_("The same e-mail address is on line %(line)d.", line=seen[row.email]))
        seen.setdefault(row.email, row.line)
        if row.email in existing:
            row.outcome = Outcome.EXISTING
        elif not row.name:
            errors.append(_("A new account needs a first or last name."))
        elif len(row.name) > 120:
            errors.append(_("The name is longer than %(count)d characters.", count=120))
        if row.country and not is_country_code(row.country):
            errors.append(_("“%(code)s” is not an ISO 3166 country code (such as AZ, GE or KZ).", code=row.country))
        if row.locale and row.locale not in LANGUAGES:
            errors.append(_("The language must be az, en or ru."))
        if row.gender and row.gender not in set(Gender):
            errors.append(_("The gender must be female, male, another or undisclosed."))
        if row.password is not None and len(row.password) < accounts.MIN_PASSWORD_LENGTH:
            errors.append(_("The password must be at least %(count)d characters long.",
                            count=accounts.MIN_PASSWORD_LENGTH))
        if len(row.organisation) > ORGANISATION_NAME_LENGTH:  # what the database keeps
            errors.append(_("The organisation's name is longer than %(count)d characters.",
                            count=ORGANISATION_NAME_LENGTH))
        elif row.organisation:
            organisation = organisations.get(row.organisation.casefold())
            if organisation is None:
                row.new_organisation = True
                if not row.country:
                    errors.append(_("The new organisation “%(name)s” needs a country.", name=row.organisation))
            elif not row.country:
                row.country = organisation.country
        for slug in row.courses:
            if slug not in course_slugs:
                errors.append(_("There is no course “%(slug)s”.", slug=slug))
        if errors:
            row.outcome = Outcome.ERROR


def _courses_by_slug(slugs: set[str]) -> dict[str, Course]:
    if not slugs:
        return {}
    return {course.slug: course for course in db.session.scalars(select(Course).where(Course.slug.in_(slugs)))}


def _users_by_email(emails: set[str]) -> dict[str, User]:
    if not emails:
        return {}
    return {user.email: user for user in db.session.scalars(select(User).where(User.email.in_(emails)))}
