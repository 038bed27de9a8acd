"""An assignment's rubric: criteria with levels and points, written in three languages; the assignment's
points become the rubric's total, and once work is graded with it only its wording may change."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask_babel import gettext as _
from sqlalchemy import delete, exists, func, select

from lms.assignments.models import Assignment, RubricChoice, RubricCriterion, Submission
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, current_locale, localized_label

MAX_CRITERIA = 12
MAX_LEVELS = 6
MAX_LEVEL_POINTS = 100


def add_criterion(assignment: Assignment, *, texts: Mapping[str, tuple[str, Sequence[str]]],
                  points: Sequence[int]) -> RubricCriterion:
    """One more criterion; `texts` is {locale: (title, a description per level)}, `points` one per level."""
    _refuse_if_used(assignment)
    if len(assignment.criteria) >= MAX_CRITERIA:
        raise DomainError(_("A rubric has at most %(count)d criteria.", count=MAX_CRITERIA))
    criterion = RubricCriterion(position=len(assignment.criteria) + 1, points=_clean_points(points),
                                texts=_clean_texts(texts, len(points)))
    assignment.criteria.append(criterion)
    _take_rubric_total(assignment)
    return criterion


def update_criterion(criterion: RubricCriterion, *, texts: Mapping[str, tuple[str, Sequence[str]]],
                     points: Sequence[int]) -> None:
    """Reword a criterion; its points and levels change only while no work has been graded with the rubric."""
    cleaned_points = _clean_points(points)
    if cleaned_points != criterion.points:
        _refuse_if_used(criterion.assignment)
    criterion.texts, criterion.points = _clean_texts(texts, len(cleaned_points)), cleaned_points
    _take_rubric_total(criterion.assignment)


def remove_criterion(criterion: RubricCriterion) -> None:
    assignment = criterion.assignment
    _refuse_if_used(assignment)
    assignment.criteria.remove(criterion)
    for position, remaining in enumerate(assignment.criteria, start=1):
        remaining.position = position
    _take_rubric_total(assignment)


def is_used(assignment: Assignment) -> bool:
    """Whether any work has been graded with the assignment's rubric."""
    return bool(db.session.scalar(select(exists().where(
        RubricChoice.criterion_id.in_([criterion.id for criterion in assignment.criteria])))))


def chosen_points(assignment: Assignment, levels: Mapping[int, int]) -> float:
    """The points of a level chosen for every criterion ({criterion id: level}); refuses a missing or unknown one."""
    total = 0
    for criterion in assignment.criteria:
        level = levels.get(criterion.id)
        if level is None or not 0 <= level < len(criterion.points):
            raise DomainError(_("Choose a level for “%(criterion)s”.", criterion=title_of(criterion)))
        total += criterion.points[level]
    return total


def keep_choices(submission: Submission, levels: Mapping[int, int]) -> None:
    """Record the level chosen for each criterion (the previous grading's choices are replaced).

    By statements, not through the loaded collection: a grade saved by another trainer a moment ago
    (the caller holds the submission's row) is replaced, never inserted twice.
    """
    db.session.execute(delete(RubricChoice).where(RubricChoice.submission_id == submission.id))
    db.session.add_all(RubricChoice(submission_id=submission.id, criterion_id=criterion.id, level=levels[criterion.id])
                       for criterion in submission.assignment.criteria)
    db.session.flush()
    db.session.expire(submission, ["levels"])


def title_of(criterion: RubricCriterion) -> str:
    return localized_label(criterion.titles(), criterion.assignment.module.day.course.original_locale)


def levels_of(criterion: RubricCriterion) -> list[tuple[int, str]]:
    """(points, description) of each level, lowest first, in the current language (else the course's, else any)."""
    original = criterion.assignment.module.day.course.original_locale
    for locale in (current_locale(), original, *criterion.texts):
        if criterion.levels_in(locale):
            return list(zip(criterion.points, criterion.levels_in(locale), strict=True))
    return [(points, "") for points in criterion.points]


def _take_rubric_total(assignment: Assignment) -> None:
    """The assignment is graded out of the rubric's total (its best level of each criterion)."""
    db.session.flush()
    if assignment.criteria:
        graded_above = db.session.scalar(select(func.max(Submission.points)).where(
            Submission.assignment_id == assignment.id))
        total = sum(criterion.top_points for criterion in assignment.criteria)
        if graded_above is not None and graded_above > total:
            raise DomainError(_("A submission has been given %(points)s points: the rubric's total cannot be lower.",
                                points=f"{graded_above:g}"), 409)
        assignment.max_points = total
    db.session.flush()


def _refuse_if_used(assignment: Assignment) -> None:
    if is_used(assignment):
        raise DomainError(_("Work has been graded with this rubric: its criteria, levels and points stay as they "
                            "are (their wording can change)."), 409)


def _clean_points(points: Sequence[int]) -> list[int]:
    if not 2 <= len(points) <= MAX_LEVELS:
        raise DomainError(_("Give a criterion from 2 to %(count)d levels.", count=MAX_LEVELS))
    if any(not 0 <= value <= MAX_LEVEL_POINTS for value in points) or max(points) == 0:
        raise DomainError(_("Give each level from 0 to %(max)d points, the best more than 0.", max=MAX_LEVEL_POINTS))
    return [int(value) for value in points]


def _clean_texts(texts: Mapping[str, tuple[str, Sequence[str]]], level_count: int) -> dict[str, dict]:
    cleaned = {}
    for locale, (title, levels) in texts.items():
        kept = [level.strip() for level in levels if level.strip()]
        if locale not in LANGUAGES or not (title.strip() or kept):
            continue
        if not title.strip():
            raise DomainError(_("Name the criterion in every language its levels are written in."))
        if len(kept) != level_count:
            raise DomainError(_("Describe each of the %(count)d levels, one per line, in every language used.",
                                count=level_count))
        cleaned[locale] = {"title": title.strip(), "levels": kept}
    if not cleaned:
        raise DomainError(_("Write the criterion in at least one language."))
    return cleaned
