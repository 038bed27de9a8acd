"""My notifications on the site, my e-mail choices, and the unsubscribe link's page."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from lms import clock
from lms.auth.models import User
from lms.auth.permissions import can_author_courses
from lms.extensions import csrf, db
from lms.notifications import queries, services
from lms.notifications.forms import MarkReadForm, UnsubscribeForm, mail_choices_form
from lms.notifications.kinds import KINDS, choosable, kind_of
from lms.notifications.unsubscribe import read_token
from lms.web.forms import ids_from
from lms.web.routes import Routes

routes = Routes()


@routes.route("/notifications/")
@login_required
def index():
    notifications = queries.my_notifications(current_user, clock.now())
    composed = [(notification, kind_of(notification.kind).compose(notification)) for notification in notifications]
    shown = [(notification, message) for notification, message in composed if message is not None]
    return render_template("notifications/index.html", shown=shown, form=MarkReadForm())


@routes.route("/notifications/read", methods=["POST"])
@login_required
def read():
    form = MarkReadForm()
    if not form.validate():
        abort(400)
    given = form.notification.data or ""
    if given and not ids_from([given]):
        abort(400)
    services.mark_read(current_user, int(given) if given else None)
    return redirect(url_for("notifications.index"))


@routes.route("/notifications/choices", methods=["POST"])
@login_required
def choices():
    kinds = choosable(can_author_courses(current_user))
    form = mail_choices_form(kinds, services.mail_turned_off(current_user), submitted=True)
    if not form.validate():
        abort(400)
    services.choose_mail(current_user, {kind.name for kind, field in form.kind_fields if not field.data})
    flash(_("Your e-mail choices have been saved."), "success")
    return redirect(url_for("auth.profile") + "#notifications")


@routes.route("/unsubscribe/<token>", methods=["GET", "POST"], endpoint="unsubscribe")
@csrf.exempt  # the signed link is the permission; mail programs post to it without a form (RFC 8058)
def unsubscribe(token: str):
    found = read_token(token)
    user = db.session.get(User, found[0]) if found else None
    if user is None or found[1] not in KINDS or not kind_of(found[1]).optional:
        abort(404)
    kind = kind_of(found[1])
    if request.method == "POST":
        services.turn_off_mail(user, kind.name)
        return render_template("notifications/unsubscribed.html", kind=kind, done=True)
    return render_template("notifications/unsubscribed.html", kind=kind, done=False, form=UnsubscribeForm())

