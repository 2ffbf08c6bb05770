"""Time expressions: find them in text, and turn one into a date range against a reference date.

Month and weekday names must be capitalised, so the modal "may" and the verb "march" are not dates.
dateparser reads the absolute dates; the rules for relative and vague phrases are ours, because
dateparser answers nothing for "earlier this month" or "overnight" and dates "on Tuesday" a week early
when the reference day is itself a Tuesday.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .models import DatePrecision

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"Sept": 9}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,2}|" + "|".join(k for k in NUMBER_WORDS if len(k) > 2) + r"|a|an)"

# "Saturday, Jan. 4": a weekday before a calendar date is part of it, and the date, not the weekday read
# against publication, says which Saturday (a follow-up weeks later still names the incident's day).
_WD_BEFORE = rf"(?:(?:(?i:late|early)(?: (?i:on))? |(?i:on) )?{_WD}(?: (?i:morning|afternoon|evening|night))?,? )?"

PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("dmy", rf"\b{_WD_BEFORE}(?:(?i:the) )?{_DAY} (?:(?i:of) )?{_MON}(?:,? \d{{4}})?\b"),
    ("mdy", rf"\b{_WD_BEFORE}{_MON} {_DAY}\b(?:,? \d{{4}}\b)?"),
    ("weekday", rf"\b(?:(?i:late|early)(?: (?i:on))? |(?i:on|last|this|since) )?{_WD}"
                r"(?: (?i:morning|afternoon|evening|night))?\b"),
    ("ago", rf"\b(?i:{_NUM} (?:day|week|month|year)s? ago)\b"),
    ("day_word", r"\b(?i:yesterday|earlier today|today|this morning|this afternoon|this evening|tonight|"
                 r"last night|overnight)\b"),
    ("week", r"\b(?i:(?:earlier |later )?(?:this|last|the previous|the past) week(?:end)?|over the weekend)\b"),
    ("month_rel", r"\b(?i:(?:earlier |later |at the (?:start|beginning|end) of |(?:in )?early |(?:in )?late )?"
                  r"(?:this|last) month)\b"),
    ("month", rf"\b(?:(?:(?i:in|last|since|during|by|until|through|throughout|mid|early|late|earlier in|"
              rf"in early|in late|in mid|(?:since |from |by |until )?(?:at )?the (?:start|beginning|end|middle) of)[ -]){_MON}(?: \d{{4}})?|"
              rf"{_MON} \d{{4}})\b"),
    ("season", r"\b(?i:(?:last|this|in the|during the|over the) (?:spring|summer|autumn|fall|winter))\b"),
    ("year", r"\b(?:(?i:earlier this|this|last) (?i:year)|(?i:in|since|during|throughout|early|late) \d{4})\b"),
]
# Every pattern starts at a word's start with one of these characters (a digit, a month's or a weekday's
# capital, or the first letter of a lower-case lead word): testing that once before the alternatives spares
# trying each of them at every character of the text, the bulk of the scan's time. Same matches.
_SCANNER = re.compile(r"\b(?=(?i:[\dabdefijlmnostuwy]))(?:" +
                      "|".join(f"(?P<{name}>{pat})" for name, pat in PATTERNS) + ")")
# Something every pattern above needs: a digit, a month or weekday name, or one of these words. One search for
# them passes over the many sentences that hold no time expression, which the scanner would try at every word.
# Its lead look-ahead holds every character that one of them may start with ("ſ" is an "s" to (?i)): one test
# at each character spares trying the alternatives there, the bulk of this search's time. Same answers.
_MAY_HOLD = re.compile(rf"(?=[\dADEFJMNOSTWYaefmnstwyſ])(?:\d|{_MON}|{_WD}|(?i:ago|yesterday|today|morning|afternoon|"
                       r"evening|night|week|month|year|spring|summer|autumn|fall|winter))")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text: offsets, its words, and which rule found it."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class DateRange:
    """What an expression means against a reference date."""

    start: date
    end: date
    precision: DatePrecision


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in text, left to right, longest alternative first."""
    if len(text) > _CACHED_CHARS:
        return list(_scan(text))
    return list(_scan_cached(text))


