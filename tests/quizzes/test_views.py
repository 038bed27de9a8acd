"""Taking a quiz through the pages and the autosave endpoint."""
import re
import threading
from datetime import timedelta

from sqlalchemy import select

from config import TestConfig
from lms import create_app
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Answer, Attempt, AttemptState, Question
from tests.conftest import PASSWORD
from tests.courses.test_query_count import counting_statements
from tests.quizzes.conftest import NOW, right_answers


def begin(client, login, quiz_world, frozen_clock):
    frozen_clock(NOW)
    course, quiz, enrollment = quiz_world
    login(enrollment.user)
    response = client.post(f"/quizzes/{quiz.id}/start")
    assert response.status_code == 302
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == enrollment.user_id))
    assert response.headers["Location"] == f"/quizzes/attempts/{attempt.id}"
    return attempt


def autosave(client, attempt, question_id, fields):
    return client.post(f"/quizzes/attempts/{attempt.id}/answers", json={"question": question_id, "fields": fields})


def test_the_start_page_says_the_rules(client, login, quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes = 15
    db.session.commit()
    login(enrollment.user)
    page = client.get(f"/quizzes/{quiz.id}/", headers={"Accept-Language": "ru"}).text
    assert "4 вопроса" in page and "Ограничение времени: 15 минут." in page
    assert "оно идёт, даже если связь пропала" in page


def test_correct_answers_never_reach_the_page(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    html = "".join(client.get(f"/quizzes/attempts/{attempt.id}?page={page}").text for page in (1, 2))
    assert "281" not in html and "credit" not in html  # the numeric key, or any credit
    assert not re.search(r"persons?\b", html.split("IDP stands for")[1][:200])  # accepted short answers


def test_autosave_then_a_new_app_instance_shows_the_answers(client, login, quiz_world, frozen_clock, database_url):
    attempt = begin(client, login, quiz_world, frozen_clock)
    first = attempt.layout[0]["question"]
    choice = attempt.layout[0]["choices"][1]
    saved = autosave(client, attempt, first, {f"q{first}": [str(choice)]})
    assert saved.status_code == 200 and saved.json["saved"] is True
    restarted = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url)  # "the server restarted"
    other_client = restarted.test_client()
    other_client.post("/auth/login", data={"email": quiz_world[2].user.email, "password": PASSWORD})
    page = other_client.get(f"/quizzes/attempts/{attempt.id}").text
    assert f'value="{choice}"\n               checked' in page or re.search(rf'value="{choice}"\s+checked', page)
    with restarted.app_context():
        db.engine.dispose()


def test_without_javascript_each_page_submit_saves(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    answers = right_answers(attempt)
    first, second = (entry["question"] for entry in attempt.layout[:2])
    form = {}
    for question_id in (first, second):
        response = answers[question_id]
        value = response.get("choice") or response.get("text") or response.get("value")
        form[f"q{question_id}"] = str(value)
    moved = client.post(f"/quizzes/attempts/{attempt.id}?page=1", data={**form, "go": "next"})
    assert moved.headers["Location"] == f"/quizzes/attempts/{attempt.id}?page=2"
    assert {a.question_id for a in attempt.answers} == {first, second}


def test_submit_grades_once_and_review_shows_the_score(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    for question_id, response in right_answers(attempt).items():
        entry = next(e for e in attempt.layout if e["question"] == question_id)
        question = db.session.get(Question, question_id)
        value = response.get("choice") or response.get("text") or response.get("value")
        assert autosave(client, attempt, question_id, {f"q{question_id}": [str(value)]}).status_code == 200, (
            question.kind, entry)
    assert client.post(f"/quizzes/attempts/{attempt.id}/submit").status_code == 302
    assert client.post(f"/quizzes/attempts/{attempt.id}/submit").status_code == 302  # a second tab
    assert attempt.state is AttemptState.SUBMITTED and attempt.score == 4.0
    review = client.get(f"/quizzes/attempts/{attempt.id}/review", headers={"Accept-Language": "az"}).text
    assert "Bal: 4 baldan 4 (100%)" in review and "Keçildi." in review
    late = autosave(client, attempt, attempt.layout[0]["question"], {})
    assert late.status_code == 409


def test_answers_after_the_deadline_are_refused_and_the_attempt_closes(client, login, quiz_world, frozen_clock):
    _, quiz, _ = quiz_world
    quiz.time_limit_minutes = 10
    db.session.commit()
    attempt = begin(client, login, quiz_world, frozen_clock)
    question = attempt.layout[0]["question"]
    frozen_clock(NOW + timedelta(minutes=10, seconds=29))
    assert autosave(client, attempt, question, {}).status_code == 200  # within the grace
    frozen_clock(NOW + timedelta(minutes=11))
    late = autosave(client, attempt, question, {}, )
    assert late.status_code == 409 and late.json["error"] == "closed"
    assert attempt.state is AttemptState.SUBMITTED
    assert client.get(f"/quizzes/attempts/{attempt.id}").headers["Location"].endswith("/review")


def test_another_learner_cannot_read_or_write_my_attempt(client, login, quiz_world, frozen_clock, make_user):
    attempt = begin(client, login, quiz_world, frozen_clock)
    client.post("/auth/logout")
    other = make_user()
    courses.enrol(other, quiz_world[0])
    db.session.commit()
    login(other)
    for response in (client.get(f"/quizzes/attempts/{attempt.id}"),
                     client.get(f"/quizzes/attempts/{attempt.id}/review"),
                     client.post(f"/quizzes/attempts/{attempt.id}/submit"),
                     autosave(client, attempt, attempt.layout[0]["question"], {})):
        assert response.status_code == 404
    assert attempt.state is AttemptState.IN_PROGRESS and attempt.answers == []


def test_a_signed_out_autosave_is_401_with_the_way_back(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    client.post("/auth/logout")
    response = autosave(client, attempt, attempt.layout[0]["question"], {})
    assert response.status_code == 401 and response.json["error"] == "signed_out"
    assert response.json["login"] == f"/auth/login?next=/quizzes/attempts/{attempt.id}"


def test_a_forged_answer_is_a_clean_400(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    first = attempt.layout[0]["question"]
    for payload in ({"question": first, "fields": {f"q{first}": ["999999"]}},
                    {"question": 123456, "fields": {}},
                    {"question": first, "fields": "x"},
                    {"question": first, "fields": {f"q{first}": 7}},  # a number where a list belongs
                    True, [first], "text"):  # JSON, but not an object (found by tests/test_fuzz_forms.py)
        response = client.post(f"/quizzes/attempts/{attempt.id}/answers", json=payload)
        assert response.status_code == 400 and response.json["error"] == "invalid"
    assert attempt.answers == []


def test_trainers_preview_but_do_not_take_quizzes(client, login, quiz_world, make_user):
    course, quiz, _ = quiz_world
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role="trainer")
    db.session.commit()
    login(trainer)
    page = client.get(f"/quizzes/{quiz.id}/", headers={"Accept-Language": "en"}).text
    assert "Only learners take quizzes" in page
    assert client.post(f"/quizzes/{quiz.id}/start").status_code == 403


def test_trainer_imports_gift_and_sees_every_problem(client, login, make_user, make_course):
    import io
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    login(trainer)
    bad = client.post(f"/courses/{course.slug}/manage/questions", data={
        "file": (io.BytesIO(b"A {T}\n\nB {=x ~y\n"), "q.gift"), "fmt": "gift", "language": "en"},
        content_type="multipart/form-data", headers={"Accept-Language": "ru"})
    assert bad.status_code == 400 and "Строка 3: Ответы не закрыты символом «}»." in bad.text
    good = client.post(f"/courses/{course.slug}/manage/questions", data={
        "file": (io.BytesIO(b"::a::A {T}\n\n::b::B {=x ~y}\n"), "q.gift"), "fmt": "gift", "language": "en"},
        content_type="multipart/form-data")
    assert good.status_code == 302
    translated = client.post(f"/courses/{course.slug}/manage/questions", data={
        "file": (io.BytesIO("::a::А {T}\n\n::b::Б {=икс ~игрек}\n".encode()), "q.gift"), "fmt": "gift",
        "language": "ru", "as_translation": "y"}, content_type="multipart/form-data")
    assert translated.status_code == 302
    exported = client.get(f"/courses/{course.slug}/manage/questions/export.gift?language=ru").text
    assert "::b::Б {=икс ~игрек}" in exported


def test_trainer_sees_results_item_analysis_and_csv(client, login, quiz_world, make_user, frozen_clock):
    course, quiz, enrollment = quiz_world
    enrollment.user.name = "Gülşən İsmayılova"
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    for question_id, response in list(right_answers(attempt).items())[:3]:
        quizzes.save_answer(attempt, question_id, response, NOW)
    quizzes.submit_attempt(attempt, NOW)
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role="trainer")
    db.session.commit()
    login(trainer)
    module_id = quiz.module_id
    page = client.get(f"/courses/{course.slug}/manage/quizzes/{module_id}/results", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "75%" in page.text and "Gülşən İsmayılova" in page.text
    rights = re.findall(r"<td>(\d+)</td><td>(\d+%)</td>", page.text)
    assert sorted(share for _, share in rights) == ["0%", "100%", "100%", "100%"]
    csv = client.get(f"/courses/{course.slug}/manage/quizzes/{module_id}/results.csv",
                     headers={"Accept-Language": "ru"})
    text = csv.data.decode("utf-8")
    assert text.startswith("\ufeffИмя,")
    assert "Gülşən İsmayılova" in text and ",75.0" in text
    learner_view = client.application.test_client()
    learner_view.post("/auth/login", data={"email": enrollment.user.email, "password": PASSWORD})
    assert learner_view.get(f"/courses/{course.slug}/manage/quizzes/{module_id}/results").status_code == 403


def test_fixing_a_question_translates_it_and_regrades(client, login, quiz_world, make_user):
    course, quiz, enrollment = quiz_world
    tf = next(slot.question for slot in quiz.slots if slot.question.kind.value == "true_false")
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    quizzes.save_answer(attempt, tf.id, {"choice": tf.choices[0].id}, NOW)  # "True"
    quizzes.submit_attempt(attempt, NOW)
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role="trainer")
    db.session.commit()
    login(trainer)
    url = f"/courses/{course.slug}/manage/questions/{tf.id}"
    form = client.get(url, headers={"Accept-Language": "en"}).text
    assert "A migrant has always crossed a border." in form
    true, false = tf.choices
    data = {"points": "2", "text_en": "A migrant has not always crossed a border.", "feedback_en": "",
            "text_ru": "Мигрант не обязательно пересекал границу.", "feedback_ru": "",
            "text_az": "", "feedback_az": "", f"c{true.id}_credit": "100", f"c{false.id}_credit": "0"}
    saved = client.post(url, data=data, headers={"Accept-Language": "en"})
    assert saved.status_code == 302
    assert "1 attempt was regraded" in client.get(saved.headers["Location"], headers={"Accept-Language": "en"}).text
    assert (attempt.score, attempt.max_score) == (2.0, 5.0)  # now right, and worth two of five points
    assert {t.locale for t in tf.translations} == {"en", "ru"}
    refused = client.post(url, data={**data, "text_en": ""}, headers={"Accept-Language": "ru"})
    assert refused.status_code == 400
    assert "У вопроса должен быть текст на языке оригинала курса." in refused.text


def test_trainer_types_questions_instead_of_uploading(client, login, make_user, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    login(trainer)
    typed = client.post(f"/courses/{course.slug}/manage/questions", data={
        "text": "::Refugee::Who is protected by the 1951 Convention? {=Refugees ~Tourists}", "fmt": "gift",
        "language": "en"})
    assert typed.status_code == 302
    assert db.session.scalar(select(Question.title).where(Question.course_id == course.id)) == "Refugee"
    empty = client.post(f"/courses/{course.slug}/manage/questions", data={"fmt": "gift", "language": "en"},
                        headers={"Accept-Language": "ru"})
    assert empty.status_code == 400 and "Выберите файл или введите вопросы." in empty.text


def test_the_attempt_page_shows_a_question_corrected_meanwhile(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    assert "Who is protected by the 1951 Convention?" in client.get(f"/quizzes/attempts/{attempt.id}").text
    question = db.session.get(Question, attempt.layout[0]["question"])
    question.translations[0].text = "Whom does the 1951 Refugee Convention protect?"
    db.session.commit()
    page = client.get(f"/quizzes/attempts/{attempt.id}").text
    assert "Whom does the 1951 Refugee Convention protect?" in page and "Who is protected" not in page


def test_an_answer_sent_while_another_tab_submits_is_refused_not_left_out(client, login, quiz_world,
                                                                           frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    question, choice = attempt.layout[0]["question"], attempt.layout[0]["choices"][0]
    assert quizzes.submit_attempt(attempt, NOW)  # the other tab's submit: graded, not committed yet
    answered = []
    sender = threading.Thread(target=lambda: answered.append(
        autosave(client, attempt, question, {f"q{question}": [str(choice)]})))
    sender.start()
    sender.join(timeout=0.5)
    assert sender.is_alive(), "the answer did not wait for the submit"
    db.session.commit()
    sender.join(timeout=10)
    assert answered[0].status_code == 409 and answered[0].json["error"] == "closed"
    assert db.session.scalar(select(Answer).where(Answer.attempt_id == attempt.id)) is None


def test_starting_and_submitting_cost_the_same_for_4_or_16_questions(client, login, quiz_world, frozen_clock):
    course, small, enrollment = quiz_world
    module = courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Long", "body": ""}})
    extra = question_import.import_questions(course, "\n\n".join(
        f"::E{n}:: Which answer is number {n % 4 + 1}? {{=Answer {n % 4 + 1} ~Answer 9 ~Answer 8}}"
        for n in range(12)), "gift")
    large = quizzes.quiz_for(module)
    quizzes.set_questions(large, [slot.question_id for slot in small.slots] + [q.id for q in extra])
    db.session.commit()
    frozen_clock(NOW)
    login(enrollment.user)
    counts = []
    for quiz in (small, large):
        with counting_statements() as started:
            client.post(f"/quizzes/{quiz.id}/start")
        attempt = db.session.scalar(select(Attempt).where(Attempt.quiz_id == quiz.id))
        for entry in attempt.layout:  # the last choice: below the pass mark in both, so both take one path
            autosave(client, attempt, entry["question"], {f"q{entry['question']}": [str(entry["choices"][-1])]})
        with counting_statements() as submitted:
            client.post(f"/quizzes/attempts/{attempt.id}/submit")
        assert db.session.get(Attempt, attempt.id).state is AttemptState.SUBMITTED
        counts.append((len(started), len(submitted)))
    assert counts[0] == counts[1], f"(start, submit) statements: {counts[0]} for 4 questions, {counts[1]} for 16"


def test_two_autosaves_arriving_in_reverse_order_keep_the_newer(client, login, quiz_world, frozen_clock):
    """The page sent "Tourists" then "Refugees"; two workers took them and the older came last."""
    attempt = begin(client, login, quiz_world, frozen_clock)
    entry = attempt.layout[0]
    question, (first, second) = entry["question"], entry["choices"][:2]

    def save(choice, sequence):
        return client.post(f"/quizzes/attempts/{attempt.id}/answers", json={
            "question": question, "fields": {f"q{question}": [str(choice)]}, "sequence": sequence})

    newer = save(second, 2)
    older = save(first, 1)
    assert newer.status_code == older.status_code == 200
    assert older.json["sequence"] == 2  # the page learns the server kept its newer save
    answer = db.session.scalar(select(Answer).where(Answer.attempt_id == attempt.id))
    assert answer.response == {"choice": second} and answer.sequence == 2
    page = client.get(f"/quizzes/attempts/{attempt.id}").text
    assert f'data-question="{question}" data-sequence="2"' in page  # the page counts on from there
    assert save(first, 3).status_code == 200
    db.session.expire_all()
    assert db.session.get(Answer, answer.id).response == {"choice": first}


def test_a_sequence_that_is_not_a_count_is_refused(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    question = attempt.layout[0]["question"]
    for sequence in ("2", 1.5, -1, 2**40, True):
        response = client.post(f"/quizzes/attempts/{attempt.id}/answers", json={
            "question": question, "fields": {}, "sequence": sequence})
        assert response.status_code == 400, sequence


def test_one_rounding_on_the_page_and_in_the_csv(client, login, make_user, quiz_world, frozen_clock):
    """The page said "3,583 из 8" and the CSV 44.8 for the same attempt."""
    course, quiz, enrollment = quiz_world
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    quizzes.submit_attempt(attempt, NOW)
    attempt.score, attempt.max_score = 3.58333, 8.0
    db.session.commit()
    login(enrollment.user)
    review = client.get(f"/quizzes/attempts/{attempt.id}/review", headers={"Accept-Language": "ru"}).text
    assert "3,58" in review and "3,583" not in review and "44,8\xa0%" in review
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role="trainer")
    db.session.commit()
    client.post("/auth/logout")
    login(trainer)
    text = client.get(f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}/results.csv").data.decode("utf-8-sig")
    assert text.splitlines()[1].endswith(",3.58,8.0,44.8")
    page = client.get(f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}/results",
                      headers={"Accept-Language": "en"}).text
    assert "44.8%" in page


def test_an_autosave_takes_the_questions_kind_from_the_content_cache(client, login, quiz_world, frozen_clock):
    attempt = begin(client, login, quiz_world, frozen_clock)
    attempt_id, (first, second) = attempt.id, attempt.layout[:2]
    url = f"/quizzes/attempts/{attempt_id}/answers"

    def first_choice(entry: dict) -> dict:
        return {"question": entry["question"], "fields": {f"q{entry['question']}": [str(entry["choices"][0])]}}

    client.post(url, json=first_choice(first))  # the question texts are now in the cache
    with counting_statements() as statements:
        saved = client.post(url, json=first_choice(second))
    assert saved.status_code == 200 and saved.json["saved"] is True
    # The user (with the content version), the attempt, its hold, the answer looked up and inserted.
    assert not [s for s in statements if "FROM questions" in s], statements
    assert len(statements) <= 5, "\n".join(statements)
    stored = db.session.scalar(select(Answer).where(Answer.attempt_id == attempt_id,
                                                    Answer.question_id == second["question"]))
    assert stored.response


def test_a_withdrawn_learner_can_neither_open_nor_start_the_quiz_at_the_next_request(
        client, login, quiz_world, frozen_clock, make_user):
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    login(enrollment.user)
    start_page = f"/quizzes/{quiz.id}/"
    with counting_statements() as opened:
        assert client.get(start_page).status_code == 200
    # the quiz (with its module, day and course) and the learner's enrolment are read in one statement
    enrolment_reads = [s for s in opened if " enrollments" in s]
    assert len(enrolment_reads) == 1 and "quizzes.id = " in enrolment_reads[0], opened
    courses.withdraw(make_user(Role.ADMIN), enrollment, NOW)
    db.session.commit()
    assert client.get(start_page).status_code == 403
    assert client.post(f"/quizzes/{quiz.id}/start").status_code == 403
    assert db.session.scalar(select(Attempt).where(Attempt.user_id == enrollment.user_id)) is None
