"""When a programme is complete: a pure function of which of its courses a learner has done."""
from __future__ import annotations

from collections.abc import Collection


def programme_complete(required_course_ids: Collection[int], completed: Collection[int],
                       certified: Collection[int]) -> bool:
    """Every required course completed, or its certificate held; a programme without a required
    course is never complete by itself (nothing says what finishing it means)."""
    done = set(completed) | set(certified)
    return bool(required_course_ids) and all(course_id in done for course_id in required_course_ids)
