"""/progress/: my courses, how far I am in each, what comes next, and my certificates; a coordinator's
report on their organisation's people."""
from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user, login_required

from lms import clock
from lms.auth.models import Role
from lms.certificates.queries import certificates_of
from lms.courses.queries import my_courses
from lms.programmes.queries import my_programmes
from lms.progress.organisation import organisation_report
from lms.web.routes import Routes

routes = Routes("/progress")


@routes.route("/")
@login_required
def index():
    return render_template("progress/index.html", courses=my_courses(current_user, clock.now()),
                           certificates=certificates_of(current_user), programmes=my_programmes(current_user))


@routes.route("/organisation")
@login_required
def organisation():
    """A coordinator follows their organisation's people: nobody of another organisation is listed."""
    if current_user.role is not Role.COORDINATOR or current_user.organisation is None:
        abort(403)
    return render_template("progress/organisation.html", organisation=current_user.organisation,
                           courses=organisation_report(current_user.organisation_id))
