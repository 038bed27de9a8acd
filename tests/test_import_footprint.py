"""What every web worker imports: libraries only some pages need are imported when those pages are asked for."""
import subprocess
import sys

from config import BASE_DIR

# alembic (with mako): only `flask db` and whoever builds a database use it (lms/schema.py).
ON_DEMAND = ("alembic", "mako", "icalendar", "jwt", "cryptography.hazmat.primitives.asymmetric.rsa", "weasyprint",
             "openpyxl", "qrcode")


def test_the_app_starts_without_the_libraries_of_occasional_pages():
    script = ("import sys; from config import TestConfig; from lms import create_app; create_app(TestConfig); "
              f"print(','.join(name for name in {ON_DEMAND!r} if name in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, capture_output=True, text=True,  # noqa: S603
                            check=True).stdout.strip()
    assert loaded == "", f"imported by every worker: {loaded}"  # each costs every worker its memory
