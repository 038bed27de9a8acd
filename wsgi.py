"""The WSGI entry point: `gunicorn wsgi:app` (production settings when LMS_ENV=production)."""
import os

from config import CONFIGS
from lms import create_app

app = create_app(CONFIGS[os.environ.get("LMS_ENV", "development")])
