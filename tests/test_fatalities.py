"""Casualty counts: the killed and the injured, read from sentences we wrote in the style of crime news."""

from __future__ import annotations

import pytest

from wirewatch.extract.fatalities import find_fatalities, find_injuries, find_shot
from wirewatch.extract.injured import injured_in


def _best(hit):
    return hit.best if hit else None


@pytest.mark.parametrize("text, killed", [
    ("A 23-year-old man was shot and killed early Sunday on Elm Street.", 1),
    ("A teenager was fatally shot outside a corner store.", 1),
    ("He was pronounced dead at the scene.", 1),
    ("The victim, 34, died later at Mercy Hospital.", 1),
    ("Darnell Reeves, 41, died at the hospital.", 1),              # the age is not a toll
    ("The 19-year-old died at the hospital on Tuesday.", 1),
    ("He was later pronounced dead.", 1),
    ("Police say he shot and killed his neighbor after an argument.", 1),
    ("A man was arrested in the shooting death of a Tulsa teenager.", 1),
    ("She is charged with second-degree murder.", 1),
    ("He was charged with attempted murder.", None),
    ("Two people were shot, one fatally.", 1),
    ("The gunman shot and killed three people at the party.", 3),
    ("The crash left two dead and four injured.", 2),
    ("The shooting left a woman wounded.", None),                  # "left" needs "dead" to be a toll
    ("No one was killed.", 0),
    ("At least 1,200 people were killed.", 1200),
    ("Police said no one was hurt.", 0),
    # "is dead", "both", a toll pronounced
    ("Two people are dead after a shooting outside a Dayton bar early Sunday.", 2),
    ("A man is dead after a shooting on the city's east side.", 1),
    ("Both men were pronounced dead at the scene.", 2),
    # a death told by its circumstances, whoever died
    ("Marcus Hill died at the scene, police said.", 1),
    ("Officers found a woman who later died at Grady Memorial Hospital.", 1),
    ("Deputies said Ortiz died from a single gunshot wound.", 1),
    ("A 30-year-old man was found shot to death inside a parked car Tuesday.", 1),
    ("The boy accidentally shot and killed himself with his father's handgun.", 1),
    ("Police say the man fatally shot himself as officers approached.", 1),
    ("The shooting claimed the life of a 16-year-old honor student.", 1),
    ("His grandmother died in 2009.", None),
    ("Detectives are investigating a deadly shooting on the South Side.", 1),
    ("Police are calling it a murder-suicide.", 2),                # the killer and his victim
    ("The double homicide remains unsolved.", 2),                      # a life's end long ago, no victim
    # a murder charge per victim
    ("He was charged with three counts of first-degree murder.", 3),
    ("She faces two counts of attempted murder.", None),
])
def test_killed(text, killed):
    assert _best(find_fatalities(text)) == killed


@pytest.mark.parametrize("text, injured", [
    ("Two people were wounded in the exchange of gunfire.", 2),
    ("A teenager was hurt when a stray bullet struck the bus.", 1),
    ("The gunman shot and wounded three people before fleeing.", 3),
    ("The shooting left a woman wounded.", 1),
    ("Four others suffered non-life-threatening injuries.", 4),
    ("A man suffered gunshot wounds to the leg.", 1),
    ("The 17-year-old suffered non-life-threatening injuries.", 1),
    ("There were no injuries.", 0),
    ("Nobody was hurt.", 0),
    ("No one else was injured.", None),                            # bystanders only: no count of all
    ("He died of his injuries on Monday.", None),
    ("killed one man and wounded two others", 2),
    # one victim alive in hospital
    ("The woman was listed in critical but stable condition Sunday night.", 1),
    ("He remains in serious condition at Ben Taub Hospital.", 1),
    ("The boy is fighting for his life, his aunt said.", 1),
    ("The officer suffered life-threatening injuries.", 1),
])
def test_injured(text, injured):
    assert _best(find_injuries(text)) == injured


