"""A person's applications, for their own data download."""
from __future__ import annotations

from typing import Any

from lms.applications.queries import applications_of
from lms.auth.models import User


def applications_for_download(user: User) -> list[dict[str, Any]]:
    return [{"course": found.course.slug if found.course else None,
             "programme": found.programme.slug if found.programme else None, "status": found.status,
             "name": found.name, "email": found.email,
             "organisation": found.organisation_label, "country": found.country, "position": found.position,
             "motivation": found.motivation, "language": found.locale, "answers": found.answers,
             "submitted_at": found.submitted_at, "decided_at": found.decided_at, "message": found.message,
             "nominated_by": found.nominated_by.name if found.nominated_by else None,
             "offer_expires_at": found.offer_expires_at} for found in applications_of(user)]
