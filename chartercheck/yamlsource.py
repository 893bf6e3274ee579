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


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.seen: set[int] = set()
        self.expansion = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node, message: str, hint: str | None = None):
        raise YamlLoadError(Problem(self.path, node.start_mark.line + 1, message, hint=hint))

    def build(self, node, depth: int = 0):
        if depth > MAX_DEPTH:
            self.fail(node, f"nesting deeper than {MAX_DEPTH} levels")
        if id(node) in self.seen:
            # Second visit of the same node object: an alias being expanded.
            self.expansion += 1
            if self.expansion > MAX_ALIAS_EXPANSION:
                self.fail(node, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                          "write the values out instead of nesting aliases")
        else:
            self.seen.add(id(node))
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.fail(node, f"tag {node.tag} is not allowed")
            out = YamlList(line)
            for item in node.value:
                out.item_lines.append(item.start_mark.line + 1)
                out.append(self.build(item, depth + 1))
            return out
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.fail(node, f"tag {node.tag} is not allowed")
            out = YamlMap(line)
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    merged = self.build(value_node, depth + 1)
                    for part in merged if isinstance(merged, list) else [merged]:
                        if not isinstance(part, YamlMap):
                            self.fail(value_node, "a merge key (<<) needs a mapping")
                        for k, v in part.items():
                            out.setdefault(k, v)
                            out.key_lines.setdefault(k, part.line_of(k))
                    continue
                key = self.build(key_node, depth + 1)
                if isinstance(key, (list, dict)):
                    self.fail(key_node, "a mapping key must be a plain value")
                if key in out:
                    self.fail(key_node, f"duplicate key {key!r}")
                out.key_lines[key] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, depth + 1)
            return out
        self.fail(node, "unsupported YAML node")  # pragma: no cover

    def scalar(self, node):
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.fail(node, f"tag {tag} is not allowed (only plain YAML values are read)")
        if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(node, f"invalid value {node.value!r}: {exc}")


def load_yaml(text: str, path: str):
    """Parse one YAML document into plain values with line numbers.

    Raises :class:`YamlLoadError` with file and line on any syntax error,
    refused tag, alias bomb or excessive nesting. An empty document gives None.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = (exc.problem or "invalid YAML").strip()
        if exc.context:
            message = f"{exc.context.strip()}: {message}"
        raise YamlLoadError(Problem(path, line, f"YAML syntax error: {message}")) from None
    except yaml.YAMLError as exc:
        raise YamlLoadError(Problem(path, None, f"YAML error: {exc}")) from None
    except RecursionError:
        raise YamlLoadError(Problem(path, None, f"nesting deeper than {MAX_DEPTH} levels")) from None
    if node is None:
        return None
    try:
        return _Builder(path).build(node)
    except RecursionError:  # pragma: no cover - MAX_DEPTH guards first
        raise YamlLoadError(Problem(path, None, f"nesting deeper than {MAX_DEPTH} levels")) from None