@pytest.mark.parametrize("text, shot", [
    ("Four people were shot early Sunday.", 4),
    ("A man was shot in the leg on Saturday night.", 1),
    ("A man was shot and killed.", None),
    ("No one was shot.", None),
    # shot by accident, by his own hand, or found shot
    ("A 4-year-old boy was accidentally shot by his brother Sunday.", 1),
    ("The teen accidentally shot himself in the hand while cleaning a rifle.", 1),
    ("He got shot in the arm walking home from work.", 1),
    ("A man was found shot in an alley off Grand Avenue.", 1),
    ("The victim was taken to the hospital after being shot in the leg.", 1),
    # a wound that does not say whether it killed
    ("A man was taken to Regions Hospital with a gunshot wound to the leg.", 1),
    ("The driver suffered a single gunshot wound to the shoulder.", 1),
    # "shot N people", and never "shot at"
    ("Police said the gunman shot three people outside the club.", 3),
    ("He was shot 10 times.", 1),
    ("A man was shot at while driving on Route 9.", None),
    ("Two men were shot at as they left the store.", None),
    ("Both victims were shot in the back.", 2),
])
def test_shot(text, shot):
    assert _best(find_shot(text)) == shot


@pytest.mark.parametrize("sentences, killed, injured", [
    (["Three people were shot outside a bar.", "One of them died at the hospital."], 1, 2),
    (["A man was shot Saturday.", "He died at the hospital. No one else was hurt."], 1, 0),
    (["A man was shot in the arm.", "No one else was injured."], 0, 1),
    (["Two men were wounded.", "Three people were shot."], 0, 3),  # none died: all three hurt
    (["Two men were wounded.", "Three people were shot, one fatally."], 1, 2),
    (["Three people were shot.", "One man is in critical condition."], 0, 3),  # one singled out of three
    (["Police said no one was hurt."], 0, 0),
    (["Officers searched the area."], 0, None),
    (["A woman was wounded in the shooting.", "In all, four people were wounded."], 0, 4),  # one, then all
    (["A man was shot on Elm Street.", "Police said five people were shot."], 0, 5),
    (["A man was taken to the hospital with a gunshot wound.", "He died there hours later."], 1, 0),
])
def test_injured_in_a_passage_and_what_follows(sentences, killed, injured):
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, text))
        at += len(text) + 1
    assert _best(injured_in(offsets, killed)) == injured


def test_injured_offsets_point_into_the_article():
    article = "Officers arrived at 2 a.m. Two people were wounded."
    hit = injured_in([(0, article[:26]), (27, article[27:])], None)
    assert article[hit.start:hit.end] == "Two people were wounded"


# --- the injured on mentions, events and exports ---------------------------------------------------

from datetime import date  # noqa: E402

from wirewatch.models import (Article, Attribution, ClaimStatus, DatePrecision, Event, Fatalities,  # noqa: E402
                              GeoPrecision, Mention, Place, ResolvedDate, SourceKind, Span, TextField)


def _mention(text: str, sentence: str, place: str | None = None) -> Mention:
    start = text.index(sentence)
    trigger = text.index("shot", start)
    where = None
    if place is not None:
        at = text.index(place, start)
        where = TextField(place, Span("a1", at, at + len(place)))
    return Mention(f"a1:{start}", "a1", Span("a1", start, start + len(sentence)), "Violence against civilians",
                   "Attack", TextField("shot", Span("a1", trigger, trigger + 4)), Attribution(SourceKind.OUTLET),
                   place_text=where)


def test_resolve_reads_casualties_near_the_passage_then_in_the_article():
    from wirewatch.resolve import resolve_mentions

    text = ("Three people were shot outside a Dayton bar early Sunday. One of them died at the hospital. "
            "Officers canvassed the block. Detectives asked for video. The bar stayed shut. "
            "Separately, a man was shot in Kettering on Saturday.")
    article = Article("a1", None, "Lakeside Courier", None, date(2024, 4, 15), "en", text)
    first = _mention(text, "Three people were shot outside a Dayton bar early Sunday.", "Dayton")
    later = _mention(text, "Separately, a man was shot in Kettering on Saturday.", "Kettering")
    near, far = resolve_mentions(article, [first, later])
    assert (near.fatalities.best, near.injured.best) == (1, 2)
    assert text[near.injured.span.start:near.injured.span.end] == "Three people were shot"
    # Nothing near the second passage says who died, and the toll in the first passage is that
    # incident's: the second has no death toll, and its one victim shot counts as injured.
    assert far.fatalities is None and far.injured.best == 1


