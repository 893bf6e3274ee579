"""Every example of the README runs, and prints what the README shows.

A block starting with ``$ chartercheck ...`` is a command (``\\`` continues it
on the next line) followed by its output; a ``...`` line stands for lines left
out. A ``python`` block written with ``>>>`` prompts is run as a doctest.
"""
from __future__ import annotations

import doctest
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartercheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
COMMANDS = [body for lang, body in BLOCKS if body.startswith("$ chartercheck ")]
DOCTESTS = [body for lang, body in BLOCKS if lang == "python" and body.lstrip().startswith(">>>")]


def _split(block: str) -> tuple[list[str], list[str]]:
    """(the command's arguments, the lines of its expected output)."""
    lines = block.rstrip("\n").split("\n")
    command = lines.pop(0)[2:]
    while command.endswith("\\"):
        command = command[:-1] + " " + lines.pop(0).strip()
    return shlex.split(command)[1:], lines


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` where each ``...`` line stands for any lines."""
    parts, current = [], []
    for line in expected:
        if line.strip() == "...":
            parts.append(current)
            current = []
        else:
            current.append(line)
    parts.append(current)
    if len(parts) == 1:
        return actual == parts[0]
    if actual[:len(parts[0])] != parts[0] or (parts[-1] and actual[-len(parts[-1]):] != parts[-1]):
        return False
    position = len(parts[0])
    for middle in parts[1:-1]:  # in order, anywhere between
        while position <= len(actual) and actual[position:position + len(middle)] != middle:
            position += 1
        if position > len(actual):
            return False
        position += len(middle)
    return position <= len(actual) - len(parts[-1])


def test_the_readme_has_examples():
    assert COMMANDS and DOCTESTS


@pytest.mark.parametrize("block", COMMANDS, ids=lambda b: b.split("\n")[0][:60])
def test_readme_command_prints_what_the_readme_shows(block, monkeypatch):
    monkeypatch.chdir(ROOT)
    args, expected = _split(block)
    result = CliRunner().invoke(main, args)
    actual = result.output.rstrip("\n").split("\n")
    # blank lines the README keeps out of its shortened output
    assert _matches(expected, actual) or _matches(expected, [line for line in actual if line.strip()]), (
        "README output differs from the command's:\n" + result.output)


@pytest.mark.parametrize("block", DOCTESTS, ids=lambda b: b.split("\n")[0][:60])
def test_readme_python_example_runs(block, monkeypatch):
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 1


def test_the_matcher_honours_the_ellipsis():
    assert _matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert not _matches(["a", "...", "z"], ["a", "b", "y"])
    assert not _matches(["a", "b"], ["a", "b", "c"])
    assert os.path.exists(ROOT / "README.md")