# A sentence is scanned by the extract stage and again by resolve/dates.py; whole texts are left out of the
# cache so that long inputs cannot fill memory.
_CACHED_CHARS = 2000


def _scan(text: str) -> tuple[TimeExpression, ...]:
    if not _MAY_HOLD.search(text):
        return ()
    return tuple(TimeExpression(m.start(), m.end(), m.group(0), m.lastgroup or "") for m in _SCANNER.finditer(text))


_scan_cached = lru_cache(maxsize=4096)(_scan)


def resolve(expr: TimeExpression, ref: date) -> DateRange | None:
    """The date range an expression stands for, read against `ref`; None if impossible."""
    return _RESOLVERS[expr.kind](expr.text, ref)


def _absolute(text: str, ref: date) -> DateRange | None:
    text = _LEADING_WEEKDAY.sub("", text)
    day = _plain_day(text, ref)
    if day is not None:
        return DateRange(day, day, DatePrecision.DAY)
    import dateparser  # imported on first use: it costs ~0.5 s and many runs never need it

    cleaned = re.sub(r"^(?:the|on)\s+", "", text, flags=re.IGNORECASE)
    settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month"], "STRICT_PARSING": False}
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None or not _day_is_valid(cleaned):
        return None
    day = parsed.date() if re.search(r"\d{4}", cleaned) else _yearless(parsed.month, parsed.day, ref)
    return DateRange(day, day, DatePrecision.DAY) if day else None


# A date with no year a few weeks after the reference is that day, not last year's: a hearing set for it,
# or a page dated a day early. It lies ahead of publication, and resolve/dates.py rejects it with a note.
_AHEAD = timedelta(days=31)
_LEADING_WEEKDAY = re.compile(rf"^.*?{_WD}(?: (?i:morning|afternoon|evening|night))?,? ")

# The usual shapes, read without dateparser (2.5 ms a call): "23 March", "the 3rd of May 2023", "March 23, 2015",
# "2023-03-05". The same day as dateparser gives (tests/test_timex.py compares them); anything else goes to it.
_PLAIN = (re.compile(rf"(?:(?i:the) )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:(?i:of) )?(?P<m>{_MON})(?:,? (?P<y>\d{{4}}))?"),
          re.compile(rf"(?P<m>{_MON}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?"))