def test_an_article_toll_outside_every_passage_stands_for_a_lone_incident():
    from wirewatch.resolve import resolve_mentions

    text = ("A man was shot outside a Dayton bar early Sunday. Officers canvassed the block. "
            "Detectives asked for video. The bar stayed shut. The victim, 41, died on Monday.")
    article = Article("a1", None, "Lakeside Courier", None, date(2024, 4, 15), "en", text)
    (only,) = resolve_mentions(article, [_mention(text, "A man was shot outside a Dayton bar early Sunday.")])
    assert only.fatalities.best == 1


def _event(injured: Fatalities | None) -> Event:
    place = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", None, 39.76, -84.19, 4509884)
    return Event("ev-1", "Violence against civilians", "Attack",
                 ResolvedDate(date(2024, 4, 14), date(2024, 4, 14), DatePrecision.DAY), place,
                 ClaimStatus.REPORTED, fatalities=Fatalities(1, 1, 1), injured=injured)


def test_exports_carry_the_injured_in_notes_and_geojson_properties():
    from wirewatch.serve.export import ACLED_COLUMNS, EXTRA_COLUMNS, event_feature, event_row

    row = event_row(_event(Fatalities(2, 2, 4)), "summary")
    assert set(row) == set(ACLED_COLUMNS + EXTRA_COLUMNS)          # no column ACLED lacks
    assert row["notes"].endswith("Injured: 2 (2-4).") and row["fatalities"] == 1
    props = event_feature(_event(Fatalities(2, 2, 4)))["properties"]
    assert (props["injured"], props["injured_low"], props["injured_high"]) == (2, 2, 4)
    assert "Injured" not in event_row(_event(None))["notes"]
    assert event_feature(_event(None))["properties"]["injured"] is None


def test_a_conflict_toll_in_background_is_no_incident_toll():
    from wirewatch.resolve import resolve_mentions

    text = ("Three people were shot outside a Dayton bar early Sunday. "
            "Gun violence in the city has killed 40 people since 2019, police figures show. "
            "Detectives asked for video. The bar stayed shut. "
            "Shootings have killed 12 people in Dayton so far this year.")
    article = Article("a1", None, "Lakeside Courier", None, date(2024, 4, 15), "en", text)
    (only,) = resolve_mentions(article, [_mention(text, "Three people were shot outside a Dayton bar early Sunday.")])
    assert only.fatalities is None and only.injured.best == 3


def test_resolve_time_grows_with_mentions_not_their_square():
    # Many mentions in one long article: each mention's casualty window is found once, not once per pair.
    from wirewatch.resolve import resolve_mentions
    import wirewatch.resolve as resolve

    text = " ".join(f"A man was shot in Dayton on day {i}." for i in range(300))
    article = Article("a1", None, "Lakeside Courier", None, date(2024, 4, 15), "en", text)
    mentions = [_mention(text, f"A man was shot in Dayton on day {i}.") for i in range(300)]
    calls = []
    real = resolve._window
    resolve._window = lambda *a: calls.append(1) or real(*a)
    try:
        resolve_mentions(article, mentions)
    finally:
        resolve._window = real
    assert len(calls) == len(mentions)


def test_the_stem_checks_never_hide_a_count_the_patterns_read():
    from pathlib import Path

    import wirewatch.extract.fatalities as f
    from wirewatch.extract.sentences import split_sentences

    root = Path(__file__).parent
    paths = [*(root / "fixtures" / "dev" / "articles").glob("*.txt"),
             *(root.parent / "src" / "wirewatch" / "data" / "demo" / "articles").glob("*.txt")]
    texts = [s.text for p in sorted(paths) for s in split_sentences(p.read_text(encoding="utf-8"))]
    texts += ["No one was hurt.", "Two people were shot.", "He later succumbed to his wounds.", "Bodies of 3 men."]
    unchecked = [(f._find(t, f._KILLED_PATTERNS, f._ONE_KILLED) or f._none(t, f._NONE),
                  f._find(t, f._INJURED_PATTERNS, f._ONE_INJURED) or f._none(t, f._NONE_INJURED),
                  f._find(t, f._SHOT_PATTERNS, f._ONE_SHOT)) for t in texts]
    assert sum(any(row) for row in unchecked) > 40
    assert [(f.find_fatalities(t), f.find_injuries(t), f.find_shot(t)) for t in texts] == unchecked
