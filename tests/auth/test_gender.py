"""Gender: an optional answer a person gives on their profile, an admin records on the account form, or
a user import carries; donors ask for figures by sex. Nobody has to answer."""
from sqlalchemy import select

from lms.admin.user_import import plan_import, run_import
from lms.auth.models import Gender, Role, User
from lms.extensions import db


def test_a_person_gives_their_gender_on_the_profile_and_can_take_it_back(client, login, make_user):
    person = make_user(locale="en")
    login(person)
    page = client.get("/auth/profile").text
    assert "Prefer not to say" in page and "nobody else sees your answer" in page
    fields = {"name": person.name, "locale": "en", "timezone": ""}
    assert client.post("/auth/profile", data={**fields, "gender": "female"}).status_code == 302
    db.session.expire_all()
    assert person.gender is Gender.FEMALE
    assert client.get("/auth/profile/data.json").json["profile"]["gender"] == "female"
    client.post("/auth/profile", data={**fields, "gender": ""})
    db.session.expire_all()
    assert person.gender is None
    refused = client.post("/auth/profile", data={**fields, "gender": "robot"})
    assert refused.status_code == 400 and "Not a valid choice." in refused.text  # shown again, nothing saved


def test_an_admin_records_gender_on_the_account_and_the_log_says_so(client, login, make_user):
    login(make_user(Role.ADMIN, locale="en"))
    person = make_user()
    form = {"name": person.name, "email": person.email, "role": "learner", "organisation": "0", "country": "",
            "locale": "", "gender": "undisclosed"}
    assert client.post(f"/admin/users/{person.id}", data=form).status_code == 302
    db.session.expire_all()
    assert person.gender is Gender.UNDISCLOSED
    assert "Prefer not to say" in client.get(f"/admin/users/{person.id}").text


def test_the_user_import_reads_a_gender_column_and_explains_a_wrong_one(app, make_user):
    admin = make_user(Role.ADMIN)
    text = "email,firstname,lastname,gender\nzarina@example.org,Zarina,Ahmadova,Female\nrustam@example.org,Rustam,,\n"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        plan = plan_import(text.encode())
        assert plan.ok, [row.errors for row in plan.rows]
        run_import(admin, plan, "people.csv")
        db.session.commit()
        genders = dict(db.session.execute(select(User.email, User.gender)).all())
        assert genders["zarina@example.org"] is Gender.FEMALE and genders["rustam@example.org"] is None
        wrong = plan_import(b"email,firstname,gender\nx@example.org,X,m\n")
        assert wrong.rows[0].errors == ["The gender must be female, male, another or undisclosed."]
