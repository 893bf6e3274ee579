"""The rule registry: every rule is a function registered with :func:`rule`.

A rule's docstring is its user documentation (``chartercheck explain``,
``docs/rules.md``). Its ``Fires::`` and ``Passes::`` blocks hold a small YAML
charter and calendar that the test-suite runs, so documentation and behaviour
cannot drift apart.
"""
from __future__ import annotations

import enum
import functools
import importlib
import inspect
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..model import Severity

#: The modules holding rules, in the order their families run. Tone runs
#: before approval because conditional approval steps look at tone facts.
RULE_MODULES = ("input", "charter", "cadence", "schedule", "tone", "tone_repetition",
                "positioning", "vocabulary", "positioning_mix", "pillars", "cross_post", "platform",
                "compliance", "approval", "approval_timing")


class Scope(enum.Enum):
    """What a rule function receives."""

    POST = "post"          # fn(ctx, post) for every post in the linted range
    CALENDAR = "calendar"  # fn(ctx) once, looks at ctx.posts as a whole
    CHARTER = "charter"    # fn(ctx) once, looks only at the charter (CC8xx)
    INPUT = "input"        # raised by readers (CC9xx); the function is never run


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule: identity, default severity, scope and documentation."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    func: Callable
    pack: Optional[str] = None  # compliance pack that enables it, if any
    #: for calendar rules: fn(ctx, post) run in the post-by-post pass to derive,
    #: while the post's text facts are at hand, the small values the rule reads later
    warm: Optional[Callable] = None
    #: for post rules: fn(ctx, post) -> bool, whether the rule reports the post,
    #: answered without building the finding (``ctx.fires`` asks it: approval
    #: conditions ask about every post). It must be the very test the rule starts from.
    reports: Optional[Callable] = None

    @property
    def family(self) -> str:
        return self.code[:3] + "xx"

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        """First line of the docstring."""
        return self.doc.split("\n", 1)[0].strip()

    def examples(self) -> dict[str, list[str]]:
        """YAML blocks under ``Fires::`` and ``Passes::`` in the docstring."""
        return doc_examples(self.doc)

    def user_doc(self) -> str:
        """The docstring without its example blocks' markers, for people."""
        return self.doc


_REGISTRY: dict[str, RuleSpec] = {}
_BY_NAME: dict[str, RuleSpec] = {}
_CODE = re.compile(r"^CC\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def rule(code: str, name: str, severity: Severity, scope: Scope = Scope.POST, pack: Optional[str] = None,
         warm: Optional[Callable] = None, reports: Optional[Callable] = None):
    """Register a rule function under ``code`` and kebab-case ``name``."""
    if not _CODE.match(code) or not _NAME.match(name):
        raise ValueError(f"bad rule identity {code} {name}")

    def register(func: Callable) -> Callable:
        if code in _REGISTRY or any(spec.name == name for spec in _REGISTRY.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _REGISTRY[code] = _BY_NAME[name] = RuleSpec(code, name, severity, scope, func, pack, warm, reports)
        return func

    return register


_LOADED = False


def all_rules() -> list[RuleSpec]:
    """Every registered rule, sorted by code (imports the rule modules once)."""
    global _LOADED
    if not _LOADED:
        for module in RULE_MODULES:
            try:
                importlib.import_module(f"{__package__}.{module}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__package__}.{module}":
                    raise
        _LOADED = True
    return sorted(_REGISTRY.values(), key=lambda spec: spec.code)


def find_rule(code_or_name: str) -> Optional[RuleSpec]:
    """A rule by code (any case) or name; constant time (rules ask this per post)."""
    if not _LOADED:
        all_rules()
    wanted = code_or_name.strip()
    spec = _REGISTRY.get(wanted.upper())
    if spec is None:
        spec = _BY_NAME.get(wanted.lower())
    return spec


def matches(selector: str, spec: RuleSpec) -> bool:
    """Does a ``--select``/``ignore`` selector (code, name, prefix, family) designate ``spec``?"""
    from ..charter.model import _specificity
    return _specificity(selector.strip(), spec.code, spec.name) >= 0


#: Unknown selectors of one list given a "did you mean".
MAX_SUGGESTIONS = 200


def designates_a_rule(selector: str) -> bool:
    """Whether a selector designates at least one rule, as :func:`matches` decides, in constant
    time: a big calendar may hold thousands of distinct ``ignore:`` entries to judge."""
    from ..charter.model import FAMILIES
    key = selector.strip()
    if find_rule(key) is not None:
        return True
    code_prefixes, name_prefixes = _prefixes()
    prefix = FAMILIES.get(key.lower(), key.upper())
    return (prefix.startswith("CC") and prefix.rstrip("X") in code_prefixes) or key in name_prefixes


@functools.lru_cache(maxsize=1)
def _prefixes() -> tuple[frozenset, frozenset]:
    """Every prefix of a rule code (``CC``, ``CC1``, ``CC10``...) and every dash-ended
    prefix of a rule name (``channel``, ``channel-daily``), for :func:`designates_a_rule`."""
    specs = all_rules()
    codes = frozenset(spec.code[:size] for spec in specs for size in range(len(spec.code) + 1))
    names = frozenset(spec.name[:index] for spec in specs for index, char in enumerate(spec.name) if char == "-")
    return codes, names


def designated(selector: str) -> list[RuleSpec]:
    """Every rule a selector (code, name, name prefix, family) designates; ``[]`` when none."""
    return [spec for spec in all_rules() if matches(selector, spec)]


def closest_selector(selector: str) -> str:
    """The rule code, name or family nearest to a selector that designates nothing ("" if none is close).

    Codes are compared with the letter O read as a zero and I or l as a one,
    the usual slips when a code is typed from a printed report.
    """
    import difflib
    from ..charter.model import FAMILIES
    specs = all_rules()
    text = selector.strip()
    if text.upper().startswith("CC"):
        fixed = "CC" + text[2:].upper().replace("O", "0").replace("I", "1").replace("L", "1")
        if find_rule(fixed) is not None:
            return fixed
        close = difflib.get_close_matches(text.upper(), [s.code for s in specs], n=1, cutoff=0.6)
    else:
        close = difflib.get_close_matches(text.lower(), [s.name for s in specs] + list(FAMILIES), n=1, cutoff=0.75)
    return close[0] if close else ""


def unknown_selectors(selectors) -> list[tuple[str, str]]:
    """The selectors designating no rule, each with the closest known one ("" when none is close).

    A selector that designates nothing is a typo until proven otherwise: taken
    silently, ``--select CC1O1`` would check nothing and pass the gate.
    """
    unknown = [selector for selector in selectors if not designates_a_rule(selector)]
    # Each suggestion is a fuzzy comparison with every rule name: a few hundred are plenty.
    return [(selector, closest_selector(selector) if index < MAX_SUGGESTIONS else "")
            for index, selector in enumerate(unknown)]


_EXAMPLE = re.compile(r"^(\s*)(Fires|Passes)::\s*$")


def doc_examples(doc: str) -> dict[str, list[str]]:
    """Collect the indented YAML blocks following ``Fires::``/``Passes::`` lines."""
    out: dict[str, list[str]] = {"Fires": [], "Passes": []}
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        match = _EXAMPLE.match(lines[i])
        if not match:
            i += 1
            continue
        base = len(match.group(1))
        block: list[str] = []
        i += 1
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > base):
            block.append(lines[i])
            i += 1
        out[match.group(2)].append(inspect.cleandoc("\n".join(block)))
    return out
