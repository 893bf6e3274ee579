"""chartercheck: lint a planned social-media content calendar against a brand's editorial charter.

The small Python API::

    import chartercheck
    report = chartercheck.check(["week48.yaml"], charter="charters/velo-lumiere.yaml")
    for finding in report.findings:
        print(finding.code, finding.message)
"""
from __future__ import annotations

__version__ = "0.1.0"
#: The project's home: its repository (docs, issues, the published charter schema).
__url__ = "https://github.com/chartercheck/chartercheck"

from typing import Iterable, Union

from .charter import Charter, load_charter
from .errors import CalendarError, CharterError, ChartercheckError
from .model import Finding, Location, Post, Report, Severity


def check(calendars: Union[str, Iterable[str]], charter: Union[None, str, Charter] = None, **options) -> Report:
    """Lint calendar files against a charter (a path, a loaded :class:`Charter`, or None).

    Keyword options are those of :class:`chartercheck.engine.LintOptions`
    (``lang``, ``now``, ``start``, ``end``, ``select``, ``ignore``...).
    """
    from .engine import LintOptions, run
    if isinstance(calendars, str):
        calendars = [calendars]
    if not isinstance(charter, Charter):
        charter = load_charter(charter)
    return run(list(calendars), charter, LintOptions(**options))


__all__ = ["CalendarError", "Charter", "CharterError", "ChartercheckError", "Finding", "Location",
           "Post", "Report", "Severity", "__version__", "check", "load_charter"]
