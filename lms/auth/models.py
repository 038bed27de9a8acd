"""People and the organisations they work for."""
from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.types import UTCDateTime, enum_column, utcnow


class Role(enum.StrEnum):
    """A person's role on the whole site (a course may give them another role inside it)."""

    LEARNER = "learner"
    TRAINER = "trainer"
    ADMIN = "admin"
    # A partner agency's focal point: nominates people of their organisation and follows them.
    COORDINATOR = "coordinator"


class Gender(enum.StrEnum):
    """What a person says of themselves, if they wish: donors ask for figures by sex."""

    FEMALE = "female"
    MALE = "male"
    ANOTHER = "another"
    UNDISCLOSED = "undisclosed"  # asked, and preferred not to say (None: never asked)


class Organisation(db.Model):
    """A state body or international organisation whose staff take courses."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[User]] = relationship(back_populates="organisation")

    def __repr__(self) -> str:
        return f"<Organisation {self.name!r}>"


class User(UserMixin, db.Model):
    """Someone who can sign in: a learner, a trainer or an admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.LEARNER)
    locale: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2))
    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The secret part of the user's private calendar address; a new one cuts off the old link.
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")

    # The token of the sign-in this object was loaded for (not a column): Flask-Login stores
    # get_id() in the session and the remember-me cookie, so that a sign-in can be ended.
    sign_in_token = None  # str | None; not annotated, so that SQLAlchemy does not map it

    def get_id(self) -> str | None:
        return self.sign_in_token

    @property
    def is_active(self) -> bool:  # read by Flask-Login: a deactivated user cannot sign in
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def __repr__(self) -> str:
        return f"<User {self.email!r}>"


class SignIn(db.Model):
    """One signed-in browser: its cookie carries the token, the server can end it.

    Flask-Login keeps `get_id()` in the session and the remember-me cookie; that id is this row's
    token, so ending the row (sign-out, a password change, deactivation, a role change) ends every
    copy of those cookies at the next request.
    """

    __tablename__ = "sign_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the cookie's token
    remember: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
