"""Every reaction across features, as a named blinker signal: grep a name to find who sends and who listens.

A feature sends a signal from its services; a later feature (or the same one) connects a receiver in
its `register(app)`. Receivers run in the sender's unit of work: what they write is committed or
rolled back with it.
"""
from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

attempt_graded = _signals.signal("attempt-graded", doc="""
Sent by `quizzes.services` when an attempt has been graded (submitted, closed when overdue, or
regraded after a question changed). Sender: the `Attempt`; keyword `now`. `quizzes` completes the
quiz module when the attempt reached the pass mark.""")

module_completed = _signals.signal("module-completed", doc="""
Sent by `courses.services.complete_module` the first time a learner completes a module. Sender: the
`Enrollment`; keywords `module` and `now`. `certificates` issues the certificate when the course's
rule is now met.""")

course_day_moved = _signals.signal("course-day-moved", doc="""
Sent by `courses.scheduling` when a course day moves to another date (a new start, a new date for
the day, a schedule). Sender: the `CourseDay`; keyword `days` (how many days later, negative for
earlier). `live` moves the day's sessions to the same wall-clock time on the new date.""")

password_link_requested = _signals.signal("password-link-requested", doc="""
Sent by `auth` when someone asked "Forgot your password?" for an active account. Sender: the `User`.
`notifications` mails a set-password link.""")

registration_with_taken_address = _signals.signal("registration-with-taken-address", doc="""
Sent by `auth` when someone tried to register an address that has an account. Sender: the owner
(`User`). `notifications` tells the owner, who alone learns of it.""")

learner_withdrawn = _signals.signal("learner-withdrawn", doc="""
Sent by `courses` when a learner is withdrawn from a course. Sender: the `Enrollment`; keyword `now`.
`applications` frees the seat of the application that brought the learner in and offers it to the
next in line.""")
