"""/progress/: my courses, how far I am in each, what comes next, and my certificates."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from lms import clock
from lms.certificates.queries import certificates_of
from lms.courses.queries import my_courses

bp = Blueprint("progress", __name__, url_prefix="/progress")


@bp.route("/")
@login_required
def index():
    return render_template("progress/index.html", courses=my_courses(current_user, clock.now()),
                           certificates=certificates_of(current_user))
