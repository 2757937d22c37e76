"""The part of a SHOT line after the colon: size, angle, move, modifiers and duration.

"Low angle two shot, slow push in - 4s": terms of screenplay.vocabulary in any order,
punctuation between them as the writer likes, and at most one duration. A duration
that is zero, negative, not a number or outside the limits is an issue (the script
does not parse); a word that is not in the vocabulary is a warning with the nearest
term, and the shot keeps every part it did recognise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screenplay.errors import ScriptIssue, ScriptWarning
from screenplay.framing import Framing, ReadTerm, resolve
from screenplay.limits import ScriptLimits
from screenplay.model import ShotType
from screenplay.timing import DURATION_PATTERN, duration_of, format_seconds
from screenplay.vocabulary import FILLER_PATTERN, TERM_PATTERN, lookup, nearest_term

# Punctuation between the parts: "Wide shot, pan left - 5s", "CU / zoom in (4s)".
_SEPARATORS = frozenset(",;|/.:()[]-\u2010\u2011\u2013\u2014\u2212")
_SIGNS = frozenset("-\u2212")  # hyphen-minus and the minus sign
_WORD = re.compile(r"[^\s,;|/.:()\[\]\u2013\u2014]+")
_UNIT_WORD = re.compile(r"\s*(?:seconds|second|secs|sec|minutes|minute|mins|min)(?!\w)", re.I)
# A token that starts with a digit and ends in a unit but is no duration: "4.5.2s", "1e3s".
_BAD_NUMBER = re.compile(r"\d[^\s,;|/()\[\]]*?(?:s|sec|secs|m|min|mins)(?![^\W\d_])", re.I)
_NUMBER_TOKEN = re.compile(r"[^\s;|/()\[\]]+")
_POSSESSIVE = re.compile(r"[^\W\d_][\w.\-]*['\u2019]s$", re.I)
_SHOWN_CHARS = 40


@dataclass(frozen=True)
class ShotSpec:
    framing: Framing = field(default_factory=Framing)
    duration_s: float | None = None  # None: estimate from the words


@dataclass
class _Scan:
    spec: str
    line: int
    first_column: int  # column of the spec's first character
    limits: ScriptLimits
    names: frozenset[str]
    terms: list[ReadTerm] = field(default_factory=list)
    duration_s: float | None = None
    duration_seen: bool = False
    unknown_start: int = -1
    unknown_end: int = -1
    issues: list[ScriptIssue] = field(default_factory=list)
    warnings: list[ScriptWarning] = field(default_factory=list)

    def issue(self, position: int, message: str) -> None:
        self.issues.append(ScriptIssue(self.line, self.first_column + position, message))

    def warn(self, position: int, message: str) -> None:
        self.warnings.append(ScriptWarning(self.line, message, self.first_column + position))


def parse_shot_spec(
    spec: str,
    line: int,
    first_column: int,
    limits: ScriptLimits,
    names: frozenset[str] = frozenset(),
) -> tuple[ShotSpec, list[ScriptIssue], list[ScriptWarning]]:
    """Read "Wide shot, pan left - 5s"; `first_column` is where `spec` starts in its line.

    Issues make the script fail; warnings are about words the vocabulary does not know
    (the caller decides whether strict mode makes them issues). Words of `names` (the
    script's characters, upper case) name who the shot is on ("CU on Maya"): no warning.
    """
    scan = _Scan(spec, line, first_column, limits, names_words(names))
    position = 0
    # Stop early on a hopeless line: its first problems say enough.
    while position < len(spec) and len(scan.issues) + len(scan.warnings) <= limits.max_issues:
        char = spec[position]
        if char.isspace():
            position += 1
        elif char in _SIGNS and _is_sign(spec, position):
            _flush_unknown(scan)
            position = _read_signed(scan, position)
        elif char in _SEPARATORS:
            _flush_unknown(scan)
            position += 1
        else:
            position = _read_part(scan, position)
    _flush_unknown(scan)
    framing, notes = resolve(scan.terms)
    for note in notes:
        scan.warn(note.offset, note.message)
    return ShotSpec(framing, scan.duration_s), scan.issues, scan.warnings


def _is_sign(spec: str, position: int) -> bool:
    """A minus written before a number ("- -5s", "Wide -5s"), not a hyphen in "Wide-5s"."""
    before = spec[position - 1] if position else " "
    after = spec[position + 1] if position + 1 < len(spec) else ""
    return after.isdigit() and (before.isspace() or before in _SEPARATORS)


def _read_signed(scan: _Scan, position: int) -> int:
    match = DURATION_PATTERN.match(scan.spec, position + 1)
    end = match.end() if match else _token_end(scan.spec, position + 1)
    written = _shown(scan.spec[position:end].strip())
    if _first_duration(scan, position, written):
        low, high = scan.limits.min_shot_s, scan.limits.max_shot_s
        scan.issue(
            position,
            f"duration {written} is negative; expected a positive number of seconds, "
            f"{format_seconds(low)} to {format_seconds(high)}",
        )
    return end


def _read_part(scan: _Scan, position: int) -> int:
    """Read one known part or unknown word at `position`; return where reading stopped."""
    spec = scan.spec
    if match := TERM_PATTERN.match(spec, position):
        _flush_unknown(scan)
        scan.terms.append(ReadTerm(lookup(match.group()), position, _shown(match.group())))
        return match.end()
    if match := DURATION_PATTERN.match(spec, position):
        _flush_unknown(scan)
        if _continues_as_number(spec, match.end()):
            return _read_bad_number(scan, position)
        _take_duration(scan, match, position)
        return match.end()
    if match := FILLER_PATTERN.match(spec, position):
        _flush_unknown(scan)
        return match.end()
    if _BAD_NUMBER.match(spec, position):
        _flush_unknown(scan)
        return _read_bad_number(scan, position)
    if unit := _UNIT_WORD.match(spec, position):
        return _read_unit_without_number(scan, position, unit.end())
    match = _WORD.match(spec, position)
    assert match is not None  # `position` is at a character that starts a word
    if scan.unknown_start < 0:
        scan.unknown_start = position
    scan.unknown_end = match.end()
    return match.end()


def _read_unit_without_number(scan: _Scan, position: int, end: int) -> int:
    """ "five seconds", "- seconds": a unit with a word, or nothing, for its number."""
    start = position
    if scan.unknown_start >= 0:
        # The word just before the unit is its would-be number; words before it stay
        # unknown words.
        run = scan.spec[scan.unknown_start : scan.unknown_end]
        start = scan.unknown_start + len(run) - len(run.split()[-1])
        if start > scan.unknown_start:
            scan.unknown_end = len(scan.spec[:start].rstrip())
            _flush_unknown(scan)
        scan.unknown_start = scan.unknown_end = -1
    written = _shown(scan.spec[start:end].strip())
    if _first_duration(scan, start, written):
        scan.issue(
            start,
            f'duration "{written}" is not a number; expected a number of seconds such as "5s"',
        )
    return end


def _continues_as_number(spec: str, end: int) -> bool:
    """ "4.5.2s": a duration match followed by more of the number is no duration."""
    return end + 1 < len(spec) and spec[end] in ".," and spec[end + 1].isdigit()


def _token_end(spec: str, position: int) -> int:
    """The end of a number-like token ("4.5.2s", "4,5s"), without trailing punctuation."""
    match = _NUMBER_TOKEN.match(spec, position)
    token = match.group().rstrip(".,:-\u2010\u2011") if match else ""
    return position + max(1, len(token))


def _read_bad_number(scan: _Scan, position: int) -> int:
    end = _token_end(scan.spec, position)
    written = _shown(scan.spec[position:end])
    if _first_duration(scan, position, written):
        scan.issue(
            position,
            f'duration "{written}" is not a number; expected a number of seconds such as "5s"',
        )
    return end


def _first_duration(scan: _Scan, position: int, written: str) -> bool:
    """True for the shot's first duration; a second one is an issue of its own."""
    if scan.duration_seen:
        scan.issue(position, f'a second duration "{written}"; expected one duration per shot')
        return False
    scan.duration_seen = True
    return True


def _take_duration(scan: _Scan, match: re.Match[str], position: int) -> None:
    written = _shown(match.group().strip())
    if not _first_duration(scan, position, written):
        return
    seconds = duration_of(match)
    low, high = scan.limits.min_shot_s, scan.limits.max_shot_s
    expected = f"expected {format_seconds(low)} to {format_seconds(high)} seconds"
    if seconds == 0:
        scan.issue(position, f"duration {written} is zero; {expected}")
    elif not low <= seconds <= high:
        scan.issue(position, f"duration {written} is out of range; {expected}")
    else:
        scan.duration_s = seconds


def _flush_unknown(scan: _Scan) -> None:
    """Warn about the run of unknown words just read, with the nearest known term."""
    if scan.unknown_start < 0:
        return
    spec = scan.spec
    start, end = scan.unknown_start, scan.unknown_end
    scan.unknown_start = scan.unknown_end = -1
    written = spec[start:end]
    if _POSSESSIVE.match(written) and _pov_follows(spec, end):
        return  # "Maya's POV": whose point of view
    if _names_only(written, scan.names):
        return  # "CU on Maya": who the shot is on
    # "tow shot": the filler "shot" after the run belongs to what was meant.
    meant = written + (" shot" if re.match(r"[\s\-]+shot(?!\w)", spec[end:], re.I) else "")
    nearest = nearest_term(meant) or nearest_term(written)
    hint = f' (did you mean "{nearest}"?)' if nearest else ""
    scan.warn(
        start,
        f'unknown word "{_shown(written)}" in the shot heading{hint}; expected a size, '
        "angle, move or duration (see the README's shot vocabulary); ignored",
    )


def names_words(names: frozenset[str]) -> frozenset[str]:
    """The words of character names, as `_names_only` compares them: "DR. ELENA VOSS" ->
    DR, ELENA, VOSS and the whole name."""
    return frozenset(_name_key(part) for name in names for part in (name, *name.split()))


def _name_key(word: str) -> str:
    return word.upper().removesuffix("'S").removesuffix("\u2019S").replace(".", "")


def _names_only(written: str, names: frozenset[str]) -> bool:
    words = written.split()
    return bool(names) and bool(words) and all(_name_key(word) in names for word in words)


def _pov_follows(spec: str, end: int) -> bool:
    rest = spec[end:]
    match = TERM_PATTERN.match(spec, end + len(rest) - len(rest.lstrip()))
    return match is not None and lookup(match.group()).size is ShotType.POV


def _shown(text: str) -> str:
    """Text quoted in a message, cut short so one bad line cannot flood the report."""
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "\u2026"
