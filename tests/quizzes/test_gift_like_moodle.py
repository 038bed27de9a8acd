"""GIFT as Moodle reads it: weights, "any other answer", glued questions, distractors, line numbers,
the missing word's spacing, translations without titles, and importing what can be imported."""
from sqlalchemy import select

from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.gift import parse_gift, write_gift
from lms.quizzes.grading import Kind, grade
from lms.quizzes.models import Question


def _codes(result):
    return [(problem.line, problem.code) for problem in result.problems]


def test_a_short_answer_weighted_zero_earns_nothing(make_course):
    course = make_course()
    [question] = question_import.import_questions(course, "::Q::Capital of Azerbaijan? {=Baku =%0%Ganja#No.}", "gift")
    key = quizzes.question_key(question)
    assert [c.credit for c in question.choices] == [1.0, 0.0]
    assert grade(key, {"text": "Ganja"}) == 0.0 and grade(key, {"text": "baku"}) == 1.0


def test_a_star_is_any_other_short_answer(make_course):
    course = make_course()
    [question] = question_import.import_questions(
        course, "::Q::Who signs the Convention? {=States =%50%Governments =%0%*#Think of who ratifies it.}", "gift")
    key = quizzes.question_key(question)
    assert grade(key, {"text": "States"}) == 1.0
    assert grade(key, {"text": "governments"}) == 0.5
    assert grade(key, {"text": "NGOs"}) == 0.0  # the catch-all is worth nothing here, but has feedback
    assert question.choices[2].translations[0].feedback == "Think of who ratifies it."


def test_numeric_any_other_number_with_feedback_is_read_and_written_back():
    result = parse_gift("::N::How many countries took part? {#10:2~#Count the delegations again.}")
    assert result.problems == []
    [question] = result.questions
    assert question.kind is Kind.NUMERIC
    assert [(c.value, c.tolerance, c.credit, c.feedback) for c in question.choices] == [
        (10.0, 2.0, 1.0, ""), (None, 0.0, 0.0, "Count the delegations again.")]
    again = parse_gift(write_gift([question]))
    assert again.problems == [] and [c.feedback for c in again.questions[0].choices][1] == \
        "Count the delegations again."


def test_weights_moodle_refuses_are_refused_on_their_line():
    source = "::A::Which are push factors?\n{\n~%50%Conflict\n~%150%Drought\n~%abc%Wages\n}"
    result = parse_gift(source)
    assert _codes(result) == [(4, "weight")]
    assert result.problems[0].detail == "%150%"
    assert _codes(parse_gift("::B::Pick {~%abc%One ~%100%Two}")) == [(1, "weight")]
    assert parse_gift("::C::Pick {~%33.33333%A ~%33.33333%B ~%33.33333%C ~%-100%D}").problems == []


def test_two_questions_without_a_blank_line_are_refused_never_merged():
    source = "::One::First question? {=Yes ~No}\n::Two::Second question? {=Yes ~No}\n"
    result = parse_gift(source)
    assert result.questions == [] and _codes(result) == [(2, "two_questions")]


def test_a_matching_distractor_is_refused_with_its_line_and_can_be_left_out(make_course):
    source = ("::Good::Capital? {=Baku}\n\n"
              "::M::Match the terms.\n{\n=Refugee -> Convention 1951\n=IDP -> Guiding Principles\n= -> Chat\n}\n\n"
              "::E::Describe a migration route. {}\n")
    result = parse_gift(source)
    assert _codes(result) == [(7, "matching_distractor")]  # the essay is read: a trainer grades it
    course = make_course()
    imported, skipped = question_import.import_supported_questions(course, source, "gift")
    assert [q.title for q in imported] == ["Good", "E"]
    assert [(p.line, p.code) for p in skipped] == [(7, "matching_distractor")]


def test_the_missing_word_keeps_its_spacing():
    [question] = parse_gift("::W::Migrants cross a {=border}.").questions
    assert question.text == "Migrants cross a _____."
    [other] = parse_gift("::X::The {=1951} Convention protects refugees.").questions
    assert other.text == "The _____ Convention protects refugees."


def test_translations_without_titles_are_matched_by_position(make_course):
    course = make_course()
    question_import.import_questions(
        course, "Who is a refugee?\nA. A person fleeing persecution\nB. A tourist\nANSWER: A\n\n"
                "What is an IDP?\nA. Displaced abroad\nB. Displaced at home\nANSWER: B\n", "aiken")
    count = question_import.import_translations(
        course, "Кто такой беженец?\nA. Человек, спасающийся от преследования\nB. Турист\nANSWER: A\n\n"
                "Что такое ВПЛ?\nA. Перемещённый за границу\nB. Перемещённый внутри страны\nANSWER: B\n",
        "aiken", "ru")
    assert count == 2
    texts = [next(t.text for t in q.translations if t.locale == "ru")
             for q in course_questions(course)]
    assert texts == ["Кто такой беженец?", "Что такое ВПЛ?"]


def test_duplicate_titles_in_a_translation_are_refused(make_course):
    course = make_course()
    question_import.import_questions(course, "::T::One? {=A ~B}\n\n::U::Two? {=A ~B}", "gift")
    try:
        question_import.import_translations(course, "::T::Один? {=А ~Б}\n\n::T::Два? {=А ~Б}", "gift", "ru")
    except question_import.ImportFailed as failed:
        assert [(p.line, p.code) for p in failed.problems] == [(3, "duplicate_title")]
    else:
        raise AssertionError("a duplicate title was accepted")


def test_the_upload_page_can_leave_out_what_it_cannot_import(client, login, make_user, make_course):
    from lms.auth.models import Role
    from lms.courses import services as courses
    from lms.courses.models import CourseRole
    from lms.extensions import db
    course = make_course()
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    login(trainer)
    text = "::Good::Capital? {=Baku}\n\n::D::Read the case below before you answer.\n"
    url = f"/courses/{course.slug}/manage/questions"
    refused = client.post(url, data={"text": text, "fmt": "gift", "language": "en"}, headers={"Accept-Language": "ru"})
    assert refused.status_code == 400 and course_questions(course) == []
    taken = client.post(url, data={"text": text, "fmt": "gift", "language": "en", "skip_unsupported": "y"},
                        headers={"Accept-Language": "ru"})
    assert taken.status_code == 302
    page = client.get(taken.headers["Location"], headers={"Accept-Language": "ru"}).text
    assert "строка 3" in page.lower() and "описания не импортируются" in page
    assert [q.title for q in course_questions(course)] == ["Good"]


def test_the_cli_can_skip_unsupported_questions(runner, make_course, tmp_path):
    course = make_course()
    path = tmp_path / "questions.gift"
    path.write_text("::Good::Capital? {=Baku}\n\n::D::Read the case below.\n", encoding="utf-8")
    refused = runner.invoke(args=["lms", "import-questions", course.slug, str(path)])
    assert refused.exit_code == 1
    taken = runner.invoke(args=["lms", "import-questions", course.slug, str(path), "--skip-unsupported"])
    assert taken.exit_code == 0 and "skipped, line 3: No answers in braces { } — descriptions are not imported." \
        in taken.output


def course_questions(course):
    from lms.extensions import db
    return list(db.session.scalars(select(Question).where(Question.course_id == course.id).order_by(Question.id)))
