"""Courses: their days and modules, enrolments and module progress."""
