"""Account rules: unique e-mails, hashed passwords, sign-in, roles."""
import pytest
from sqlalchemy import select

from lms.auth import services
from lms.auth.models import Role, User
from lms.errors import DomainError
from lms.extensions import db
from tests.conftest import PASSWORD


def test_create_user_stores_a_lowercase_email_and_a_salted_hash(app):
    user = services.create_user(email="  Nigar@Example.ORG ", name=" Nigar ", password=PASSWORD)
    assert user.email == "nigar@example.org"
    assert user.name == "Nigar"
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("pbkdf2:sha256")  # TestConfig; production below
    assert user.role is Role.LEARNER


def test_production_hashes_passwords_with_scrypt(app):
    app.config["PASSWORD_HASH_METHOD"] = "scrypt"
    user = services.create_user(email="a@example.org", name="A", password=PASSWORD)
    assert user.password_hash.startswith("scrypt:")
    assert services.authenticate("a@example.org", PASSWORD) is user


def test_an_email_can_be_used_once_whatever_its_case(make_user):
    make_user(email="giorgi@example.org")
    with pytest.raises(DomainError) as error:
        services.create_user(email="GIORGI@example.org", name="G", password=PASSWORD)
    assert error.value.status == 409


def test_short_passwords_are_refused(app):
    with pytest.raises(DomainError, match="at least 8"):
        services.create_user(email="b@example.org", name="B", password="short")
    assert db.session.scalar(select(User).where(User.email == "b@example.org")) is None


def test_user_takes_the_organisations_country_when_none_given(make_organisation):
    organisation = make_organisation("Bureau for Migration and Asylum (MD)", "MD")
    user = services.create_user(email="c@example.org", name="C", password=PASSWORD, organisation=organisation)
    assert user.country == "MD"


def test_authenticate_accepts_the_right_password_only(make_user):
    user = make_user(email="d@example.org")
    assert services.authenticate("D@example.org", PASSWORD) is user
    assert user.last_login_at is not None
    assert services.authenticate("d@example.org", "wrong password") is None
    assert services.authenticate("nobody@example.org", PASSWORD) is None


def test_a_deactivated_user_cannot_authenticate(make_user):
    user = make_user()
    user.active = False
    assert services.authenticate(user.email, PASSWORD) is None


def test_change_password_checks_the_current_one(make_user):
    user = make_user()
    with pytest.raises(DomainError, match="current password"):
        services.change_password(user, "not it", "a new long password")
    services.change_password(user, PASSWORD, "a new long password")
    assert services.authenticate(user.email, "a new long password") is user


def test_update_profile_ignores_an_unknown_language(make_user):
    user = make_user()
    services.update_profile(user, name="New Name", locale="xx", timezone="Asia/Tbilisi", gender=None)
    assert (user.name, user.locale, user.timezone) == ("New Name", None, "Asia/Tbilisi")


def test_an_admin_cannot_demote_or_deactivate_themselves(make_user):
    admin = make_user(Role.ADMIN)
    with pytest.raises(DomainError):
        services.set_role(admin, admin, Role.LEARNER)
    with pytest.raises(DomainError):
        services.set_active(admin, admin, False)
    assert admin.role is Role.ADMIN and admin.active


def test_an_admin_changes_another_users_role_and_status(make_user):
    admin, learner = make_user(Role.ADMIN), make_user()
    services.set_role(admin, learner, Role.TRAINER)
    services.set_active(admin, learner, False)
    assert learner.role is Role.TRAINER and not learner.active


def test_an_unknown_address_is_checked_against_a_hash_as_costly_as_a_real_one(app, make_user, monkeypatch):
    """Sign-in took 83–131 ms for an account and 3–13 ms for an unknown address: the dummy hash was cheaper."""
    from lms.auth import services as accounts_module

    app.config["PASSWORD_HASH_METHOD"] = "scrypt"
    user = make_user()
    user.password_hash = accounts_module.hash_password("the real password")
    db.session.commit()
    checked = []
    real_check = accounts_module.check_password_hash
    monkeypatch.setattr(accounts_module, "check_password_hash",
                        lambda stored, password: checked.append(stored.split("$")[0]) or real_check(stored, password))
    accounts_module.authenticate(user.email, "a wrong password")
    accounts_module.authenticate("nobody@example.org", "a wrong password")
    assert checked[0] == checked[1] and checked[0].startswith("scrypt:")
