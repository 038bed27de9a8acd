"""Inputs that answered 500 (found by trying the site as an attacker and as a careless admin would):
each now gets a clear, translated 4xx and nothing that was saved is lost."""
import io
import json

import pytest
from sqlalchemy import func, select

from lms.auth.models import Organisation, Role
from lms.courses import services as courses
from lms.courses.models import Course, CourseRole
from lms.extensions import db
from lms.quizzes import services as quizzes
from lms.quizzes.models import Answer, Question
from tests.quizzes.conftest import NOW, quiz_world  # noqa: F401  (the fixture)

RU = {"Accept-Language": "ru"}


def _autosave_raw(client, attempt, body: bytes):
    return client.post(f"/quizzes/attempts/{attempt.id}/answers", data=body, content_type="application/json")


@pytest.fixture()
def attempt(client, login, quiz_world, frozen_clock):  # noqa: F811
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    login(enrollment.user)
    made = quizzes.start_attempt(quiz, enrollment, NOW)
    db.session.commit()
    return made


def test_a_lone_surrogate_in_an_answer_is_refused_before_it_is_acknowledged(client, attempt):
    short = next(entry["question"] for entry in attempt.layout  # the short-text question: typed words
                 if db.session.get(Question, entry["question"]).kind.value == "short_text")
    body = ('{"question": ' + str(short) + ', "fields": {"q' + str(short) + '": ["\\ud800 refugee"]}}').encode()
    response = _autosave_raw(client, attempt, body)
    assert response.status_code == 400 and response.json["error"] == "invalid"
    assert db.session.scalar(select(func.count(Answer.id))) == 0
    assert client.get(f"/quizzes/attempts/{attempt.id}").status_code == 200
    assert client.post(f"/quizzes/attempts/{attempt.id}/submit").status_code == 302
    assert client.get(f"/quizzes/attempts/{attempt.id}/review").status_code == 200


def test_deeply_nested_json_is_a_400_at_the_autosave(client, attempt):
    body = b'{"question": 1, "fields": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert _autosave_raw(client, attempt, body).status_code == 400


def _import(client, document, slug="copy"):
    text = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post("/courses/import", data={"file": (io.BytesIO(text), "course.json"), "slug": slug},
                       content_type="multipart/form-data", headers=RU)


@pytest.fixture()
def exported(client, login, make_user, quiz_world):  # noqa: F811
    course, _, _ = quiz_world
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    login(trainer)
    return json.loads(client.get(f"/courses/{course.slug}/manage/export").data)


def _first_question(document):
    module = next(m for day in document["days"] for m in day["modules"] if m.get("quiz"))
    return module["quiz"]["questions"][0]


@pytest.mark.parametrize("damage", ["nan_points", "inf_points", "string_nan_credit", "year_9999", "long_title",
                                    "deep"])
def test_a_damaged_course_file_is_a_clear_400(client, exported, damage):
    document = exported
    if damage == "nan_points":
        text = json.dumps(document).replace('"points": 1.0', '"points": NaN', 1).encode()
    elif damage == "inf_points":
        text = json.dumps(document).replace('"points": 1.0', '"points": 1e400', 1).encode()
    elif damage == "string_nan_credit":
        _first_question(document)["choices"][0]["credit"] = "nan"
        text = json.dumps(document).encode()
    elif damage == "year_9999":
        document["course"]["starts_on"] = "9999-12-31"
        text = json.dumps(document).encode()
    elif damage == "long_title":
        document["course"]["texts"]["en"]["title"] = "T" * 201
        text = json.dumps(document).encode()
    else:
        text = b"[" * 100_000 + b"]" * 100_000
    before = db.session.scalar(select(func.count(Course.id)))
    response = _import(client, text)
    assert response.status_code == 400
    assert "Təlim" in response.text or "повреждён" in response.text
    assert db.session.scalar(select(func.count(Course.id))) == before


def test_the_gift_export_refuses_a_language_that_is_not_one_of_the_sites(client, exported, quiz_world):  # noqa: F811
    course, _, _ = quiz_world
    response = client.get(f"/courses/{course.slug}/manage/questions/export.gift?language=en%0D%0AX-Evil:%201")
    assert response.status_code == 404
    assert client.get(f"/courses/{course.slug}/manage/questions/export.gift?language=ru").status_code == 200


@pytest.mark.parametrize("points", ["sNaN", "NaN", "Infinity", "-inf"])
def test_points_that_are_not_a_number_are_refused_in_the_question_editor(client, exported, quiz_world, points):  # noqa: F811
    course, quiz, _ = quiz_world
    question = quiz.slots[0].question
    data = {"points": points, "text_en": "Who is protected?"}
    data.update({f"c{choice.id}_credit": "100" if choice.credit > 0 else "0" for choice in question.choices})
    response = client.post(f"/courses/{course.slug}/manage/questions/{question.id}", data=data, headers=RU)
    assert response.status_code == 400
    assert "Неверное десятичное значение." in response.text
    db.session.refresh(question)
    assert question.points == 1.0


@pytest.mark.parametrize("url", ["/admin/users?page=" + "9" * 30, "/admin/audit?page=" + "9" * 30,
                                 "/admin/courses/{slug}/progress?page=" + "9" * 30])
def test_a_thirty_digit_page_is_a_page_not_a_500(client, login, make_user, make_course, url):
    course = make_course()
    login(make_user(Role.ADMIN))
    assert client.get(url.format(slug=course.slug)).status_code == 200


def _upload_users(client, text: str):
    return client.post("/admin/users/import", data={"file": (io.BytesIO(text.encode()), "users.csv")},
                       content_type="multipart/form-data", headers=RU)


def test_a_user_file_with_cr_only_line_ends_is_read(client, login, make_user):
    login(make_user(Role.ADMIN))
    page = _upload_users(client, "email,firstname,lastname\rana@example.org,Ana,Lomidze\rbek@example.org,Bek,Ibraev\r")
    assert page.status_code == 200
    assert "ana@example.org" in page.text and "bek@example.org" in page.text


def test_a_field_over_128_kb_is_a_translated_file_error(client, login, make_user):
    login(make_user(Role.ADMIN))
    page = _upload_users(client, 'email,firstname,lastname\nana@example.org,"' + "A" * 200_000 + '",Lomidze\n')
    assert page.status_code == 422  # the dry run's answer for a file with errors
    assert "Строка 2" in page.text or "строка 2" in page.text.lower()


def test_an_organisation_name_the_database_cannot_keep_is_caught_by_the_dry_run(client, login, make_user):
    login(make_user(Role.ADMIN))
    name = "Ministry " + "x" * 200
    page = _upload_users(client, f"email,firstname,lastname,institution,country\nana@example.org,Ana,L,{name},GE\n")
    assert page.status_code == 422
    assert "длиннее 200 символов" in page.text
    assert db.session.scalar(select(func.count(Organisation.id))) == 0
