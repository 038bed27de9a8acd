"""/progress/: my courses, how far I am in each, what comes next, and my certificates."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from lms import clock
from lms.certificates.queries import certificates_of
from lms.courses.queries import my_courses
from lms.programmes.queries import my_programmes
from lms.web.routes import Routes

routes = Routes("/progress")


@routes.route("/")
@login_required
def index():
    return render_template("progress/index.html", courses=my_courses(current_user, clock.now()),
                           certificates=certificates_of(current_user), programmes=my_programmes(current_user))
