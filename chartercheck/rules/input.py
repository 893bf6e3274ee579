"""CC9xx: problems met while reading calendars.

These rules are raised by the readers, not run: each entry documents one
kind of problem, so that ``explain``, ``--ignore`` and severities work for
them like for any rule. Nothing read is ever dropped silently: a skipped
entry is always one of these findings.
"""
from __future__ import annotations

from ..model import Severity
from .registry import Scope, rule

W, E, I = Severity.WARNING, Severity.ERROR, Severity.INFO


@rule("CC901", "unreadable-entry", E, Scope.INPUT)
def unreadable_entry():
    """An event or row could not be read at all and was skipped.

    Why: a post nobody can read is a post nobody checked; it is reported, never
    dropped silently. Fix: correct the entry at the given line (a YAML post
    must be a mapping; a CSV row needs the header's columns; an ICS event must
    be well-formed).
    """


@rule("CC902", "unknown-channel", W, Scope.INPUT)
def unknown_channel():
    """Events name a channel the charter does not declare (one finding per channel).

    Why: per-channel caps, languages and platform limits cannot be checked for
    a channel the charter does not know, and imported calendars carry labels
    that are not channels (a Moodle course code, a meeting category). No
    channel rule runs on an undeclared channel; an event naming only such
    channels is not judged as a post at all. The finding counts the events and
    names the first. Fix: correct the channel id (the message suggests the
    closest one), map the label with ``input.channel_map`` (the hint gives the
    YAML to paste), or declare the channel under ``channels:``; events that are
    not posts can stay.
    """


@rule("CC903", "missing-channel", W, Scope.INPUT)
def missing_channel():
    """Events name no channel (no column, category, prefix or location gave one).

    Why: a post is published on a channel; an event without one (an ordinary
    meeting in an imported calendar) is not judged as a post: no cadence,
    approval, tone or platform rule runs on it. One finding per file counts
    them and names the first. Fix: add ``channel:`` (YAML/CSV), or in
    iCalendar a CATEGORIES value, a ``[IG]`` / ``Instagram:`` prefix in
    SUMMARY, a LOCATION or ``X-CHARTERCHECK-CHANNEL``; meetings can stay.
    """


@rule("CC904", "floating-time", I, Scope.INPUT)
def floating_time():
    """An iCalendar time has no zone (floating) and was read in the brand's zone.

    Why: RFC 5545 floating times mean "whatever zone the reader is in"; we use
    ``brand.timezone``, which is right unless the file was meant for another
    zone. Fix: export with time zones, or give ``TZID``.
    """


@rule("CC905", "unknown-timezone", W, Scope.INPUT)
def unknown_timezone():
    """A time zone name is unknown (or has no VTIMEZONE) and was approximated.

    Why: a wrong zone shifts every post by hours. Fix: use an IANA zone name
    (``Europe/Paris``) or include the VTIMEZONE definition.
    """


@rule("CC906", "all-day-event", W, Scope.INPUT)
def all_day_event():
    """An entry has a date but no time (an all-day event) and was skipped.

    Why: a post needs a publication time for cadence, windows and moderation.
    Fix: give the time (``2026-11-24 12:00``), or keep all-day reminders out of
    the publication calendar.
    """


@rule("CC907", "duplicate-id", W, Scope.INPUT)
def duplicate_id():
    """Two posts share an id (or an iCalendar UID at the same time).

    Why: ids tie findings, baselines and approvals to posts; a duplicate makes
    them ambiguous, and often means a post was pasted twice. Fix: give each
    post its own id, or remove the copy.
    """


@rule("CC908", "unparsable-date", E, Scope.INPUT)
def unparsable_date():
    """A publication time is missing or unreadable; the entry was skipped.

    Fix: write ``YYYY-MM-DD HH:MM`` (optionally with ``+01:00`` or ``Z``).
    """


@rule("CC909", "empty-text", W, Scope.INPUT)
def empty_text():
    """A post has no text.

    Why: nothing can be checked for tone, language or platform fit, and an
    empty placeholder often reaches the scheduler by mistake. Fix: write the
    text, or mark the slot as a draft with a working text.
    """


@rule("CC910", "nonexistent-local-time", W, Scope.INPUT)
def nonexistent_local_time():
    """A local time falls in a daylight-saving gap (it never shows on clocks).

    Why: on the spring-forward night, 02:00-02:59 does not exist; schedulers
    handle it differently. The post is read one hour later (the offset before
    the change), as the message says. Fix: pick a time that exists.
    """


