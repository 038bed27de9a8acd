"""The two surveys a trainer can start from: end-of-course evaluation and end-of-day feedback.

Their texts are messages in the translation catalogue, so translators keep them with everything else;
a starter is written into a survey in all three languages at once and then belongs to the course.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from lms.i18n import LANGUAGES
from lms.surveys.models import QuestionKind, SurveyPurpose


@dataclass(frozen=True)
class StarterQuestion:
    kind: QuestionKind
    prompt: LazyString
    options: tuple[LazyString, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Starter:
    name: str
    label: LazyString
    purpose: SurveyPurpose
    questions: tuple[StarterQuestion, ...]


END_OF_COURSE = Starter("end_of_course", _l("End-of-course evaluation"), SurveyPurpose.END_OF_COURSE, (
    StarterQuestion(QuestionKind.RATING, _l("Overall, how satisfied are you with the course?")),
    StarterQuestion(QuestionKind.RATING, _l("How useful is what you learned for your work?")),
    StarterQuestion(QuestionKind.RATING, _l("How well was the course organised?")),
    StarterQuestion(QuestionKind.TRAINERS, _l("How would you rate each trainer?")),
    StarterQuestion(QuestionKind.COURSE_SESSIONS, _l("How would you rate each live session?")),
    StarterQuestion(QuestionKind.SINGLE, _l("Was the course the right length?"),
                    (_l("Too short"), _l("About right"), _l("Too long"))),
    StarterQuestion(QuestionKind.MULTIPLE, _l("Which parts helped you most?"),
                    (_l("Lessons"), _l("Quizzes"), _l("Live sessions"), _l("Discussions with colleagues"))),
    StarterQuestion(QuestionKind.RECOMMEND, _l("How likely are you to recommend this course to a colleague?")),
    StarterQuestion(QuestionKind.TEXT, _l("What should we change in the next edition?"), required=False),
    StarterQuestion(QuestionKind.TEXT, _l("Is there anything else you would like to tell us?"), required=False),
))

END_OF_DAY = Starter("end_of_day", _l("End-of-day feedback"), SurveyPurpose.END_OF_DAY, (
    StarterQuestion(QuestionKind.RATING, _l("How satisfied are you with today?")),
    StarterQuestion(QuestionKind.DAY_SESSIONS, _l("How would you rate today's live sessions?")),
    StarterQuestion(QuestionKind.SINGLE, _l("Was today's pace right?"),
                    (_l("Too slow"), _l("About right"), _l("Too fast"))),
    StarterQuestion(QuestionKind.TEXT, _l("What was most useful today?"), required=False),
    StarterQuestion(QuestionKind.TEXT, _l("What was unclear, or should be improved?"), required=False),
))

STARTERS = {starter.name: starter for starter in (END_OF_COURSE, END_OF_DAY)}


def texts_in_every_language(question: StarterQuestion) -> dict[str, dict]:
    """The question's prompt and options as {locale: {"prompt", "options"}}, from the catalogue."""
    texts = {}
    for locale in LANGUAGES:
        with force_locale(locale):
            texts[locale] = {"prompt": str(question.prompt), "options": [str(option) for option in question.options]}
    return texts
