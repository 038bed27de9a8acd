"""Days on any date: a school that meets twice a week is entered, moved and followed by every page."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from lms.auth.models import Role
from lms.courses import scheduling
from lms.courses import services as courses
from lms.courses.models import CourseStatus, ModuleKind
from lms.extensions import db
from lms.live import services as live


def _live_module(day, starts_at: datetime):
    module = courses.add_module(day, kind=ModuleKind.LIVE, texts={"en": {"title": "Opening", "body": ""}})
    return live.schedule(module, starts_at, starts_at + timedelta(hours=1))


def _dates(course) -> list[date]:
    return [day.date for day in course.days]


def test_existing_courses_are_on_consecutive_days_and_a_new_day_follows_the_last(make_course):
    course = make_course(days=[["A"], ["B"], []])
    assert _dates(course) == [date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]
    courses.add_day(course)
    assert course.days[-1].date == date(2026, 11, 26) and course.ends_on == date(2026, 11, 26)


def test_a_schedule_moves_each_day_with_its_opening_time_and_live_session_across_daylight_saving(make_course):
    course = make_course(days=[["A"], ["B"]], starts_on=date(2027, 3, 25))
    course.timezone = "Europe/Berlin"  # a zone with daylight saving, unlike Baku
    second = course.days[1]
    second.opens_at = datetime(2027, 3, 26, 8, 0, tzinfo=UTC)  # 09:00 in Berlin, winter time
    session = _live_module(second, datetime(2027, 3, 26, 9, 0, tzinfo=UTC))  # 10:00 in Berlin
    db.session.commit()

    dates = scheduling.dates_for(scheduling.schedule.Pattern(date(2027, 3, 25), (3, 4), count=2), 200)
    assert dates == [date(2027, 3, 25), date(2027, 3, 26)]  # Thursday, Friday: nothing moves
    dates = [date(2027, 3, 25), date(2027, 4, 1)]  # a week later, after the clocks went forward
    scheduling.apply_schedule(course, dates, opens_at=None)
    db.session.commit()

    assert _dates(course) == dates and course.starts_on == date(2027, 3, 25) and course.ends_on == date(2027, 4, 1)
    assert second.opens_at == datetime(2027, 4, 1, 7, 0, tzinfo=UTC)  # still 09:00 in Berlin, summer time
    assert (session.starts_at, session.ends_at) == (datetime(2027, 4, 1, 8, 0, tzinfo=UTC),
                                                    datetime(2027, 4, 1, 9, 0, tzinfo=UTC))


def test_a_schedule_with_an_opening_time_opens_every_day_then(make_course):
    course = make_course(days=[["A"], ["B"]])
    scheduling.apply_schedule(course, [date(2027, 3, 2), date(2027, 3, 4), date(2027, 3, 9)], opens_at=time(10, 0))
    db.session.commit()
    assert len(course.days) == 3 and course.days[2].modules == []
    assert [day.opens_at for day in course.days] == [datetime(2027, 3, d, 6, 0, tzinfo=UTC) for d in (2, 4, 9)]


def test_a_schedule_never_removes_a_day_that_has_modules(make_course):
    course = make_course(days=[["A"], [], ["C"]])
    try:
        scheduling.apply_schedule(course, [date(2027, 3, 2), date(2027, 3, 4)], opens_at=None)
    except Exception as error:  # noqa: BLE001 - the message is what the trainer reads
        assert "day 3 has modules" in str(error.message)
    else:
        raise AssertionError("the schedule removed a day with modules")
    db.session.rollback()
    assert len(course.days) == 3 and course.days[2].date == date(2026, 11, 25)


def test_moving_the_start_in_the_settings_moves_every_day_and_session(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"]], trainer=trainer)
    scheduling.move_day(course.days[1], date(2026, 11, 26))
    session = _live_module(course.days[1], datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    db.session.commit()
    login(trainer)
    form = client.get(f"/courses/{course.slug}/manage/settings").text
    assert 'value="2026-11-23"' in form
    response = client.post(f"/courses/{course.slug}/manage/settings", data={
        "original_locale": "en", "timezone": "Asia/Baku", "starts_on": "2026-12-07", "enrolment": "open",
        "title_en": "Migration basics", "announce_days": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert _dates(course) == [date(2026, 12, 7), date(2026, 12, 10)]  # the three-day gap stays
    assert session.starts_at == datetime(2026, 12, 10, 6, 0, tzinfo=UTC)


def test_a_day_put_out_of_order_is_refused_in_the_trainers_language(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"], ["C"]], trainer=trainer)
    login(trainer)
    response = client.post(f"/courses/{course.slug}/manage/days/2", data={"date": "2026-11-25", "title_en": "X"},
                           headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "День 2 должен идти раньше дня 3 (25 ноября 2026\u202fг.)." in response.text
    db.session.expire_all()
    assert _dates(course)[1] == date(2026, 11, 24) and not course.days[1].translations[1:]


def test_a_day_moved_in_its_form_takes_its_opening_time_and_session_along(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"]], trainer=trainer)
    course.days[1].opens_at = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # 09:00 in Baku
    session = _live_module(course.days[1], datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    db.session.commit()
    login(trainer)
    form = client.get(f"/courses/{course.slug}/manage/days/2").text
    assert 'value="2026-11-24"' in form and 'value="2026-11-24T09:00"' in form
    response = client.post(f"/courses/{course.slug}/manage/days/2", data={
        "date": "2026-12-01", "opens_at": "2026-11-24T09:00", "title_en": "Trends"})  # saved as the form showed it
    assert response.status_code == 302
    db.session.expire_all()
    day = course.days[1]
    assert day.date == date(2026, 12, 1) and day.opens_at == datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    assert session.starts_at == datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
    again = client.post(f"/courses/{course.slug}/manage/days/2", data={
        "date": "2026-12-01", "opens_at": "2026-12-01T09:00", "title_en": "Trends"})  # saved again, unchanged
    assert again.status_code == 302 and session.starts_at == datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def test_the_schedule_page_previews_then_applies(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"]], trainer=trainer)
    login(trainer)
    page = client.get(f"/courses/{course.slug}/manage/schedule", headers={"Accept-Language": "az"})
    assert page.status_code == 200 and "Çərşənbə axşamı" in page.text  # Tuesday, among the weekday boxes
    rule = {"first": "2027-03-01", "weekdays": ["1", "3"], "until": "2027-03-12", "count": "",
            "skip": "2027-03-09\n", "opens_at": "10:00"}
    preview = client.post(f"/courses/{course.slug}/manage/schedule", data={**rule, "preview": "1"},
                          headers={"Accept-Language": "en"})
    assert preview.status_code == 200
    assert "Tuesday, March 2, 2027" in preview.text and "Thursday, March 11, 2027" in preview.text
    assert "2 days move" in preview.text and "1 day is added" in preview.text
    assert 'name="apply"' in preview.text
    db.session.expire_all()
    assert _dates(course) == [date(2026, 11, 23), date(2026, 11, 24)]  # a preview changes nothing

    applied = client.post(f"/courses/{course.slug}/manage/schedule", data={**rule, "apply": "1"})
    assert applied.status_code == 302
    db.session.expire_all()
    assert _dates(course) == [date(2027, 3, 2), date(2027, 3, 4), date(2027, 3, 11)]
    assert course.days[0].opens_at == datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 10:00 in Baku


def test_the_schedule_page_explains_bad_rules_in_the_trainers_language(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"]], trainer=trainer)
    login(trainer)
    url = f"/courses/{course.slug}/manage/schedule"
    ru = {"Accept-Language": "ru"}
    bad_date = client.post(url, data={"first": "2027-03-01", "count": "2", "skip": "8 марта", "preview": "1"},
                           headers=ru)
    assert bad_date.status_code == 400 and "«8» — не дата в виде 2027-03-08." in bad_date.text
    no_end = client.post(url, data={"first": "2027-03-01", "count": "", "preview": "1"}, headers=ru)
    assert no_end.status_code == 400
    assert "Укажите последнюю возможную дату, число дней или и то и другое." in no_end.text
    too_many = client.post(url, data={"first": "2027-01-01", "until": "2027-12-31", "preview": "1"}, headers=ru)
    assert too_many.status_code == 400 and "больше 200 дат" in too_many.text
    no_date = client.post(url, data={"first": "2027-03-03", "weekdays": ["1"], "until": "2027-03-05", "preview": "1"},
                          headers=ru)  # a Wednesday to a Friday, on Tuesdays only
    assert no_date.status_code == 400 and "Расписание не даёт ни одной даты." in no_date.text
    removes_modules = client.post(url, data={"first": "2027-03-01", "count": "1", "apply": "1"}, headers=ru)
    assert removes_modules.status_code == 400 and "в дне 2 есть модули" in removes_modules.text
    db.session.expire_all()
    assert len(course.days) == 2 and course.days[1].modules


def test_a_learner_between_two_meetings_sees_the_next_day_and_may_still_enrol(client, make_user, login,
                                                                             make_course, frozen_clock):
    course = make_course(days=[["A"], ["B"]], status=CourseStatus.PUBLISHED)
    scheduling.apply_schedule(course, [date(2026, 11, 24), date(2026, 12, 15)], opens_at=None)
    db.session.commit()
    frozen_clock(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))  # day 1 plus two days is long past
    login(make_user(Role.LEARNER))
    page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"})
    assert "November 24, 2026 – December 15, 2026" in page.text
    assert "Tuesday, December 15, 2026" in page.text
    assert client.post(f"/courses/{course.slug}/enrol").status_code == 302
    frozen_clock(datetime(2026, 12, 15, 8, 0, tzinfo=UTC))
    today = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert today.count("Today") >= 1


def test_rescheduling_after_learners_used_the_days_keeps_their_records(client, make_user, login, make_course):
    trainer, learner = make_user(Role.TRAINER), make_user(Role.LEARNER)
    course = make_course(days=[["A"], []], trainer=trainer)
    session = _live_module(course.days[1], datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    enrollment = courses.enrol(learner, course)
    courses.complete_by_hand(enrollment, course.days[0].modules[0], datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    live.record_join(session, learner, enrollment, datetime(2026, 11, 24, 6, 5, tzinfo=UTC))
    db.session.commit()
    login(trainer)
    rule = {"first": "2026-11-23", "weekdays": ["0", "3"], "count": "2", "apply": "1"}  # Mondays and Thursdays
    for _ in range(2):  # applied, then applied again unchanged: the second time nothing moves
        assert client.post(f"/courses/{course.slug}/manage/schedule", data=rule).status_code == 302
        db.session.expire_all()
        assert _dates(course) == [date(2026, 11, 23), date(2026, 11, 26)]
        assert session.starts_at == datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
    progress = client.get(f"/admin/courses/{course.slug}/progress", headers={"Accept-Language": "en"}).text
    assert learner.name in progress and "100%" in progress  # the lesson and the attendance still count
