"""``chartercheck charter schema``: the charter's JSON Schema, or its reference in Markdown.

Both are derived from the charter table (``chartercheck/charter/schema.py``):
the JSON Schema for YAML editors (completion, typos flagged as they are
typed), the Markdown for ``docs/charter.md``.
"""
from __future__ import annotations

import click


def register(main, charter_group) -> None:
    from ..cli import handle_errors

    @charter_group.command("schema")
    @click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True,
                  help="json: the JSON Schema (draft-07) YAML editors read; markdown: the charter reference.")
    @handle_errors
    def charter_schema(fmt):
        """Print the charter's JSON Schema (or its reference) for editors and docs."""
        if fmt == "markdown":
            from ..charter.reference import render_reference
            click.echo(render_reference(), nl=False)
        else:
            from ..charter.json_schema import render_json_schema
            click.echo(render_json_schema(), nl=False)
