"""Təlim LMS: the application factory."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from werkzeug.middleware.proxy_fix import ProxyFix

from config import BASE_DIR, DevConfig
from lms import (
    admin,
    applications,
    assignments,
    auth,
    calendar,
    certificates,
    cli,
    core,
    courses,
    demo,
    files,
    live,
    models,  # noqa: F401  (every table known to SQLAlchemy and Alembic)
    notifications,
    programmes,
    progress,
    quizzes,
    surveys,
)
from lms.courses import content_cache
from lms.extensions import babel, csrf, db, jobs, limiter, login_manager, talisman
from lms.i18n import select_locale, select_timezone
from lms.schema import enable_migrations, made_for_a_command
from lms.web.error_pages import register_error_handlers
from lms.web.security import content_security_policy
from lms.web.templating import register_template_helpers
from lms.web.unit_of_work import UnitOfWorkFlask, watch_session

# Each feature uses only those before it (DESIGN.md), and registers its pages, commands and reactions.
FEATURES = (auth, files, notifications, courses, quizzes, live, surveys, assignments, programmes, applications,
            certificates, progress, calendar, core, admin, demo)


def create_app(config_class: type = DevConfig, **overrides) -> Flask:
    """Build the app from a config class (and test overrides), ready to serve."""
    if hasattr(config_class, "check"):
        config_class.check()
    app = UnitOfWorkFlask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.config.from_object(config_class)
    if hasattr(config_class, "runtime_settings"):
        app.config.update(config_class.runtime_settings())
    app.config.update(overrides)
    Path(app.instance_path).mkdir(exist_ok=True)
    if app.config["PROXY_COUNT"]:
        hops = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    _register_extensions(app)
    register_template_helpers(app)
    register_error_handlers(app)
    cli.register(app)
    for feature in FEATURES:
        feature.register(app)
    if app.config["RATELIMIT_STORAGE_URI"].startswith("memory://") and not (app.debug or app.testing):
        app.logger.warning("Rate limits are counted in this process's memory (RATELIMIT_STORAGE_URI=memory://): "
                           "with several workers or servers each counts alone. Set RATELIMIT_STORAGE_URI=redis://...")
    return app


def _register_extensions(app: Flask) -> None:
    db.init_app(app)
    watch_session()
    app.teardown_appcontext(_end_session)  # runs before Flask-SQLAlchemy's own, which it makes a no-op
    content_cache.init_app(app)
    if made_for_a_command():  # `flask db …`; a web worker is spared Alembic (lms/schema.py)
        enable_migrations(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    limiter.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        content_security_policy=content_security_policy(),
    )
    login_manager.init_app(app)
    jobs.init_app(app)  # after every feature has declared its jobs (at import)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _end_session(_error: BaseException | None) -> None:
    """End the request's session; a database lost since the response was made does not undo it."""
    try:
        db.session.remove()
    except OperationalError:
        # The final ROLLBACK met a restarted server: SQLAlchemy has invalidated the connection, and
        # the response (with whatever was committed) stands, instead of becoming a 500.
        db.session.registry.clear()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers and a writer work at once; SQLite leaves foreign keys off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


__all__ = ["create_app"]
