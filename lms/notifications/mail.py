"""Handing a message to the SMTP server the site is configured with."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from flask import current_app


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def send(message: EmailMessage) -> None:
    """Send one message; raises OSError or smtplib.SMTPException when the server does not take it."""
    config = current_app.config
    message["From"] = config["MAIL_SENDER"]
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
