"""Quizzes: a question bank per course, attempts whose every answer is saved, grading, review."""