def _plain_day(text: str, ref: date) -> date | None:
    """The day a plain absolute date names (a past one when it gives no year), or None for any other
    shape or an impossible day."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        hit = next((m for m in (p.fullmatch(text) for p in _PLAIN) if m), None)
        if hit is None:
            return None
        if not hit["y"]:
            return _yearless(_month_number(hit["m"]), int(hit["d"]), ref)
        return date(int(hit["y"]), _month_number(hit["m"]), int(hit["d"]))
    except ValueError:   # 30 February: dateparser's way decides
        return None


def _yearless(month: int, day: int, ref: date) -> date | None:
    """A month and day with no year: the latest such day up to _AHEAD after `ref` (29 February in the
    nearest leap year before); None for a day no month has."""
    for year in range(ref.year + 1, ref.year - 8, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= ref + _AHEAD:
            return found
    return None


def _day_is_valid(text: str) -> bool:
    """False for dates no calendar has (30 February), which parsers may roll over silently."""
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MON})|({_MON}) (\d{{1,2}})", text)
    if not m:
        return True
    day = int(m.group(1) or m.group(4))
    month = _month_number(m.group(2) or m.group(3))
    year_match = re.search(r"\d{4}", text)
    year = int(year_match.group(0)) if year_match else 2024  # a leap year lets 29 February through
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _weekday(text: str, ref: date) -> DateRange:
    name = next(wd for wd in WEEKDAYS if wd in text)
    back = (ref.weekday() - WEEKDAYS.index(name)) % 7
    lowered = text.lower()
    if back == 0 and lowered.startswith("last "):
        back = 7
    elif back == 6 and not lowered.startswith(("last ", "since ")):
        # The day after the reference, not six days before it: a writer six days on says "last Tuesday" or
        # gives the date. A day after publication is impossible for a past event: resolve/dates.py rejects it.
        back = -1
    day = ref - timedelta(days=back)
    return DateRange(day, day, DatePrecision.DAY)


def _day_word(text: str, ref: date) -> DateRange:
    lowered = text.lower()
    # Wire copy says "overnight" and "last night" of the night before publication.
    day = ref - timedelta(days=1) if lowered in {"yesterday", "last night", "overnight"} else ref
    return DateRange(day, day, DatePrecision.DAY)


def _ago(text: str, ref: date) -> DateRange:
    count_word, unit = text.lower().split()[:2]
    count = int(count_word) if count_word.isdigit() else NUMBER_WORDS[count_word]
    if unit.startswith("day"):
        day = ref - timedelta(days=count)
        return DateRange(day, day, DatePrecision.DAY)
    if unit.startswith("week"):
        start = ref - timedelta(weeks=count)
        return DateRange(start, start + timedelta(days=6), DatePrecision.WEEK)
    if unit.startswith("month"):
        return _month_range(*_shift_month(ref.year, ref.month, -count))
    return DateRange(date(ref.year - count, 1, 1), date(ref.year - count, 12, 31), DatePrecision.YEAR)


def _week(text: str, ref: date) -> DateRange:
    lowered = text.lower()
    if "weekend" in lowered:
        back = (ref.weekday() - 5) % 7  # the most recent Saturday on or before ref
        if "last" in lowered and back < 2:
            back += 7
        saturday = ref - timedelta(days=back)
        return DateRange(saturday, saturday + timedelta(days=1), DatePrecision.WEEK)
    monday = ref - timedelta(days=ref.weekday())
    if "this" in lowered:
        return DateRange(monday, ref, DatePrecision.WEEK)
    return DateRange(monday - timedelta(days=7), monday - timedelta(days=1), DatePrecision.WEEK)


def _month_rel(text: str, ref: date) -> DateRange:
    if "last month" in text.lower():
        return _month_range(*_shift_month(ref.year, ref.month, -1))
    return DateRange(ref.replace(day=1), ref, DatePrecision.MONTH)


def _month(text: str, ref: date) -> DateRange | None:
    m = re.search(_MON, text)
    month = _month_number(m.group(0))
    year_match = re.search(r"\d{4}", text)
    if year_match:
        year = int(year_match.group(0))
    elif text.lower().startswith("last "):
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    result = _month_range(year, month)
    return None if result.start > ref else result


def _season(text: str, ref: date) -> DateRange:
    """"last summer": the latest summer over before ref; "this/in the summer": the latest begun by ref."""
    first, last = SEASONS[text.lower().split()[-1]]
    for year in (ref.year, ref.year - 1, ref.year - 2):
        start = date(year, first, 1)
        end = _month_range(year + 1 if first > last else year, last).end
        if (end < ref) if text.lower().startswith("last") else (start <= ref):
            return DateRange(start, end, DatePrecision.MONTH)
    return DateRange(start, end, DatePrecision.MONTH)


def _year(text: str, ref: date) -> DateRange:
    found = re.search(r"\d{4}", text)
    year = int(found.group(0)) if found else ref.year - (1 if "last" in text.lower() else 0)
    return DateRange(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR)


def _month_number(name: str) -> int:
    return _MONTH_ABBR[name.rstrip(".")[:4] if name.startswith("Sept") else name.rstrip(".")[:3]]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(date(year, month, 1), date(year, month, last), DatePrecision.MONTH)


_RESOLVERS = {"iso": _absolute, "dmy": _absolute, "mdy": _absolute, "weekday": _weekday, "ago": _ago,
              "day_word": _day_word, "week": _week, "month_rel": _month_rel, "month": _month,
              "season": _season, "year": _year}
