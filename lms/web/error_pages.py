"""The app's translated error pages: HTTP errors, CSRF failures, domain errors, the database outage."""
from __future__ import annotations

import time

from flask import Flask, Response, abort, current_app, jsonify, render_template, request, url_for
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, SecurityError

from lms.errors import DomainError
from lms.extensions import db, limiter
from lms.i18n import visitor_locale

# What each error page says, keyed by HTTP status.
ERROR_TEXTS = {
    400: (
        _l("Bad request"),
        _l("The request could not be understood. Please check what you sent and try again."),
    ),
    403: (_l("Access denied"), _l("You do not have permission to open this page.")),
    404: (_l("Page not found"), _l("The page you are looking for does not exist or has been moved.")),
    405: (_l("Method not allowed"), _l("This page cannot be used in that way.")),
    409: (_l("Already done"), _l("This has already been done, or something else changed it first.")),
    413: (_l("File too large"), _l("The file you sent is larger than this site accepts.")),
    429: (
        _l("Too many attempts"),
        _l("You have tried too many times in a short while. Please wait a minute and try again."),
    ),
    500: (_l("Something went wrong"), _l("An unexpected error occurred on our side. Please try again in a moment.")),
    503: (_l("Service unavailable"), _l("The site is temporarily unavailable. Please try again in a few minutes.")),
}


def render_error(status: int, message: str | None = None):
    """Render the error page for `status` (JSON for a client that sent or asked for JSON)."""
    title, default_message = ERROR_TEXTS.get(status, ERROR_TEXTS[500])
    text = message or str(default_message)
    if request.is_json or request.accept_mimetypes.best == "application/json":
        return jsonify(error=str(title), message=text), status
    return render_template("errors/error.html", status=status, title=title, message=text), status


def register_error_handlers(app: Flask) -> None:
    """Turn HTTP errors, CSRF failures and unexpected exceptions into translated pages."""

    @app.before_request
    def refuse_nul_characters():
        # No address a person follows holds a NUL character, and PostgreSQL cannot compare one.
        arguments = request.args.items(multi=True)
        if "\x00" in request.path or any("\x00" in key + value for key, value in arguments):
            abort(400)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(400, _("Your form has expired or was sent from another site. "
                                   "Please reload the page and try again."))

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):  # the unit of work has rolled the request's work back
        return render_error(error.status, error.message)

    @app.errorhandler(SecurityError)
    def untrusted_host(error: SecurityError):
        # A Host header production does not serve: no page can be drawn (no link can be built for
        # that host), so a plain translated line.
        title, message = ERROR_TEXTS[400]
        return Response(f"{title}. {message}\n", 400, mimetype="text/plain")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        return render_error(error.code, _retry_message() if error.code == 429 else None)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()  # an error outside the view (a before-request hook) has no unit of work
        app.logger.exception("Unhandled exception")
        # A lost database connection is an outage to wait out, not a bug in the page.
        return database_unavailable() if isinstance(error, OperationalError) else render_error(500)


def _retry_message() -> str | None:
    """When a rate-limited visitor may try again, in whole minutes (None when the limiter cannot say)."""
    breached = limiter.current_limit
    if breached is None:
        return None
    minutes = max(1, round((breached.reset_at - time.time()) / 60))
    return ngettext("You have tried too many times in a short while. Please try again in %(num)d minute.",
                    "You have tried too many times in a short while. Please try again in %(num)d minutes.",
                    minutes)


def database_unavailable():
    """The translated 503 of a database outage, made without the database.

    Neither the signed-in user (whose row cannot be read now, and whom the rollback expired) nor the
    site's header may be asked for: the language comes from the session or the browser, and the
    page is the plain template, rendered without the context processors that read the user.
    """
    title, message = ERROR_TEXTS[503]
    locale = visitor_locale()
    with force_locale(locale):
        title, message = str(title), str(message)
        if request.accept_mimetypes.best == "application/json":
            return jsonify(error=title, message=message), 503
        retry = request.full_path.rstrip("?") if request.method == "GET" else url_for("core.home")
        page = current_app.jinja_env.get_template("errors/unavailable.html")
        return page.render(title=title, message=message, locale=locale, retry=retry), 503
