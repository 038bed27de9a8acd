"""What a learner sees and does on a course, through the pages."""
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from lms.auth.models import Role
from lms.courses import services
from lms.courses.models import CourseStatus, EnrolmentMode, ModuleProgress
from lms.extensions import db

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 12:00 in Baku, day 1 of the course


def test_the_course_page_lists_days_and_modules_in_the_learners_language(client, make_course):
    course = make_course(days=[["Concepts", "Definitions"], ["Trends"]])
    page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "ru"}).text
    assert "Основы миграции" in page and "RU: Concepts" in page and "RU: Trends" in page
    assert "День 1" in page and "Понедельник, 23 ноября 2026\u202fг." in page


def test_the_page_says_which_language_it_fell_back_to(client, make_course):
    course = make_course()
    page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "az"}).text
    assert "Migration basics" in page
    note = re.search(r'<p class="fallback-note" lang="([^"]*)">([^<]*)</p>', page)
    # The note speaks the reader's language, and says so to a screen reader (the content beside it may not).
    assert note.groups() == ("az", "Sizin dilinizə hələ tərcümə olunmayıb; ingilis dilində göstərilir.")


def test_a_draft_course_is_hidden_from_learners_and_previewed_by_its_trainer(client, make_course, make_user, login):
    trainer = make_user(Role.TRAINER)
    course = make_course(status=CourseStatus.DRAFT, trainer=trainer)
    assert client.get(f"/courses/{course.slug}/").status_code == 404
    login(make_user())
    assert client.get(f"/courses/{course.slug}/").status_code == 404
    client.post("/auth/logout")
    login(trainer)
    page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert "Preview: learners cannot see this course until it is published." in page
    module = course.days[0].modules[0]
    assert client.get(f"/courses/{course.slug}/modules/{module.id}").status_code == 200


def test_self_enrolment_with_a_key(client, make_course, make_user, login, frozen_clock):
    frozen_clock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))  # the course's first day: enrolment is open
    course = make_course(enrolment=EnrolmentMode.KEY, enrolment_key="baku-2026")
    login(make_user())
    wrong = client.post(f"/courses/{course.slug}/enrol", data={"key": "guess"}, headers={"Accept-Language": "ru"})
    assert wrong.status_code == 403 and "Ключ записи указан неверно." in wrong.text
    right = client.post(f"/courses/{course.slug}/enrol", data={"key": "baku-2026"})
    assert right.status_code == 302
    assert "0 of 3 required modules completed" in client.get(f"/courses/{course.slug}/",
                                                             headers={"Accept-Language": "en"}).text


def test_modules_are_for_enrolled_people_only(client, make_course, make_user, login):
    course = make_course()
    module = course.days[0].modules[0]
    assert client.get(f"/courses/{course.slug}/modules/{module.id}").status_code == 302  # sign in first
    login(make_user())
    assert client.get(f"/courses/{course.slug}/modules/{module.id}").status_code == 403
    assert client.post(f"/courses/{course.slug}/modules/{module.id}/complete").status_code == 403


def test_a_module_of_another_course_is_404(client, make_course, make_user, login):
    first, second = make_course(), make_course()
    learner = make_user()
    services.enrol(learner, first)
    db.session.commit()
    login(learner)
    assert client.get(f"/courses/{first.slug}/modules/{second.days[0].modules[0].id}").status_code == 404


def test_reading_records_a_view_and_mark_complete_moves_on(client, make_course, make_user, login, frozen_clock):
    frozen_clock(NOW)
    course = make_course(days=[["Concepts", "Definitions"], ["Trends"]])
    learner = make_user()
    enrollment = services.enrol(learner, course)
    db.session.commit()
    login(learner)
    first, second = course.days[0].modules
    page = client.get(f"/courses/{course.slug}/modules/{first.id}", headers={"Accept-Language": "en"})
    assert page.status_code == 200 and "Text of Concepts." in page.text and "Mark as complete" in page.text
    progress = db.session.scalar(select(ModuleProgress).where(ModuleProgress.enrollment_id == enrollment.id))
    assert progress.first_viewed_at == NOW and progress.completed_at is None
    done = client.post(f"/courses/{course.slug}/modules/{first.id}/complete")
    assert done.headers["Location"] == f"/courses/{course.slug}/modules/{second.id}"
    overview = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert "1 of 3 required modules completed · 33%" in overview
    assert "Continue: Definitions" in overview
    client.get(f"/courses/{course.slug}/modules/{second.id}")
    overview = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert module_badges(overview) == [("Concepts", "Completed"), ("Definitions", "Started"), ("Trends", "Not started")]


