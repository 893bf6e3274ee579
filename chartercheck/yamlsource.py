"""Safe YAML loading that remembers line numbers.

Charters and YAML calendars both need to say *where* something is wrong, so
instead of ``yaml.safe_load`` we compose the node tree (C composer when
libyaml is present) and build plain Python values ourselves:

* mappings become :class:`YamlMap` (a ``dict`` with ``line`` and ``key_lines``),
  sequences :class:`YamlList` (a ``list`` with ``line`` and ``item_lines``);
* timestamps stay strings: the caller interprets times in the brand's zone,
  which PyYAML's own conversion would silently get wrong;
* only the standard scalar tags are constructed; any other tag
  (``!!python/object``...) is refused, never built;
* alias expansion is bounded (:data:`MAX_ALIAS_EXPANSION` extra nodes), which
  defuses "billion laughs" documents, and nesting depth is bounded too.
"""
from __future__ import annotations

import yaml

from .errors import Problem

try:  # the C composer is several times faster; fall back silently when absent
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
#: First characters that may start a non-string plain scalar (numbers, booleans,
#: null, timestamps, merge keys...); anything else is a string for sure.
_SPECIAL_FIRST = frozenset(k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k is not None)


class _Loader(_BaseLoader):
    """The safe loader with a faster tag resolver.

    Even the C loader resolves every plain scalar's tag in Python, trying each
    implicit regex for its first character; calendars are mostly free text, so
    deciding "string" from the first character alone removes most of that cost.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in _SPECIAL_FIRST:
            return _STR_TAG
        return super().resolve(kind, value, implicit)

#: Nodes that aliases may add on top of the document's own nodes.
MAX_ALIAS_EXPANSION = 100_000
#: Deepest nesting accepted (a charter needs about 6, a calendar about 5).
MAX_DEPTH = 64

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}


class YamlMap(dict):
    """A mapping that knows its line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A sequence that knows its line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class YamlLoadError(Exception):
    """The text is not acceptable YAML; carries a :class:`Problem`."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class _Open:
    """A mapping or sequence being filled while its events stream in."""

    __slots__ = ("value", "anchor", "size", "key", "key_line", "has_key", "merged", "streamed")

    def __init__(self, value, anchor, streamed: bool = False):
        self.value, self.anchor, self.size = value, anchor, 1
        self.key, self.key_line, self.has_key = None, None, False
        self.merged: set = set()  # keys that came from "<<" and may be overridden
        self.streamed = streamed  # items go to the item sink, not into the list


class _EventBuilder:
    """Builds plain values straight from parser events.

    Composing a node tree first (``yaml.compose``) costs several times the
    memory of the values themselves — about 900 MB for a 100,000-post
    calendar — so values are built as events arrive, with only the open
    containers on a stack. Aliases share the anchored value; their expanded
    size still counts against :data:`MAX_ALIAS_EXPANSION`.
    """

    def __init__(self, path: str, item_sink=None, sink_key=None):
        self.path = path
        self.item_sink, self.sink_key = item_sink, sink_key
        self.anchors: dict = {}
        self.sizes: dict[int, int] = {}  # expanded size of each anchored container, by id
        self.expansion = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, mark, message: str, hint: str | None = None, msgid: str | None = None, **params):
        raise YamlLoadError(Problem(self.path, mark.line + 1 if mark else None, message, hint=hint,
                                    msgid=msgid, params=tuple(params.items())))

    def build(self, loader):
        stack: list[_Open] = []
        root, have_root = None, False
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value, size = self.scalar(loader, event), 1
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    self.fail(event.start_mark, f"unknown alias *{event.anchor}")
                value = self.anchors[event.anchor]
                if any(item.value is value for item in stack):
                    self.fail(event.start_mark, "an alias refers to a value that contains it")
                size = self.sizes.get(id(value), 1)
                self.expansion += size
                if self.expansion > MAX_ALIAS_EXPANSION:
                    self.fail(event.start_mark, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                              "write the values out instead of nesting aliases")
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    self.fail(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                expected = "tag:yaml.org,2002:map" if kind is yaml.MappingStartEvent else "tag:yaml.org,2002:seq"
                if event.tag not in (None, "!", expected):
                    self.fail(event.start_mark, f"tag {event.tag} is not allowed")
                line = event.start_mark.line + 1
                if kind is yaml.MappingStartEvent:
                    stack.append(_Open(YamlMap(line), event.anchor))
                else:
                    stack.append(_Open(YamlList(line), event.anchor, self.streams(stack)))
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                value, size = done.value, done.size
                if done.anchor:  # only anchored values are ever looked up (by aliases)
                    self.sizes[id(value)] = size
                    self.anchors[done.anchor] = value
                self.add(stack, value, size, event.end_mark, is_container=True)
                if not stack:
                    root, have_root = value, True
                continue
            elif kind is yaml.DocumentEndEvent or kind is yaml.StreamEndEvent:
                return root
            else:  # stream and document starts
                continue
            if kind is yaml.ScalarEvent and event.anchor:
                self.anchors[event.anchor] = value
            if not stack:
                if not have_root:
                    root, have_root = value, True
                continue
            self.add(stack, value, size, event.start_mark, is_container=False)

    def add(self, stack, value, size, mark, is_container: bool) -> None:
        """Put a finished value into the innermost open container."""
        if not stack:
            return
        parent = stack[-1]
        parent.size += size
        container = parent.value
        line = (value.line if is_container and hasattr(value, "line") else mark.line + 1)
        if parent.streamed:
            self.item_sink(value, line, stack[0].value if len(stack) > 1 else None)
            return
        if isinstance(container, YamlList):
            container.item_lines.append(line)
            container.append(value)
            return
        if not parent.has_key:
            if isinstance(value, (list, dict)) and value is not _MERGE:
                self.fail(mark, "a mapping key must be a plain value")
            parent.key, parent.key_line, parent.has_key = value, mark.line + 1, True
            return
        key, parent.has_key = parent.key, False
        if key is _MERGE:
            for part in value if isinstance(value, list) else [value]:
                if not isinstance(part, YamlMap):
                    self.fail(mark, "a merge key (<<) needs a mapping")
                for k, v in part.items():
                    if k not in container:
                        container[k] = v
                        container.key_lines[k] = part.line_of(k)
                        parent.merged.add(k)
            return
        if key in parent.merged:
            parent.merged.discard(key)
        elif key in container:
            self.fail(mark if parent.key_line is None else _Mark(parent.key_line - 1), f"duplicate key {key!r}",
                      msgid="error.duplicate_key", name=repr(key))
        container.key_lines[key] = parent.key_line
        container[key] = value

    def streams(self, stack) -> bool:
        """Whether a sequence opening now is the one whose items go to the sink:
        the document itself, or the value of ``sink_key`` in the top mapping."""
        if self.item_sink is None:
            return False
        if not stack:
            return True
        top = stack[0]
        return len(stack) == 1 and isinstance(top.value, YamlMap) and top.has_key and top.key == self.sink_key

    def scalar(self, loader, event):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            return _MERGE
        if tag not in _SCALAR_TAGS:
            self.fail(event.start_mark, f"tag {tag} is not allowed (only plain YAML values are read)",
                      msgid="error.yaml_tag", tag=tag)
        if tag == _STR_TAG or tag == "tag:yaml.org,2002:timestamp":
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(event.start_mark, f"invalid value {event.value!r}: {exc}")


class _Mark:
    def __init__(self, line: int):
        self.line = line


_MERGE_TAG = "tag:yaml.org,2002:merge"
_MERGE = object()


def load_yaml(text: str | bytes, path: str, item_sink=None, sink_key: str | None = None):
    """Parse one YAML document (text, or UTF-8 bytes) into plain values with line numbers.

    Raises :class:`YamlLoadError` with file and line on any syntax error,
    refused tag, alias bomb or excessive nesting. An empty document gives None.

    With ``item_sink``, the items of one long list are handed over as soon as
    each is complete, ``item_sink(value, line, top)``, instead of being kept:
    the items of a top-level list, or of the list under the top mapping's
    ``sink_key`` (``top`` is that mapping as built so far, else None). That
    list comes back empty (its ``line`` kept). A calendar reader builds each
    post at once, so the raw entries of a 100,000-post file never all exist
    together. A syntax error later in the text still raises, after the sink
    has seen the items before it.
    """
    loader = _Loader(text)
    try:
        return _EventBuilder(path, item_sink, sink_key).build(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = (exc.problem or "invalid YAML").strip()
        if exc.context:
            message = f"{exc.context.strip()}: {message}"
        raise YamlLoadError(Problem(path, line, f"YAML syntax error: {message}", msgid="error.yaml_syntax",
                                    params=(("detail", message),))) from None
    except yaml.YAMLError as exc:
        raise YamlLoadError(Problem(path, None, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
