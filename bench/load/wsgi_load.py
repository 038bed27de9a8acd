"""The app as production runs it, for the load test: gunicorn bench.load.wsgi_load:app.

Production settings (ProdConfig: scrypt, no debug, Redis rate limits) except that cookies may travel
over the plain HTTP of localhost, since the load generator talks to gunicorn directly.
"""
from config import ProdConfig
from lms import create_app

app = create_app(ProdConfig, SESSION_COOKIE_SECURE=False, REMEMBER_COOKIE_SECURE=False, FORCE_HTTPS=False)
