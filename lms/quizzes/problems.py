"""What each problem an import finds means, in the reader's language."""
from __future__ import annotations

from flask_babel import gettext as _

from lms.quizzes.gift import Problem


def problem_message(problem: Problem) -> str:
    """A sentence saying what is wrong on the problem's line."""
    messages = {
        "empty": _("The file has no questions."),
        "title": _("The question title is not closed with “::”."),
        "no_answers": _("No answers in braces { } — descriptions are not imported."),
        "unclosed": _("The answers are not closed with “}”."),
        "no_text": _("The question has no text."),
        "syntax": _("The answers cannot be read: %(detail)s", detail=problem.detail),
        "no_correct": _("No answer is marked right (“=”) or given a positive weight."),
        "empty_answer": _("An answer is empty."),
        "matching": _("A matching question needs at least two pairs written “=left -> right”."),
        "number": _("“%(detail)s” is not a number, a number with a tolerance or a range.", detail=problem.detail),
        "aiken_options": _("An Aiken question needs at least two options (A., B., ...)."),
        "aiken_answer": _("The answer letter %(detail)s is not one of the options.", detail=problem.detail),
        "aiken_no_answer": _("The question has no “ANSWER:” line."),
        "aiken_line": _("This line is neither an option nor the answer: %(detail)s", detail=problem.detail),
        "unknown_title": _("No question in the bank is titled “%(detail)s”.", detail=problem.detail),
        "different_answers": _("“%(detail)s” has other answers than the question in the bank.",
                               detail=problem.detail),
        "weight": _("The weight %(detail)s is not one Moodle accepts (such as %%100%%, %%50%%, %%33.33333%%, "
                    "%%-50%%).", detail=problem.detail),
        "two_questions": _("A second question starts here without a blank line before it."),
        "matching_distractor": _("A matching answer without a left side (“= -> %(detail)s”) is not supported.",
                                 detail=problem.detail),
        "duplicate_title": _("The title “%(detail)s” is used by more than one question.", detail=problem.detail),
        "position": _("The file has another number of questions than the bank: translations without titles "
                      "are matched by position."),
    }
    return messages.get(problem.code, problem.code)