@rule("CC911", "ambiguous-local-time", W, Scope.INPUT)
def ambiguous_local_time():
    """A local time occurs twice (fall-back night) and its first occurrence was used.

    Fix: add an explicit offset (``+02:00`` for the first, ``+01:00`` for the
    second in Europe/Paris) or choose another time.
    """


@rule("CC912", "recurrence-capped", W, Scope.INPUT)
def recurrence_capped():
    """A recurring event produced too many occurrences and was cut.

    Why: an unbounded or absurd rule (``FREQ=SECONDLY``) would flood the plan;
    expansion is limited to the lint window and a maximum count. Fix: add
    COUNT or UNTIL to the rule, or lint a narrower range with --from/--until.
    """


@rule("CC913", "ignored-component", I, Scope.INPUT)
def ignored_component():
    """A calendar component that is not a post (VTODO, VJOURNAL...) was ignored.

    Fix: nothing, unless the entry was meant as a post: make it a VEVENT.
    """


@rule("CC914", "encoding-fallback", W, Scope.INPUT)
def encoding_fallback():
    """A file was not UTF-8 and was decoded with a fallback encoding.

    Why: accents may be wrong, so may lexicon matches. Fix: export as UTF-8.
    """


@rule("CC915", "ambiguous-date-format", W, Scope.INPUT)
def ambiguous_date_format():
    """Dates like 03/04/2026 could be day-first or month-first; a guess was made.

    Fix: pass ``--date-format dmy`` or ``mdy``, or set ``input.date_format``.
    """


@rule("CC916", "unknown-field", W, Scope.INPUT)
def unknown_field():
    """An entry has a field chartercheck does not know; it was ignored.

    Why: a typo (``chanel:``) silently loses information. Fix: correct the name
    (the hint suggests the closest one, or lists the fields chartercheck reads
    when none is close) or remove the field. Past 20 unknown fields in one
    entry (or one CSV header), the others are reported in one count.
    """


@rule("CC917", "invalid-value", W, Scope.INPUT)
def invalid_value():
    """A field has a value of the wrong kind (a status nobody knows, "maybe" as sponsored).

    The value is ignored. Fix: use one of the values the message lists.
    """


@rule("CC918", "too-many-entries", E, Scope.INPUT)
def too_many_entries():
    """A file holds more entries than the configured limit; the rest was not read.

    Fix: split the calendar, lint a range, or raise the limit with ``--max-posts``.
    """


@rule("CC919", "cancelled-entry", I, Scope.INPUT)
def cancelled_entry():
    """An entry marked cancelled (iCalendar ``STATUS:CANCELLED``) was not read as a post.

    Why: a cancelled event, or one cancelled occurrence of a series, will not
    be published, so it must not count in caps or shares; it is still
    reported, so a wrongly cancelled post does not vanish unseen. Fix:
    nothing, or remove the status if the post should go out.
    """


@rule("CC920", "recurrence-outside-range", I, Scope.INPUT)
def recurrence_outside_range():
    """A recurring event has no occurrence in the range being read.

    Why: recurrences are expanded only where they matter (the linted range
    and a month before it, or the calendar's own span); a series entirely
    outside gives no post, which is said rather than hidden. Fix: nothing,
    or widen --from/--until if that series should be linted.
    """


@rule("CC921", "unknown-ignore", E, Scope.INPUT)
def unknown_ignore():
    """A post's ``ignore:`` names no rule, so it suppresses nothing.

    Why: a misspelt code (``CC1O1`` with the letter O) looks like a waiver in
    review but waives nothing; or the rule was renamed. Like an unknown rule
    in ``--select`` or the charter, it is an error: a selector never silently
    means nothing. Fix: write the code or name of a rule (the message
    suggests the closest one), or remove the entry.
    """


@rule("CC922", "no-posts-read", W, Scope.INPUT)
def no_posts_read():
    """A calendar file gave no post at all: it is empty, holds no entry, or every entry was skipped.

    Why: an export cut short or a wrong file would otherwise pass as "no
    findings". It is a warning, so ``--fail-on warning`` stops a run on it;
    its message says which of the three it was. Fix: export the calendar
    again, lint the right file, or correct the skipped entries (their own
    findings say how).
    """


@rule("CC923", "text-over-analysis-limit", E, Scope.INPUT)
def text_over_analysis_limit():
    """A post's text is longer than the analysis limit (100,000 characters); only its start was checked.

    Why: no platform publishes a text that long (the longest take about
    63,000 characters), and analysing it whole would cost time and memory out
    of proportion to the file. The text is cut at the limit, checked, and
    reported as an error, so a gate never passes a post it only partly saw.
    Fix: cut the text; if it really must be checked whole, raise the limit
    with ``--max-text``.
    """
