"""``chartercheck fix``: reschedule a plan so its cadence passes, in its own format.

:func:`fix_calendars` reads the calendars (the last one is rewritten, the
others are context), plans new times with :class:`Rescheduler` and returns a
:class:`FixResult` holding the rewritten bytes, the moves, what could not be
fixed, and the cadence findings before and after. Writers for YAML, CSV and
iCalendar change only the publication times.
"""
from .planner import DEFAULT_MAX_SHIFT, FIXED_CODES, Move, Plan, Rescheduler, Stuck
from .run import FixResult, fix_calendars

__all__ = ["DEFAULT_MAX_SHIFT", "FIXED_CODES", "FixResult", "Move", "Plan", "Rescheduler", "Stuck",
           "fix_calendars"]
