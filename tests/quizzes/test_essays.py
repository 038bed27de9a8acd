"""Essays in quizzes: imported from GIFT's "{}", answered in a text box (saved like every answer, kept to
word limits), the attempt "waiting for grading" until a trainer grades it from the queue; then its score,
pass and the module's completion follow, and the learner reads the trainer's comment."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import CourseStatus, ModuleKind, ModuleProgress
from lms.extensions import db
from lms.quizzes import essays, question_import
from lms.quizzes import services as quizzes
from lms.quizzes.grading import Kind
from lms.quizzes.models import Answer, Attempt, Question, ReviewPolicy

GIFT = """
::Q1::Who is protected by the 1951 Convention? {=Refugees ~Tourists ~Investors}

::E::Describe a migration route you know, and one risk on it. {####Name the route and the risk.}
"""
PLAN = "The Balkan route runs through Türkiye and Greece; smugglers put people at risk."


def _world(make_course, make_user):
    trainer = make_user(Role.TRAINER, name="Leyla Trainer", locale="en")
    course = make_course(days=[["Lesson"]], status=CourseStatus.DRAFT, trainer=trainer)
    module = courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Final quiz"}})
    courses.set_status(course, CourseStatus.PUBLISHED)
    question_import.import_questions(course, GIFT, "gift")
    quiz = quizzes.quiz_for(module)
    bank = db.session.scalars(select(Question).where(Question.course_id == course.id).order_by(Question.id)).all()
    quizzes.set_questions(quiz, [q.id for q in bank])
    quizzes.update_quiz(quiz, pass_mark=60, questions_per_page=5, review_policy=ReviewPolicy.SCORE_ONLY)
    learner = make_user(name="Aysel Learner", locale="en")
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    return course, quiz, trainer, learner, enrollment, bank


def answer_comment(question) -> str:
    return db.session.scalar(select(Answer.comment).where(Answer.question_id == question.id))


def _completed(enrollment, quiz) -> bool:
    return db.session.scalar(select(func.count(ModuleProgress.id)).where(
        ModuleProgress.enrollment_id == enrollment.id, ModuleProgress.module_id == quiz.module_id,
        ModuleProgress.completed_at.is_not(None))) == 1


def test_an_essay_waits_for_its_grade_then_scores_passes_and_completes(
        client, login, make_course, make_user, mailbox):
    course, quiz, trainer, learner, enrollment, (choice_question, essay) = _world(make_course, make_user)
    assert essay.kind is Kind.ESSAY and essay.choices == []
    login(learner)
    client.post(f"/quizzes/{quiz.id}/start")
    attempt = db.session.scalar(select(Attempt))
    page = client.get(f"/quizzes/attempts/{attempt.id}").text
    assert f'<textarea name="q{essay.id}"' in page and "A trainer grades this answer." in page
    right = next(c for c in choice_question.choices if c.credit > 0)
    saved = client.post(f"/quizzes/attempts/{attempt.id}/answers",
                        json={"question": essay.id, "fields": {f"q{essay.id}": [PLAN]}, "sequence": 1})
    assert saved.get_json()["saved"] is True
    client.post(f"/quizzes/attempts/{attempt.id}", data={f"q{choice_question.id}": str(right.id),
                                                         f"q{essay.id}": PLAN + "\r\nSecond line."})
    assert db.session.scalar(select(Answer.response).where(Answer.question_id == essay.id)) == {
        "text": PLAN + "\nSecond line."}
    client.post(f"/quizzes/attempts/{attempt.id}/submit")
    review = client.get(f"/quizzes/attempts/{attempt.id}/review").text
    assert "Waiting for grading" in review and "Second line." in review  # their own text, even on "score only"
    assert attempt.score is None and not _completed(enrollment, quiz)
    start = client.get(f"/quizzes/{quiz.id}/").text
    assert "Waiting for grading" in start
    client.post("/auth/logout")

    login(trainer)
    queue = client.get(f"/courses/{course.slug}/manage/grading").text
    assert "Final quiz" in queue and "essay" in queue and "Aysel Learner" in queue
    results = client.get(f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}/results").text
    assert "1 attempt waits for a trainer to grade its written answers" in results
    url = re.search(r'href="(/courses/[^"]+/manage/grading/essays/\d+)"', queue).group(1)
    page = client.get(url).text
    assert "Describe a migration route" in page and "Second line." in page and "15 words" in page
    too_many = client.post(url, data={"points": "3", "comment": "x"})
    assert too_many.status_code == 400 and "Give from 0 to 1 points." in too_many.text
    graded = client.post(url, data={"points": "0.5", "comment": "Name one risk more precisely."})
    assert graded.status_code == 302 and graded.headers["Location"].endswith(f"/courses/{course.slug}/manage/grading")
    assert attempt.score == 1.5 and attempt.max_score == 2 and _completed(enrollment, quiz)  # 75 % ≥ 60 %
    assert "Nothing is waiting for grading." in client.get(f"/courses/{course.slug}/manage/grading").text
    client.post("/auth/logout")

    mailbox.deliver()
    [mail] = [m for m in mailbox if "has been graded" in m["Subject"]]
    assert learner.email in mail["To"] and "1.5 of 2 points" in mail.get_body().get_content()
    login(learner)
    review = client.get(f"/quizzes/attempts/{attempt.id}/review").text
    assert "Score: 1.5 of 2 points (75%)" in review and "Name one risk more precisely." in review
    assert "0.5 of 1 points" in review
    client.post("/auth/logout")

    login(trainer)  # the grade saved again, changed, then unchanged
    regraded = client.post(url, data={"points": "1", "comment": "On second reading: full marks."})
    assert regraded.status_code == 302 and attempt.score == 2
    assert answer_comment(essay) == "On second reading: full marks."
    assert client.post(url, data={"points": "1", "comment": "On second reading: full marks."}).status_code == 302
    assert attempt.score == 2


def test_word_limits_are_shown_kept_on_submit_and_not_when_time_is_up(client, login, make_course, make_user,
                                                                     frozen_clock):
    from datetime import timedelta

    from tests.quizzes.conftest import NOW
    frozen_clock(NOW)
    course, quiz, trainer, learner, enrollment, (_, essay) = _world(make_course, make_user)
    login(trainer)
    edit = f"/courses/{course.slug}/manage/questions/{essay.id}"
    form = client.get(edit).text
    assert 'name="min_words"' in form and "Answers</h2>" not in form
    data = {"points": "1", "text_en": essay.translations[0].text, "min_words": "20", "max_words": "10"}
    refused = client.post(edit, data=data)
    assert refused.status_code == 400 and "cannot be above the maximum" in refused.text
    assert client.post(edit, data={**data, "max_words": "200"}).status_code == 302
    assert client.post(edit, data={**data, "max_words": "200"}).status_code == 302  # saved unchanged
    assert (essay.min_words, essay.max_words) == (20, 200)
    quizzes.update_quiz(quiz, time_limit_minutes=30)
    db.session.commit()
    client.post("/auth/logout")

    login(learner)
    client.post(f"/quizzes/{quiz.id}/start")
    attempt = db.session.scalar(select(Attempt))
    assert "Write from 20 to 200 words." in client.get(f"/quizzes/attempts/{attempt.id}").text
    client.post(f"/quizzes/attempts/{attempt.id}", data={f"q{essay.id}": "Too short."})
    summary = client.get(f"/quizzes/attempts/{attempt.id}/summary").text
    assert "does not keep to its word limits" in summary
    refused = client.post(f"/quizzes/attempts/{attempt.id}/submit")
    assert refused.status_code == 400 and "Question 2: your answer does not keep to its word limits" in refused.text
    assert attempt.submitted_at is None
    frozen_clock(NOW + timedelta(minutes=31))  # time is up: the attempt closes as it stands
    assert client.post(f"/quizzes/attempts/{attempt.id}/submit").status_code == 302
    assert attempt.submitted_at is not None and attempt.score is None  # its essay waits for the trainer


def test_an_empty_essay_has_nothing_to_grade_and_a_trainer_grade_survives_a_regrade(
        client, login, make_course, make_user):
    course, quiz, trainer, learner, enrollment, (choice_question, essay) = _world(make_course, make_user)
    attempt = quizzes.start_attempt(quiz, enrollment, quiz.module.day.course.created_at)
    quizzes.submit_attempt(attempt, course.created_at)
    assert attempt.score == 0 and db.session.scalar(select(func.count(Answer.id))) == 0  # nothing to wait for

    second = quizzes.start_attempt(quiz, enrollment, course.created_at)
    quizzes.save_answer(second, essay.id, {"text": PLAN}, course.created_at)
    quizzes.submit_attempt(second, course.created_at)
    answer = db.session.scalar(select(Answer).where(Answer.attempt_id == second.id))
    essays.grade_written_answer(trainer, answer, points=1, comment="Good", now=course.created_at)
    assert second.score == 1
    quizzes.regrade(choice_question, course.created_at)  # a fix to the other question regrades the attempt
    assert answer.credit == 1 and second.score == 1
    db.session.commit()

    login(make_user(Role.TRAINER))  # a trainer of another course
    assert client.get(f"/courses/{course.slug}/manage/grading/essays/{answer.id}").status_code == 403
    client.post("/auth/logout")
    login(learner)
    assert client.get(f"/courses/{course.slug}/manage/grading/essays/{answer.id}").status_code == 403
    client.post("/auth/logout")
    login(trainer)
    other = make_course(trainer=trainer)
    assert client.get(f"/courses/{other.slug}/manage/grading/essays/{answer.id}").status_code == 404
    choice_answer_url = f"/courses/{course.slug}/manage/grading/essays/{answer.id + 1000}"
    assert client.get(choice_answer_url).status_code == 404


def test_an_essay_may_come_with_a_file(client, login, make_course, make_user):
    import io

    from lms.files.models import StoredFile
    from lms.quizzes.models import AnswerFile
    course, quiz, trainer, learner, enrollment, (_, essay) = _world(make_course, make_user)
    login(trainer)
    edit = f"/courses/{course.slug}/manage/questions/{essay.id}"
    assert client.post(edit, data={"points": "1", "text_en": essay.translations[0].text,
                                   "takes_file": "y"}).status_code == 302
    assert essay.takes_file
    client.post("/auth/logout")

    login(learner)
    client.post(f"/quizzes/{quiz.id}/start")
    attempt = db.session.scalar(select(Attempt))
    page_url = f"/quizzes/attempts/{attempt.id}"
    assert f'name="file-{essay.id}"' in client.get(page_url).text

    def post(**fields):
        return client.post(page_url, data={"go": "stay", **fields}, content_type="multipart/form-data")

    refused = post(**{f"q{essay.id}": "Text kept", f"file-{essay.id}": (io.BytesIO(b"MZ"), "tool.exe")})
    assert refused.status_code == 415 and "“tool.exe” cannot be handed in" in refused.text
    assert db.session.scalar(select(Answer.response).where(Answer.question_id == essay.id)) == {"text": "Text kept"}
    assert post(**{f"file-{essay.id}": (io.BytesIO(b"%PDF first"), "Route map.pdf")}).status_code == 302
    assert post(**{f"file-{essay.id}": (io.BytesIO(b"%PDF second"), "Route map v2.pdf")}).status_code == 302
    (kept,) = db.session.scalars(select(AnswerFile)).all()
    assert kept.filename == "Route map v2.pdf" and db.session.scalar(select(func.count(StoredFile.id))) == 1
    assert "Route map v2.pdf" in client.get(page_url).text
    assert post(**{f"remove-file-{essay.id}": "y"}).status_code == 302
    assert db.session.scalar(select(func.count(AnswerFile.id))) == 0
    post(**{f"q{essay.id}": "", f"file-{essay.id}": (io.BytesIO(b"%PDF final"), "Map.pdf")})
    client.post(f"/quizzes/attempts/{attempt.id}/submit")
    assert attempt.submitted_at is not None and attempt.score is None  # a file alone waits for the trainer
    (kept,) = db.session.scalars(select(AnswerFile)).all()
    assert "Map.pdf" in client.get(f"/quizzes/attempts/{attempt.id}/review").text
    assert client.get(f"/quizzes/answer-files/{kept.id}").data == b"%PDF final"
    refused_late = post(**{f"file-{essay.id}": (io.BytesIO(b"%PDF"), "Late.pdf")})
    assert refused_late.status_code == 302 and db.session.scalar(select(func.count(AnswerFile.id))) == 1
    client.post("/auth/logout")

    login(make_user(name="Another Learner"))
    assert client.get(f"/quizzes/answer-files/{kept.id}").status_code == 404
    client.post("/auth/logout")
    login(trainer)
    queue = client.get(f"/courses/{course.slug}/manage/grading").text
    url = re.search(r'href="(/courses/[^"]+/manage/grading/essays/\d+)"', queue).group(1)
    assert "Map.pdf" in client.get(url).text
    assert client.get(f"/quizzes/answer-files/{kept.id}").data == b"%PDF final"
