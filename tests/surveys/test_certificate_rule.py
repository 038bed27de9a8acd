"""The certificate rule can ask for the end-of-course survey: the receipt counts, never the answers."""
from __future__ import annotations

from sqlalchemy import func, select

from lms.certificates.grounds import certificates_in_doubt
from lms.certificates.models import Certificate
from lms.certificates.services import set_rule
from lms.courses import services as courses
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from lms.surveys import services as surveys
from tests.surveys.conftest import NOW, answer_all


def _certificates() -> int:
    return db.session.scalar(select(func.count(Certificate.id)))


def _do_the_lessons(world, index: int) -> None:
    for day in world.course.days:
        for module in day.modules:
            if module.kind is ModuleKind.LESSON:
                courses.complete_by_hand(world.enrollments[index], module, NOW)
    db.session.commit()


def test_a_trainer_asks_for_the_survey_and_the_certificate_waits_for_it(survey_world, client, login):
    world = survey_world
    courses.update_module(world.module, texts={"en": {"title": "Course evaluation", "body": ""}}, required=False,
                          estimated_minutes=None)
    db.session.commit()
    login(world.trainer)
    saved = client.post(f"/courses/{world.course.slug}/manage/certificates/",
                        data={"all_required_modules": "y", "final_survey_answered": "y"})
    assert saved.status_code == 302
    page = client.get(f"/courses/{world.course.slug}/manage/certificates/")
    assert 'checked id="final_survey_answered"' in page.text

    _do_the_lessons(world, 0)
    assert _certificates() == 0
    assert "end-of-course survey" in client.get(f"/courses/{world.course.slug}/manage/certificates/").text
    answer_all(world, world.learners[:1])
    assert _certificates() == 1


def test_without_an_end_of_course_survey_the_condition_holds_nobody_back(survey_world):
    world = survey_world
    surveys.configure(world.survey, anonymous=True, purpose=world.survey.purpose.OTHER)
    courses.update_module(world.module, texts={"en": {"title": "Feedback", "body": ""}}, required=False,
                          estimated_minutes=None)
    set_rule(world.course, all_required_modules=True, required_quizzes_passed=False, min_attendance_percent=None,
             manual_approval=False, final_survey_answered=True)
    db.session.commit()
    _do_the_lessons(world, 0)
    assert _certificates() == 1


def test_a_survey_module_marked_complete_without_a_receipt_is_in_doubt(survey_world):
    world = survey_world
    _do_the_lessons(world, 0)
    answer_all(world, world.learners[:1])
    assert _certificates() == 1 and certificates_in_doubt() == []
    surveys_receipts = db.session.execute(
        select(ModuleProgress).where(ModuleProgress.module_id == world.module.id)).scalars().all()
    assert len(surveys_receipts) == 1
    from lms.surveys.models import SurveyReceipt
    db.session.execute(SurveyReceipt.__table__.delete())  # as if the completion had been claimed
    db.session.commit()
    doubts = certificates_in_doubt()
    assert [module.id for module in doubts[0].unsupported] == [world.module.id]