def module_badges(page: str) -> list[tuple[str, str]]:
    """Each module row's title and the learner's state badge, in the page's order."""
    rows = re.findall(r'<li class="module-row">(.*?)</li>', page, flags=re.S)
    titles = [re.sub(r"<[^>]+>", "", re.search(r'<span class="module-title">\s*(.*?)\n', row).group(1)) for row in rows]
    badges = [re.search(r'<span class="badge[^"]*">([^<]+)</span>', row).group(1) for row in rows]
    return list(zip(titles, badges, strict=True))


def test_a_locked_day_is_403_before_it_opens_and_open_after(client, make_course, make_user, login, frozen_clock):
    course = make_course(days=[["Concepts"], ["Trends"]])
    course.days[1].opens_at = NOW + timedelta(days=1)
    learner = make_user()
    services.enrol(learner, course)
    db.session.commit()
    login(learner)
    locked = course.days[1].modules[0]
    frozen_clock(NOW + timedelta(days=1) - timedelta(seconds=1))
    response = client.get(f"/courses/{course.slug}/modules/{locked.id}", headers={"Accept-Language": "ru"})
    assert response.status_code == 403 and "Этот модуль ещё не открыт" in response.text
    assert client.post(f"/courses/{course.slug}/modules/{locked.id}/complete").status_code == 403
    overview = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert "Opens on November 24, 2026, 12:00" in overview  # in the centre's time zone (UTC+4), no seconds
    frozen_clock(NOW + timedelta(days=1))
    assert client.get(f"/courses/{course.slug}/modules/{locked.id}").status_code == 200


def test_today_is_highlighted(client, make_course, frozen_clock):
    frozen_clock(NOW + timedelta(days=1))  # 24 November in Baku: day 2
    course = make_course(days=[["A"], ["B"], ["C"]])
    page = client.get(f"/courses/{course.slug}/").text
    assert page.count("day-today") == 1
    assert 'class="day day-today" aria-labelledby="day-2"' in page


def test_home_and_progress_pages_show_my_courses_and_what_is_next(client, make_course, make_user, login, frozen_clock):
    frozen_clock(NOW)
    course = make_course(days=[["Concepts", "Definitions"]])
    learner = make_user()
    enrollment = services.enrol(learner, course)
    services.complete_module(enrollment, course.days[0].modules[0], NOW)
    db.session.commit()
    login(learner)
    for url in ("/", "/progress/"):
        page = client.get(url, headers={"Accept-Language": "ru"}).text
        assert "Основы миграции" in page
        assert "Продолжить: RU: Definitions" in page
        assert "Выполнено: 1 из 2 обязательных модулей" in page


def test_progress_page_needs_sign_in_and_says_when_empty(client, make_user, login):
    assert client.get("/progress/").status_code == 302
    login(make_user())
    assert "Siz hələ heç bir kursa yazılmamısınız." in client.get("/progress/").text


def enrol_card(page: str) -> str:
    return re.search(r'<section class="card enrol-card".*?</section>', page, flags=re.S).group(0)


def test_the_enrolment_card_offers_the_form_only_to_who_may_enrol_themselves(client, make_course, make_user, login,
                                                                              frozen_clock):
    frozen_clock(NOW)
    trainer, learner, newcomer = make_user(Role.TRAINER), make_user(), make_user()
    open_course, keyed = make_course(trainer=trainer), make_course(enrolment=EnrolmentMode.KEY, enrolment_key="k")
    by_admin, ended = make_course(enrolment=EnrolmentMode.ADMIN), make_course(starts_on=NOW.date() - timedelta(days=30))
    services.enrol(learner, open_course)
    db.session.commit()
    urls = {course: f"/courses/{course.slug}/" for course in (open_course, keyed, by_admin, ended)}
    english = {"Accept-Language": "en"}
    assert "Sign in to enrol" in enrol_card(client.get(urls[open_course], headers=english).text)
    login(newcomer)
    card = enrol_card(client.get(urls[open_course], headers=english).text)
    assert "Enrol in this course" in card and 'name="key"' not in card
    card = enrol_card(client.get(urls[keyed], headers=english).text)
    assert "Enrol in this course" in card and 'name="key"' in card
    card = enrol_card(client.get(urls[by_admin], headers=english).text)
    assert "arranged by the training centre" in card and "<form" not in card
    card = enrol_card(client.get(urls[ended], headers=english).text)
    assert "enrolment is closed" in card and "<form" not in card
    client.post("/auth/logout")
    login(learner)
    card = enrol_card(client.get(urls[open_course], headers=english).text)
    assert "required modules completed" in card and "<form" not in card
    client.post("/auth/logout")
    login(trainer)
    card = enrol_card(client.get(urls[open_course], headers=english).text)
    assert "You are a trainer of this course." in card and "<form" not in card
