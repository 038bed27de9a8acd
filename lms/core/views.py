"""The home page, the language switch and the health check."""
from __future__ import annotations

from flask import abort, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from lms import clock
from lms.auth.permissions import can_author_courses
from lms.courses.queries import my_courses, published_courses
from lms.extensions import db
from lms.i18n import LANGUAGES, SESSION_KEY
from lms.web.redirects import safe_next_url
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("")


@routes.route("/")
def home():
    now = clock.now()
    mine = my_courses(current_user, now) if current_user.is_authenticated else []
    courses = published_courses(now)
    ended = [course for course in courses if course.has_ended(now)]  # earlier editions: an archive below
    return render_template(
        "core/home.html", courses=courses, current=[c for c in courses if c not in ended], ended=ended,
        my_courses=mine, now=now,
        can_create_course=can_author_courses(current_user),
    )


@routes.route("/lang/<code>")
@writes_on_get  # a signed-in user's choice is kept on their account
def set_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    session[SESSION_KEY] = code
    if current_user.is_authenticated:
        current_user.locale = code
    back = safe_next_url(request.args.get("next") or request.referrer, request.host_url)
    return redirect(back or url_for("core.home"))


@routes.route("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()  # the unit of work commits next: nothing, on a fresh connection
        return {"status": "error", "database": "unavailable"}, 503
    return {"status": "ok", "database": "ok"}
