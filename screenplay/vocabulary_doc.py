"""The README's shot-vocabulary table, made from screenplay.vocabulary so they cannot drift.

tests/unit/test_vocabulary.py checks the README holds exactly this text between its
markers; `python -m screenplay.vocabulary_doc` writes it out to paste in.
"""

from __future__ import annotations

import sys

from screenplay.vocabulary import FILLERS, MOVE_DIRECTIONS, TERMS, Term

START = "<!-- shot-vocabulary:start (made by screenplay/vocabulary_doc.py) -->"
END = "<!-- shot-vocabulary:end -->"


def _sets(term: Term) -> str:
    if term.size is not None:
        return f"size `{term.size.value}`"
    if term.angle is not None:
        return f"angle `{term.angle.value}`"
    if term.move is not None:
        parts = [f"move `{term.move.value}`"]
        accepted = MOVE_DIRECTIONS.get(term.move, ())
        if term.direction is not None:
            parts.append(f"direction `{term.direction.value}`")
        elif accepted:
            named = [f"`{d.value}`" for d in accepted if d.value]
            default = accepted[0].value or "none"
            parts.append(f"direction {' / '.join(named)} (default {default})")
        return ", ".join(parts)
    if term.direction is not None:
        return f"direction `{term.direction.value}`"
    assert term.speed is not None
    return f"speed `{term.speed.value}`"


def vocabulary_markdown() -> str:
    """The table as Markdown, one row per term, with the markers around it."""
    rows = [
        START,
        "| Term | Also written | Sets |",
        "| --- | --- | --- |",
    ]
    for term in TERMS:
        spellings = ", ".join(term.spellings) or "-"
        rows.append(f"| {term.name} | {spellings} | {_sets(term)} |")
    rows.append("")
    rows.append(
        "Any case; hyphens or spaces between words (`close-up` = `close up`, `2-shot` = "
        "`2 shot`); apostrophes and periods optional (`birds eye`, `P.O.V.`). These words "
        f"may sit among the terms and mean nothing: {', '.join(FILLERS)}."
    )
    rows.append(END)
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(vocabulary_markdown())
