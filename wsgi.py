"""The WSGI entry point: `gunicorn wsgi:app` runs the production settings unless LMS_ENV says otherwise.

Development settings (a public secret key) only when asked for by name: `make run` sets
LMS_ENV=development for `flask run`. A setting production cannot run with stops the start with one
line on standard error, not a traceback.
"""
import os
import sys

from config import CONFIGS, ConfigError
from lms import create_app

# gunicorn stops (instead of starting workers again and again) when a worker exits with this code.
BOOT_ERROR = 3


def _stop(reason: str) -> None:
    print(f"Təlim LMS cannot start: {reason}", file=sys.stderr)
    sys.exit(BOOT_ERROR)


environment = os.environ.get("LMS_ENV", "production")
if environment not in CONFIGS:
    _stop(f"LMS_ENV must be one of {', '.join(CONFIGS)}, not {environment!r}")
try:
    app = create_app(CONFIGS[environment])
except ConfigError as error:
    _stop(str(error))
