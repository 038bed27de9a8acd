"""Application configuration, read from the environment."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"


def _flag(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class ConfigError(RuntimeError):
    """A setting the app cannot run with; wsgi.py prints it as one line and stops."""


class Config:
    """Settings shared by every environment; each can be overridden by an environment variable."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-change-me")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'lms.sqlite3'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # Where people reach the site (https://lms.example.org): every absolute link (mails, calendar
    # addresses, certificate QR codes) is built from it, never from the request's Host header.
    # Empty in development and tests: links then follow the address the page was asked at.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "").rstrip("/")

    # Accounts
    REGISTRATION_OPEN = _flag("REGISTRATION_OPEN", True)
    # Sign-in limits count failed attempts only (a whole class behind one address signs in at 9:00):
    # per account, against guessing one person's password, and per address, against trying many.
    LOGIN_FAILURES_PER_ACCOUNT = os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "5 per 15 minutes")
    LOGIN_FAILURES_PER_ADDRESS = os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "50 per 15 minutes")
    # Every try counts where a guess is the only way in: set-password links, "forgot password" mails,
    # new accounts; wrong enrolment keys count per address.
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    FORGOT_PASSWORD_RATE_LIMIT = os.environ.get("FORGOT_PASSWORD_RATE_LIMIT", "5 per 15 minutes")
    REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "20 per hour")
    ENROLMENT_KEY_FAILURES = os.environ.get("ENROLMENT_KEY_FAILURES", "10 per 10 minutes")
    APPLICATION_RATE_LIMIT = os.environ.get("APPLICATION_RATE_LIMIT", "20 per hour")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    # Cookies: HttpOnly and SameSite everywhere, Secure where there is HTTPS (ProdConfig).
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # A sign-in lasts this long on the server (lms/auth/sign_ins.py), whatever its cookie says.
    SIGN_IN_HOURS = int(os.environ.get("SIGN_IN_HOURS", "24"))
    REMEMBER_COOKIE_DURATION = timedelta(days=int(os.environ.get("REMEMBER_DAYS", "30")))
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    FORCE_HTTPS = False
    # How many reverse proxies (nginx, a load balancer) stand in front of the app: their
    # X-Forwarded-For/-Proto/-Host headers are then trusted, so that rate limits count the real
    # client and HTTPS is recognised. Leave 0 when clients reach gunicorn directly.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))

    # Languages and time
    BABEL_DEFAULT_LOCALE = "az"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("DEFAULT_TIMEZONE", "Asia/Baku")
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "25")) * 1024 * 1024
    # Files live in the database (lms/files). This folder is only read by the migration that moved
    # attachments from it into the database.
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(INSTANCE_DIR / "uploads"))
    MAX_ATTACHMENT_BYTES = int(os.environ.get("MAX_ATTACHMENT_MB", "20")) * 1024 * 1024
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105  (a hashing method, not a password)  # nosec B105
    USERS_PER_PAGE = 25
    REPORT_ROWS_PER_PAGE = 50
    # A set-password link an admin hands out works once, for this many hours.
    PASSWORD_LINK_HOURS = int(os.environ.get("PASSWORD_LINK_HOURS", "72"))

    # Certificates: who issues them (printed on each), and how often /verify/<code> may be asked.
    # The centre's name per language (CERTIFICATE_ISSUER_AZ, _EN, _RU); empty: a translated default.
    CERTIFICATE_ISSUER = {code: os.environ.get(f"CERTIFICATE_ISSUER_{code.upper()}", "") for code in ("az", "en", "ru")}
    CERTIFICATE_DIRECTOR = os.environ.get("CERTIFICATE_DIRECTOR", "")
    VERIFY_RATE_LIMIT = os.environ.get("VERIFY_RATE_LIMIT", "30 per minute")
    # Declined and withdrawn applications (with the applicant's details) are deleted this long after.
    APPLICATION_RETENTION_DAYS = int(os.environ.get("APPLICATION_RETENTION_DAYS", "180"))

    # The job queue (lms/jobs.py, `flask lms worker`): SQLite under instance/ when empty, or redis://...
    # so that workers on several machines share it.
    QUEUE_URL = os.environ.get("QUEUE_URL", "")
    QUEUE_NAME = os.environ.get("QUEUE_NAME", "telim")  # several sites may share one Redis
    # Notifications: a worker that took a message and died gives it back after this long; a message
    # that keeps failing is retried with growing pauses and given up after this many tries.
    NOTIFICATION_LEASE_SECONDS = int(os.environ.get("NOTIFICATION_LEASE_SECONDS", "300"))
    NOTIFICATION_MAX_TRIES = int(os.environ.get("NOTIFICATION_MAX_TRIES", "8"))
    # Trainers' daily digest of their courses, at this hour (UTC).
    DIGEST_HOUR_UTC = int(os.environ.get("DIGEST_HOUR_UTC", "5"))

    # E-mail (notifications, set-password links). Without MAIL_SERVER nothing is mailed: people read
    # their notifications on the site, and an admin is shown a set-password link instead.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = _flag("MAIL_USE_TLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "Təlim LMS <no-reply@telim.example>")

    # Live sessions on Jitsi Meet (see README, "Live sessions"). Without JITSI_APP_SECRET, development
    # and tests use a random secret kept in instance/jitsi-secret; production refuses to start.
    JITSI_MODE = os.environ.get("JITSI_MODE", "self_hosted")  # or "jaas"
    JITSI_DOMAIN = os.environ.get("JITSI_DOMAIN", "meet.telim.example")
    JITSI_APP_ID = os.environ.get("JITSI_APP_ID", "telim")
    JITSI_APP_SECRET = os.environ.get("JITSI_APP_SECRET", "")
    JITSI_AUDIENCE = os.environ.get("JITSI_AUDIENCE", "jitsi")
    JITSI_SUBJECT = os.environ.get("JITSI_SUBJECT", "")
    JITSI_PRIVATE_KEY_FILE = os.environ.get("JITSI_PRIVATE_KEY_FILE", "")
    JITSI_KEY_ID = os.environ.get("JITSI_KEY_ID", "")
    JITSI_OPENS_MINUTES_BEFORE = int(os.environ.get("JITSI_OPENS_MINUTES_BEFORE", "15"))
    JITSI_EXP_GRACE_MINUTES = int(os.environ.get("JITSI_EXP_GRACE_MINUTES", "30"))
    JITSI_NBF_BACKDATE_SECONDS = int(os.environ.get("JITSI_NBF_BACKDATE_SECONDS", "60"))
    JITSI_REQUIRE_SECRET = False


