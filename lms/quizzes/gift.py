"""Moodle's GIFT and Aiken question formats: parse into plain questions, and write GIFT back.

Pure functions, no Flask: a parse returns every question it read and every problem it met, each
with its line number; the caller imports nothing unless the problem list is empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lms.quizzes.grading import Kind

# GIFT's escapes become private-use characters while parsing, so that splitting on ~ = # { } :
# never cuts an escaped one; they are turned back into the plain characters at the end.
_ESCAPES = {"\\\\": "\ue006", "\\~": "\ue000", "\\=": "\ue001", "\\#": "\ue002", "\\{": "\ue003",
            "\\}": "\ue004", "\\:": "\ue005", "\\n": "\n"}
_RESTORE = str.maketrans({"\ue006": "\\", "\ue000": "~", "\ue001": "=", "\ue002": "#", "\ue003": "{",
                          "\ue004": "}", "\ue005": ":"})
_WEIGHT = re.compile(r"^%([^%\n]*)%")
# The weights Moodle's GIFT import accepts (and their negatives); any other is refused with its line.
MOODLE_WEIGHTS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                  12.5, 11.11111, 10, 5, 0)
# Question kinds GIFT has and this site does not: with "skip unsupported" they are listed, not imported.
UNSUPPORTED = {"no_answers", "matching_distractor"}
_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"


@dataclass
class ParsedChoice:
    text: str = ""
    credit: float = 0.0
    feedback: str = ""
    match: str = ""
    value: float | None = None
    tolerance: float = 0.0


@dataclass
class ParsedQuestion:
    kind: Kind
    text: str
    line: int
    title: str = ""
    category: str = ""
    feedback: str = ""
    choices: list[ParsedChoice] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    """Something a line of the file does not say right; `code` names it for a translated message."""

    line: int
    code: str
    detail: str = ""


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# --- GIFT ------------------------------------------------------------------------------------

def parse_gift(source: str) -> ParseResult:
    """Every question of a GIFT file (categories, the seven types with essays, weights, feedback, escapes)."""
    result = ParseResult()
    category = ""
    for line, item in _items(source):
        if item.startswith("$CATEGORY:"):
            category = item.removeprefix("$CATEGORY:").strip().translate(_RESTORE)
            continue
        try:
            question = _gift_question(item, line)
        except _GiftError as error:
            result.problems.append(Problem(line + _lines_before(item, error), error.code, error.detail))
            continue
        question.category = category
        result.questions.append(question)
    if not result.questions and not result.problems:
        result.problems.append(Problem(1, "empty"))
    return result


class _GiftError(Exception):
    """`near`: text of the item where the problem is, so that the problem names that line."""

    def __init__(self, code: str, detail: str = "", near: str = "") -> None:
        super().__init__(code)
        self.code, self.detail, self.near = code, detail, near


def _lines_before(item: str, error: _GiftError) -> int:
    """How many lines into its question a problem is (0: on the question's first line)."""
    where = item.find(error.near) if error.near else -1
    return item[:where].count("\n") if where > 0 else 0


def _items(source: str):
    """(first line number, text) of each blank-line-separated item, comments removed."""
    buffer: list[str] = []
    start = 0
    for number, raw in enumerate(source.replace("\r\n", "\n").replace("\ufeff", "").split("\n"), start=1):
        if raw.lstrip().startswith("//"):
            continue
        if raw.strip():
            if not buffer:
                start = number
            buffer.append(raw)
        elif buffer:
            yield start, _escape("\n".join(buffer).strip())
            buffer = []
    if buffer:
        yield start, _escape("\n".join(buffer).strip())


def _escape(text: str) -> str:
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text


def _clean(text: str) -> str:
    text = re.sub(r"^\[(?:markdown|html|moodle|plain)\]", "", text.strip())
    return " ".join(text.translate(_RESTORE).split()) if "\n" not in text else text.translate(_RESTORE).strip()


def _gift_question(item: str, line: int) -> ParsedQuestion:
    title = ""
    if item.startswith("::"):
        end = item.find("::", 2)
        if end == -1:
            raise _GiftError("title")
        title, item = item[2:end].strip(), item[end + 2:].strip()
    opening = item.find("{")
    if opening == -1:
        raise _GiftError("no_answers")
    closing = item.find("}", opening)
    if closing == -1:
        raise _GiftError("unclosed")
    before, answers, after = item[:opening], item[opening + 1:closing].strip(), item[closing + 1:]
    if "{" in after or after.lstrip().startswith("::"):  # the next question, without a blank line between
        raise _GiftError("two_questions", near=after.strip()[:40])
    answers, _, general_feedback = answers.partition("####")
    # A missing word keeps the spacing around it: "… on _____." stays so, never "_____ ."
    # An essay ("{}") has no word missing: what follows its braces is more of its text.
    blank = "_____" if answers.strip() else ""
    text = _clean(f"{before}{blank}{after}" if after.strip() else before)
    question = _gift_answers(answers.strip())
    question.text, question.title, question.line = text, _clean(title), line
    question.feedback = _clean(general_feedback)
    if not question.text:
        raise _GiftError("no_text")
    return question


def _gift_answers(answers: str) -> ParsedQuestion:
    if not answers:
        return ParsedQuestion(Kind.ESSAY, "", 0)  # Moodle's essay: "{}", graded by a trainer
    if answers.startswith("#"):
        numbers, *others = answers[1:].split("~")
        choices = _numeric_answers(numbers.strip())
        # "~#feedback": Moodle's "any other number", worth nothing, with its feedback
        choices += [ParsedChoice(text="*", credit=0.0, feedback=_clean(other.strip().removeprefix("#")))
                    for other in others]
        return ParsedQuestion(Kind.NUMERIC, "", 0, choices=choices)
    head, *feedback = answers.split("#")
    if head.strip().upper() in {"T", "TRUE", "F", "FALSE"}:
        return _true_false(head.strip().upper().startswith("T"), feedback)
    tokens = re.findall(r"([=~])([^=~]*)", answers)
    if not tokens or answers[0] not in "=~":
        raise _GiftError("syntax", answers[:40].translate(_RESTORE), near=answers[:30])
    if any("->" in body for _, body in tokens):
        return _matching(tokens)
    choices = [_choice(sign, body) for sign, body in tokens]
    if all(sign == "=" for sign, _ in tokens):  # "=*" is Moodle's "any other answer"; "%0%" is worth 0
        return ParsedQuestion(Kind.SHORT_TEXT, "", 0, choices=choices)
    if any(sign == "=" for sign, _ in tokens):
        return ParsedQuestion(Kind.SINGLE, "", 0, choices=choices)
    if sum(c.credit for c in choices if c.credit > 0) <= 0:
        raise _GiftError("no_correct")
    return ParsedQuestion(Kind.MULTIPLE, "", 0, choices=choices)


def _weight_of(body: str, default: float) -> tuple[float, str]:
    """The credit a "%50%" weight gives (or `default`), and the rest of the answer."""
    weight = _WEIGHT.match(body)
    if not weight:
        return default, body
    try:
        percent = float(weight.group(1))
    except ValueError:
        percent = None
    if percent is None or not any(abs(abs(percent) - allowed) < 0.001 for allowed in MOODLE_WEIGHTS):
        raise _GiftError("weight", weight.group(0).translate(_RESTORE), near=weight.group(0))
    return percent / 100, body[weight.end():]


def _choice(sign: str, body: str) -> ParsedChoice:
    body = body.strip()
    credit, body = _weight_of(body, 1.0 if sign == "=" else 0.0)
    text, _, feedback = body.partition("#")
    if not text.strip():
        raise _GiftError("empty_answer", near=sign + body[:20])
    return ParsedChoice(text=_clean(text), credit=credit, feedback=_clean(feedback))


def _true_false(answer_is_true: bool, feedback: list[str]) -> ParsedQuestion:
    wrong_feedback = _clean(feedback[0]) if feedback else ""
    right_feedback = _clean(feedback[1]) if len(feedback) > 1 else ""
    true = ParsedChoice("True", 1.0 if answer_is_true else 0.0, right_feedback if answer_is_true else wrong_feedback)
    false = ParsedChoice("False", 0.0 if answer_is_true else 1.0, wrong_feedback if answer_is_true else right_feedback)
    return ParsedQuestion(Kind.TRUE_FALSE, "", 0, choices=[true, false])


def _matching(tokens: list[tuple[str, str]]) -> ParsedQuestion:
    choices = []
    for sign, body in tokens:
        left, arrow, right = body.partition("->")
        if sign == "=" and arrow and right.strip() and not left.strip():
            raise _GiftError("matching_distractor", right.strip().translate(_RESTORE), near=body.strip()[:30])
        if sign != "=" or not arrow or not right.strip():
            raise _GiftError("matching", near=body.strip()[:30])
        choices.append(ParsedChoice(text=_clean(left), match=_clean(right), credit=1.0))
    if len(choices) < 2:
        raise _GiftError("matching")
    return ParsedQuestion(Kind.MATCHING, "", 0, choices=choices)


def _numeric_answers(answers: str) -> list[ParsedChoice]:
    parts = [("=", body) for body in re.findall(r"=([^=]*)", answers)] if answers.startswith("=") else [("=", answers)]
    choices = []
    for _, body in parts:
        credit, body = _weight_of(body.strip(), 1.0)
        number, _, feedback = body.partition("#")
        number = number.strip().translate(_RESTORE)
        ranged = re.fullmatch(rf"({_NUMBER})\.\.({_NUMBER})", number)
        plain = re.fullmatch(rf"({_NUMBER})(?::({_NUMBER}))?", number)
        if ranged:
            low, high = sorted((float(ranged.group(1)), float(ranged.group(2))))
            choices.append(ParsedChoice(text=number, credit=credit, feedback=_clean(feedback),
                                        value=(low + high) / 2, tolerance=(high - low) / 2))
        elif plain:
            choices.append(ParsedChoice(text=number, credit=credit, feedback=_clean(feedback),
                                        value=float(plain.group(1)), tolerance=abs(float(plain.group(2) or 0))))
        else:
            raise _GiftError("number", number, near=number[:30])
    return choices


# --- Aiken ------------------------------------------------------------------------------------

_AIKEN_OPTION = re.compile(r"^([A-Z])[.)]\s+(.+)$")
_AIKEN_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$")


def parse_aiken(source: str) -> ParseResult:
    """Single-choice questions in Aiken format: a question line, options "A." or "A)", "ANSWER: X"."""
    result = ParseResult()
    current: ParsedQuestion | None = None
    letters: list[str] = []
    for number, raw in enumerate(source.replace("\ufeff", "").splitlines(), start=1):
        text = raw.strip()
        if not text:
            continue
        option, answer = _AIKEN_OPTION.match(text), _AIKEN_ANSWER.match(text)
        if current is None:
            current, letters = ParsedQuestion(Kind.SINGLE, text, number), []
        elif answer:
            if len(current.choices) < 2:
                result.problems.append(Problem(current.line, "aiken_options"))
            elif answer.group(1) not in letters:
                result.problems.append(Problem(number, "aiken_answer", answer.group(1)))
            else:
                current.choices[letters.index(answer.group(1))].credit = 1.0
                result.questions.append(current)
            current = None
        elif option:
            letters.append(option.group(1))
            current.choices.append(ParsedChoice(text=option.group(2).strip()))
        elif not current.choices:
            current.text += " " + text  # a question may run over several lines
        else:
            result.problems.append(Problem(number, "aiken_line", text[:40]))
    if current is not None:
        result.problems.append(Problem(current.line, "aiken_no_answer"))
    if not result.questions and not result.problems:
        result.problems.append(Problem(1, "empty"))
    return result


# --- writing GIFT -----------------------------------------------------------------------------

def _gift_escape(text: str) -> str:
    return re.sub(r"([~=#{}:\\])", r"\\\1", text).replace("\n", "\\n")


def _weight(credit: float, default: float) -> str:
    return "" if credit == default else f"%{credit * 100:g}%"


def _feedback(text: str) -> str:
    return f"#{_gift_escape(text)}" if text else ""


def write_gift(questions: list[ParsedQuestion]) -> str:
    """GIFT text for the questions (one language), readable back by parse_gift and by Moodle."""
    out: list[str] = []
    category = None
    for question in questions:
        if question.category and question.category != category:
            category = question.category
            out.append(f"$CATEGORY: {category}\n")
        title = f"::{_gift_escape(question.title)}::" if question.title else ""
        out.append(f"{title}{_gift_escape(question.text)} {{{_gift_body(question)}"
                   f"{'####' + _gift_escape(question.feedback) if question.feedback else ''}}}\n")
    return "\n".join(out)


def _gift_body(question: ParsedQuestion) -> str:
    choices = question.choices
    if question.kind is Kind.ESSAY:
        return ""
    if question.kind is Kind.TRUE_FALSE:
        true_is_right = choices[0].credit > 0
        right, wrong = (choices[0], choices[1]) if true_is_right else (choices[1], choices[0])
        feedback = ""
        if right.feedback or wrong.feedback:  # GIFT: the wrong answer's feedback comes first
            feedback = f"#{_gift_escape(wrong.feedback)}#{_gift_escape(right.feedback)}"
        return ("TRUE" if true_is_right else "FALSE") + feedback
    if question.kind is Kind.NUMERIC:
        return "#" + " ".join(f"={_weight(c.credit, 1.0)}{c.value:g}:{c.tolerance:g}{_feedback(c.feedback)}"
                              if c.value is not None else f"~{_feedback(c.feedback)}" for c in choices)
    if question.kind is Kind.MATCHING:
        return " ".join(f"={_gift_escape(c.text)} -> {_gift_escape(c.match)}" for c in choices)
    if question.kind is Kind.SHORT_TEXT:
        return " ".join(f"={_weight(c.credit, 1.0)}{_gift_escape(c.text)}{_feedback(c.feedback)}" for c in choices)
    if question.kind is Kind.SINGLE:
        return " ".join(
            ("=" if c.credit >= 1 else f"~{_weight(c.credit, 0.0)}") + _gift_escape(c.text) + _feedback(c.feedback)
            for c in choices
        )
    return " ".join(f"~{_weight(c.credit, 0.0)}{_gift_escape(c.text)}{_feedback(c.feedback)}" for c in choices)
