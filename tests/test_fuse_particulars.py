"""Fuse: the particulars of local reports (ages, streets) tell apart incidents one town and one day share,
and a place known only to its state needs the day itself."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.fuse import fuse
from wirewatch.fuse.particulars import Particulars, compare, read_particulars
from wirewatch.fuse.similarity import match
from wirewatch.ingest.dedup import fingerprint
from wirewatch.models import (Article, Attribution, DatePrecision, Event, EventSource, GeoPrecision, Mention,
                              Place, ResolvedDate, SourceKind, Span, TextField)
from wirewatch.settings import FuseSettings

MAX_KM, THRESHOLD = FuseSettings().max_km, FuseSettings().threshold
TOLEDO = Place("Toledo", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Lucas County", 41.66, -83.56, 5174035)
OHIO = Place("Ohio", GeoPrecision.REGION, "United States", "USA", "Ohio", None, 40.25, -83.0, None)

# Two shootings in one city on one night, as two local outlets would write them.
ELM = ("Police said a 23-year-old man was shot in the 1400 block of Elm Street late Friday. Darnell Hayes, 23, "
       "was taken to a hospital, where he died.")
ELM_AGAIN = ("A man shot on Elm St. on Friday night has died, police said. The victim, 23, had been found on the "
             "sidewalk by neighbours.")
OAK = ("A 41-year-old woman was wounded on Oak Avenue early Saturday, police said. She is expected to survive.")


def day(d: int) -> ResolvedDate:
    return ResolvedDate(date(2023, 3, d), date(2023, 3, d), DatePrecision.DAY)


def mention(article: str, place: Place = TOLEDO, when: ResolvedDate | None = None) -> Mention:
    span = Span(article, 0, 10)
    return Mention(id=f"{article}:0:0:0", article_id=article, passage=span, event_type="Violence against civilians",
                   sub_event_type="Attack", trigger=TextField("shot", span), attribution=Attribution(SourceKind.OUTLET),
                   place=place, date=when or day(10))


def event(article: str, place: Place = TOLEDO, when: ResolvedDate | None = None) -> Event:
    from wirewatch.models import ClaimStatus
    return Event("ev-x", "Violence against civilians", "Attack", when or day(10), place, ClaimStatus.REPORTED,
                 sources=(EventSource(f"{article}:0:0:0", article, None, None, SourceKind.OUTLET, "founded the event"),))


# --- reading particulars --------------------------------------------------------------------------


def test_ages_and_streets_are_read_from_a_local_report():
    assert read_particulars(ELM) == Particulars(frozenset({"23"}), frozenset({"elm"}))
    assert read_particulars(ELM_AGAIN) == Particulars(frozenset({"23"}), frozenset({"elm"}))
    assert read_particulars(OAK) == Particulars(frozenset({"41"}), frozenset({"oak"}))


@pytest.mark.parametrize("text, streets", [
    ("Gunfire was reported near West 63rd Street and South Halsted.", {"63rd"}),
    ("The crash closed Interstate 75 for hours; I-75 reopened at noon.", {"route 75"}),
    ("He appeared in Superior Court on Monday.", set()),                    # a court is no street
    ("The man was shot in East St. Louis on Sunday.", set()),               # a town, not a street
    ("The Street was quiet again by morning.", set()),
])
def test_street_names_and_what_is_no_street(text, streets):
    assert read_particulars(text).streets == streets


def test_ages_in_their_usual_forms():
    text = "Two 17-year-olds and a man aged 52 were hurt; Jordan Miles, 19, was arrested."
    assert read_particulars(text).ages == {"17", "52", "19"}
    assert read_particulars("On March 5, 2023, shots were fired.").ages == frozenset()


@pytest.mark.parametrize("a, b, sign", [
    (ELM, ELM_AGAIN, 1),            # a street and an age in common
    (ELM, OAK, -1),                 # both give ages and streets, none in common
    (ELM, "A man was shot Friday night, police said.", 0),   # nothing to compare
])
def test_compare_particulars(a, b, sign):
    got, reason = compare(read_particulars(a), read_particulars(b))
    assert got == sign
    assert (reason is None) == (sign == 0)


# --- the match rule -------------------------------------------------------------------------------


def _with(a: str, b: str) -> tuple[Particulars, Particulars]:
    return read_particulars(a), read_particulars(b)


def test_other_particulars_part_reports_a_day_apart_in_one_town():
    m, e = mention("a2", when=day(11)), event("a1", when=day(10))
    assert match(m, e, MAX_KM).score >= THRESHOLD                     # nothing to tell them apart
    other = match(m, e, MAX_KM, lambda: _with(OAK, ELM))
    assert other.score < THRESHOLD and "no age or street in common" in other.reasons
    assert match(m, e, MAX_KM, lambda: _with(ELM_AGAIN, ELM)).score >= THRESHOLD


def test_other_particulars_do_not_part_reports_of_one_town_on_one_day():
    # A report may name the suspect's age where another names the victim's: the same town on the same day
    # stays stronger evidence than that.
    m = match(mention("a2"), event("a1"), MAX_KM, lambda: _with(OAK, ELM))
    assert m.score >= THRESHOLD


def test_shared_particulars_rank_a_candidate_above_its_neighbours():
    plain = match(mention("a2"), event("a1"), MAX_KM)
    shared = match(mention("a2"), event("a1"), MAX_KM, lambda: _with(ELM_AGAIN, ELM))
    assert shared.score > plain.score
    assert any(r.startswith("particulars in common (elm") for r in shared.reasons)


@pytest.mark.parametrize("m_place, e_place", [(OHIO, TOLEDO), (TOLEDO, OHIO)])
@pytest.mark.parametrize("when", [day(10), day(11)])
def test_other_particulars_part_a_report_known_only_to_its_state(m_place, e_place, when):
    # A state holds many shootings a day: unlike the same town on the same day, it does not outweigh them.
    m, e = mention("a2", place=m_place, when=when), event("a1", place=e_place)
    assert match(m, e, MAX_KM).score >= THRESHOLD
    assert match(m, e, MAX_KM, lambda: _with(OAK, ELM)).score < THRESHOLD


# --- one incident told again, with a slip in its day or its town ---------------------------------

SYLVANIA = Place("Sylvania", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Lucas County", 41.72, -83.71, 5173623)
DAYTON = Place("Dayton", GeoPrecision.EXACT, "United States", "USA", "Ohio", "Montgomery County", 39.76, -84.19, 4509884)
CHARGED = ("Prosecutors on Wednesday charged a 19-year-old in the killing of a man shot on Elm Street over the "
           "weekend.")


@pytest.mark.parametrize("gap", [3, 7])
def test_a_follow_up_days_later_in_one_town_joins_by_a_street_in_common(gap):
    m, e = mention("a2", when=day(10 + gap)), event("a1", when=day(10))
    assert match(m, e, MAX_KM) is None                                  # days apart: not without its street
    joined = match(m, e, MAX_KM, lambda: _with(CHARGED, ELM))
    assert joined.score >= THRESHOLD and "a street in common (elm)" in joined.reasons
    assert f"{gap} days apart" in joined.reasons


@pytest.mark.parametrize("m_kw, e_kw", [
    ({"when": day(18)}, {}),                                            # over a week apart
    ({"when": day(13), "place": SYLVANIA}, {}),                         # another town, days apart
    ({"when": day(13), "place": OHIO}, {}),                             # only the state, days apart
])
def test_a_street_in_common_does_not_join_what_is_too_far_apart(m_kw, e_kw):
    m, e = mention("a2", **m_kw), event("a1", **e_kw)
    assert match(m, e, MAX_KM, lambda: _with(CHARGED, ELM)) is None


def test_towns_apart_on_one_day_in_one_state_join_by_a_street_in_common():
    m, e = mention("a2", place=DAYTON), event("a1")
    assert match(m, e, MAX_KM) is None
    assert match(m, e, MAX_KM, lambda: _with(OAK, ELM)) is None         # no street in common
    joined = match(m, e, MAX_KM, lambda: _with(ELM_AGAIN, ELM))
    assert joined.score >= THRESHOLD and "a street in common (elm)" in joined.reasons
    assert any(r.startswith("towns apart in Ohio") for r in joined.reasons)


USA = Place("United States", GeoPrecision.COUNTRY, "United States", "USA", None, None, 39.8, -98.6, None)


@pytest.mark.parametrize("m_place, e_place", [(USA, TOLEDO), (TOLEDO, USA)])
def test_a_report_placed_only_in_its_country_joins_by_a_street_named_that_day(m_place, e_place):
    m, e = mention("a2", place=m_place, when=day(11)), event("a1", place=e_place)
    assert match(m, e, MAX_KM) is None                                  # the country alone says nothing
    assert match(m, e, MAX_KM, lambda: _with(OAK, ELM)) is None
    joined = match(m, e, MAX_KM, lambda: _with(ELM_AGAIN, ELM))
    assert joined.score >= THRESHOLD and "particulars in common (elm, aged 23)" in joined.reasons
    later = mention("a2", place=m_place, when=day(13))
    assert match(later, e, MAX_KM, lambda: _with(ELM_AGAIN, ELM)) is None


def test_particulars_are_read_only_when_they_may_decide():
    calls = []

    def reader():
        calls.append(1)
        return _with(ELM_AGAIN, ELM)

    assert match(mention("a2", when=day(25)), event("a1"), MAX_KM, reader) is None   # weeks apart
    assert calls == []


# --- through the store ----------------------------------------------------------------------------


def _article(aid: str, text: str) -> Article:
    return Article(aid, f"https://news.example/{aid}", f"Outlet {aid}", None, date(2023, 3, 11), "en", text,
                   source=f"{aid}.txt")


def test_fuse_reads_particulars_of_stored_articles_and_explains_the_merge(tmp_store):
    arts = {"a1": _article("a1", ELM), "a2": _article("a2", OAK), "a3": _article("a3", ELM_AGAIN)}
    with tmp_store.transaction():
        for a in arts.values():
            tmp_store.add_article(a, fingerprint(a.text))
        first = fuse([mention("a1")], {"a1": arts["a1"]}, tmp_store, FuseSettings())
    # Later batches: the first report's text is read back from the store.
    with tmp_store.transaction():
        oak = fuse([mention("a2", when=day(11))], {"a2": arts["a2"]}, tmp_store, FuseSettings())
        elm = fuse([mention("a3", when=day(11))], {"a3": arts["a3"]}, tmp_store, FuseSettings())
    assert oak[0].id != first[0].id
    assert elm[0].id == first[0].id
    reasons = dict((m.article_id, r) for m, r in tmp_store.mentions_of(first[0].id))
    assert "particulars in common (elm, aged 23)" in reasons["a3"]


def test_fuse_finds_the_incident_a_follow_up_read_first_names(tmp_store):
    # The charge (dated by its own news, days later) is stored before the report of the shooting itself.
    arts = {"a1": _article("a1", CHARGED), "a2": _article("a2", ELM)}
    with tmp_store.transaction():
        for a in arts.values():
            tmp_store.add_article(a, fingerprint(a.text))
        first = fuse([mention("a1", when=day(13))], {"a1": arts["a1"]}, tmp_store, FuseSettings())
        second = fuse([mention("a2", when=day(10))], {"a2": arts["a2"]}, tmp_store, FuseSettings())
    assert second[0].id == first[0].id
    joined = tmp_store.event(first[0].id)
    assert {s.article_id for s in joined.sources} == {"a1", "a2"}
    assert joined.date.start == date(2023, 3, 10)       # among equally precise dates, the earliest
