"""Trainers and admins write to a course's learners: filters, three languages, delivery per person, resend."""
import pytest
from sqlalchemy import select

from lms.auth.models import Organisation, Role
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.models import MailState, Notification
from tests.mailbox import _free_port


@pytest.fixture()
def cohort(make_user, make_course):
    ministry = Organisation(name="Ministry", country="AZ")
    db.session.add(ministry)
    db.session.flush()
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer, slug="key-concepts")
    people = {
        "aysel": make_user(name="Aysel", locale="az", country="AZ", organisation=ministry),
        "olga": make_user(name="Olga", locale="ru", country="KZ"),
        "john": make_user(name="John", locale="en", country="GE"),
    }
    for person in people.values():
        courses.enrol(person, course, by_admin=True)
    db.session.commit()
    return course, trainer, people, ministry


def write(client, slug, **fields):
    data = {"status": "", "country": "", "organisation": "0", **fields}
    return client.post(f"/courses/{slug}/manage/messages", data=data, headers={"Accept-Language": "ru"})


def copies(message_id=None):
    query = select(Notification).where(Notification.kind == "course_message").order_by(Notification.id)
    return list(db.session.scalars(query))


def test_each_learner_gets_their_language_or_the_courses(client, login, cohort, mailbox):
    course, trainer, people, _ = cohort
    login(trainer)
    response = write(client, course.slug, subject_az="Sabah", body_az="Sabah 10:00-da başlayırıq.",
                     subject_ru="Завтра", body_ru="Начинаем в 10:00.\n\nНе опаздывайте.")
    assert response.status_code == 302
    delivered = {message["To"].addresses[0].addr_spec: message for message in mailbox.deliver()}
    assert delivered[people["aysel"].email]["Subject"] == "Sabah"
    assert delivered[people["olga"].email]["Subject"] == "Завтра"
    assert "Не опаздывайте." in delivered[people["olga"].email].get_body(("plain",)).get_content()
    # John reads English, which was not written: the course's language (en) is missing too, so the first
    assert delivered[people["john"].email]["Subject"] == "Sabah"
    page = client.get(response.headers["Location"], headers={"Accept-Language": "ru"}).text
    assert page.count("Отправлено: ") == 3


def test_filters_choose_the_learners(client, login, cohort, make_user):
    course, _, people, ministry = cohort
    login(make_user(Role.ADMIN))
    write(client, course.slug, subject_en="To Azerbaijan", body_en="Hello.", country="AZ")
    write(client, course.slug, subject_en="To the ministry", body_en="Hello.", organisation=str(ministry.id))
    assert sorted(copy.recipient.name for copy in copies()) == ["Aysel", "Aysel"]
    enrollment = courses.enrol(people["john"], course, by_admin=True)
    enrollment.completed_at = enrollment.enrolled_at
    db.session.commit()
    write(client, course.slug, subject_en="Well done", body_en="Hello.", status="completed")
    assert [copy.recipient.name for copy in copies()][-1:] == ["John"] and len(copies()) == 3


def test_a_message_without_text_or_without_anyone_to_read_it_is_refused(client, login, cohort):
    course, trainer, _, _ = cohort
    login(trainer)
    empty = write(client, course.slug, subject_ru="Тема без текста")
    assert empty.status_code == 400 and "Напишите тему и сообщение хотя бы на одном языке." in empty.text
    nobody = write(client, course.slug, subject_en="Hi", body_en="Hello.", country="TM")
    assert nobody.status_code == 400 and "Ни один слушатель курса не подходит под эти условия." in nobody.text
    assert "Hi" in nobody.text  # what was written is still there
    assert copies() == []


def test_a_failed_copy_shows_its_error_and_is_sent_again(app, client, login, cohort, mailbox):
    course, trainer, people, _ = cohort
    login(trainer)
    port = app.config["MAIL_PORT"]
    app.config.update(MAIL_PORT=_free_port(), NOTIFICATION_MAX_TRIES=1)  # the server is unreachable
    location = write(client, course.slug, subject_en="Hi", body_en="Hello.").headers["Location"]
    mailbox.deliver()
    page = client.get(location, headers={"Accept-Language": "ru"}).text
    assert page.count("Не доставлено") == 3 and "ConnectionRefusedError" in page
    app.config.update(MAIL_PORT=port)
    olga_copy = next(copy for copy in copies() if copy.recipient_id == people["olga"].id)
    assert client.post(location, data={"notification": str(olga_copy.id)}).status_code == 302
    assert [message["To"].addresses[0].addr_spec for message in mailbox.deliver()] == [people["olga"].email]
    db.session.expire_all()
    assert olga_copy.mail_state is MailState.SENT


def test_only_the_courses_trainers_and_admins_write_or_read_delivery(client, login, cohort, make_user, make_course):
    course, trainer, people, _ = cohort
    login(trainer)
    location = write(client, course.slug, subject_en="Hi", body_en="Hello.").headers["Location"]
    copy_id = copies()[0].id
    client.post("/auth/logout")
    for intruder in (people["olga"], make_user(Role.TRAINER)):
        login(intruder)
        assert client.get(f"/courses/{course.slug}/manage/messages").status_code == 403
        assert write(client, course.slug, subject_en="x", body_en="y").status_code == 403
        assert client.get(location).status_code == 403
        assert client.post(location, data={"notification": str(copy_id)}).status_code == 403
        client.post("/auth/logout")
    other_trainer = make_user(Role.TRAINER)
    other = make_course(trainer=other_trainer, slug="other")
    login(other_trainer)  # through their own course, another course's message is not found
    assert client.get(location.replace(course.slug, other.slug)).status_code == 404
    resend = client.post(location.replace(course.slug, other.slug), data={"notification": str(copy_id)})
    assert resend.status_code == 404


def test_resending_another_messages_copy_is_refused(client, login, cohort):
    course, trainer, _, _ = cohort
    login(trainer)
    first = write(client, course.slug, subject_en="One", body_en="1").headers["Location"]
    write(client, course.slug, subject_en="Two", body_en="2")
    second_copy = copies()[-1]
    response = client.post(first, data={"notification": str(second_copy.id)})
    assert response.status_code == 302  # flashed, nothing done
    assert "Bu mesaj həmin şəxsə göndərilməyib." in client.get(first).text  # the trainer reads Azerbaijani