class DevConfig(Config):
    """Local development: debug on, SQLite in instance/."""

    DEBUG = True
    REFUSE_UNDECLARED_GET_WRITES = True


class TestConfig(Config):
    """The test suite: fast password hashing, no CSRF unless a test turns it on."""

    TESTING = True
    SECRET_KEY = "test-secret-key-that-is-long-enough-for-hmac"  # noqa: S105  (tests only)  # nosec B105
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # noqa: S105  (fast hashing for tests only)  # nosec B105
    REFUSE_UNDECLARED_GET_WRITES = True  # a GET that writes must say so (lms/web/unit_of_work.py)
    # Jobs wait in memory unless a test runs them; the worker tests give a Redis queue here.
    QUEUE_URL = os.environ.get("TEST_QUEUE_URL", "memory://")


class ProdConfig(Config):
    """Production: refuses to start without a real secret and database; secure cookies, HTTPS."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    FORCE_HTTPS = _flag("FORCE_HTTPS", True)
    JITSI_REQUIRE_SECRET = True

    @classmethod
    def runtime_settings(cls) -> dict:
        """What is read from the environment when the app starts (not when this module is imported).

        Never the development key; requests for a host other than PUBLIC_URL's, or one listed in
        TRUSTED_HOSTS (comma-separated), are refused with a 400.
        """
        public_url = os.environ.get("PUBLIC_URL", "").rstrip("/")
        hosts = [urlsplit(public_url).hostname, *os.environ.get("TRUSTED_HOSTS", "").split(",")]
        return {"SECRET_KEY": os.environ.get("SECRET_KEY", ""), "PUBLIC_URL": public_url,
                "TRUSTED_HOSTS": [host.strip() for host in hosts if host and host.strip()]}

    @classmethod
    def check(cls) -> None:
        """Raise ConfigError when a setting production cannot run without is missing or unsafe."""
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL", "PUBLIC_URL") if not os.environ.get(name)]
        if missing:
            raise ConfigError("production needs these environment variables: " + ", ".join(missing))
        if len(os.environ["SECRET_KEY"].encode()) < 32:
            raise ConfigError("SECRET_KEY must be at least 32 bytes (python3 -c 'import secrets; "
                              "print(secrets.token_hex(32))')")
        if urlsplit(os.environ["PUBLIC_URL"]).scheme not in ("http", "https"):
            raise ConfigError("PUBLIC_URL must be the site's address, such as https://lms.example.org")
        workers = os.environ.get("WEB_CONCURRENCY", "1")
        storage = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
        if storage.startswith("memory://") and workers.isdigit() and int(workers) > 1:
            raise ConfigError(f"rate limits in memory:// with WEB_CONCURRENCY={workers} would be counted by each "
                              "worker alone; set RATELIMIT_STORAGE_URI=redis://...")


CONFIGS = {"development": DevConfig, "testing": TestConfig, "production": ProdConfig}
