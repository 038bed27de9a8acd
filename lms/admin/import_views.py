"""Bulk import of users from a CSV file: upload and dry run, then import the checked file."""
from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from lms import clock
from lms.admin import user_import
from lms.admin.forms import ConfirmImportForm, UserImportForm
from lms.auth.permissions import admin_required
from lms.files import services as files
from lms.notifications.account_mail import queue_password_link
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed

routes = Routes("/admin")

CHECKED_FILE_HOURS = 24


@routes.route("/users/import", methods=["GET", "POST"])
@admin_required
def import_users():
    form = UserImportForm()
    if not form.validate_on_submit():
        return render_template("admin/import.html", form=form, plan=None), 400 if form.errors else 200
    data = form.file.data.read()
    plan = user_import.plan_import(data)
    confirm = None
    if plan.ok:
        token = _keep_checked_file(data, form.file.data.filename or "users.csv")
        confirm = ConfirmImportForm(formdata=None,
                                    data={"token": token, "send_links": "1" if form.send_links.data else ""})
    return render_template("admin/import.html", form=form, plan=plan, confirm=confirm), 200 if plan.ok else 422


@routes.route("/users/import/confirm", methods=["POST"])
@admin_required
def confirm_import():
    form = ConfirmImportForm()
    if not form.validate():
        abort(400)
    checked = files.private_file(form.token.data or "", current_user.id, clock.now())
    if checked is None:
        flash(_("The checked file is no longer here. Upload it again."), "error")
        return redirect(url_for("admin.import_users"))
    plan = user_import.plan_import(files.read_bytes(checked))  # again: accounts may have changed since the check
    with service_errors_flashed():
        result = user_import.run_import(current_user, plan, checked.filename)
        files.remove(checked)
        mailed = sum(1 for user in result.created
                     if form.send_links.data and queue_password_link(user))
        flash(ngettext("%(num)d account has been created.", "%(num)d accounts have been created.",
                       len(result.created)) + " " +
              ngettext("%(num)d enrolment has been added.", "%(num)d enrolments have been added.", result.enrolments),
              "success")
        if mailed:
            flash(ngettext("%(num)d set-password link has been e-mailed.",
                           "%(num)d set-password links have been e-mailed.", mailed), "info")
        return redirect(url_for("admin.users"))
    return render_template("admin/import.html", form=UserImportForm(formdata=None), plan=plan), 422


def _keep_checked_file(data: bytes, filename: str) -> str:
    """Keep the checked file (it may hold passwords) for this admin until confirmed, for a day at most."""
    safe_name = "".join(char for char in Path(filename).name if char.isalnum() or char in "._-")[:80]
    stored = files.store(io.BytesIO(data), safe_name or "users.csv", "text/csv", len(data),
                         owner_id=current_user.id, expires_at=clock.now() + timedelta(hours=CHECKED_FILE_HOURS))
    return stored.key
