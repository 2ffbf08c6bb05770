"""A report sent in capital letters is read in ordinary case, offsets unmoved, and says so."""

from __future__ import annotations

from wirewatch import pipeline
from wirewatch.clean.casing import reading_case, recase
from wirewatch.settings import load_settings
from wirewatch.store import EventFilter, SQLiteStore

HEADER = ("Title: Gunmen kill four at police post in Katsina\nOutlet: Savanna Wire\n"
          "URL: https://savannawire.example/2024/09/17/katsina-post\nPublished: 2024-09-17\n\n")
BODY = ("KATSINA, Nigeria (Savanna Wire) — Gunmen on motorcycles attacked a police post in the town of Funtua "
        "in Katsina state on Monday, killing three officers and a civilian, police said.\n\n"
        "\"They came in large numbers and burnt two patrol vehicles,\" a police spokesman told reporters in "
        "Katsina on Tuesday. No group has claimed the attack.")


def test_a_paragraph_in_capitals_reads_as_ordinary_text():
    shout = "GUNMEN ATTACKED A POLICE POST IN FUNTUA ON MAY 5, KILLING THREE OFFICERS, THE POLICE SAID."
    read = reading_case(shout)
    assert len(read) == len(shout)
    assert read == "Gunmen attacked a police post in Funtua on May 5, killing three officers, the police said."


def test_acronyms_stay_in_capitals_and_the_dateline_town_too():
    text, n = recase("MAIDUGURI, NIGERIA — ISWAP FIGHTERS RAIDED A MILITARY BASE NEAR THE TOWN OF MONGUNO ON "
                     "SATURDAY, THE ARMY SAID.")
    assert n == 1
    assert text.startswith("MAIDUGURI, Nigeria — ISWAP fighters raided a military base near the town of Monguno")


def test_ordinary_text_and_a_shouted_headline_are_left_alone():
    text = "BREAKING: BLAST IN KANO\n\n" + BODY
    assert recase(text) == (text, 0)


def _events(folder, tmp_path, name):
    store = SQLiteStore(tmp_path / f"{name}.db")
    try:
        report = pipeline.run([folder], store, load_settings(None, env={}, overrides={"extract.model": False}))
        found = {(e.sub_event_type, e.place.name, e.place.country, e.date.start, e.fatalities and e.fatalities.best,
                  e.actor2 and e.actor2.name, e.claim_status) for e in store.events(EventFilter())}
        return found, [p.message for p in report.problems if p.level == "warning"]
    finally:
        store.close()


def test_a_report_in_capitals_gives_the_events_of_the_same_report_in_ordinary_case(tmp_path):
    plain, shouted = tmp_path / "plain", tmp_path / "shouted"
    plain.mkdir(), shouted.mkdir()
    (plain / "a.txt").write_text(HEADER + BODY, encoding="utf-8")
    (shouted / "a.txt").write_text(HEADER + BODY.upper(), encoding="utf-8")
    expected, warned = _events(plain, tmp_path, "plain")
    found, warnings = _events(shouted, tmp_path, "shouted")
    assert expected and found == expected
    assert not any("capital letters" in w for w in warned)
    assert any("capital letters" in w for w in warnings)


def test_a_witness_named_may_is_no_modal_and_keeps_the_event():
    # read as "Witness may Ahmed said gunmen shot dead ...", the whole report was a possibility and gave nothing
    from datetime import date

    from wirewatch.clean import article_id
    from wirewatch.extract import extract
    from wirewatch.models import Article

    shout = ("WITNESS MAY AHMED SAID GUNMEN SHOT DEAD TWO GUARDS AT A BANK IN KANO ON MONDAY, BUT IT MAY HAVE BEEN "
             "A ROBBERY.")
    read, _ = recase(shout)
    assert read.startswith("Witness May Ahmed said") and "it may have been" in read
    article = Article(id=article_id(read), url=None, outlet=None, title=None, published=date(2024, 9, 23),
                      language="en", text=read, source="t")
    assert extract(article)[0]


def test_the_us_the_un_and_initials_keep_their_capitals_and_the_pronouns_theirs():
    read, _ = recase("A US AIRSTRIKE HIT THE TOWN AFTER U.S. AND UN OFFICIALS TOLD US TO LEAVE, AND I LEFT, THE SBU "
                     "TOLD THE AP ON MONDAY.")
    assert read == ("A US airstrike hit the town after U.S. And UN officials told us to leave, and I left, the SBU "
                    "told the AP on Monday.")


def test_a_clause_before_a_comma_is_no_dateline():
    read, _ = recase("GUNMEN KILLED THREE VILLAGERS, POLICE SAID ON MONDAY, AFTER AN ATTACK ON THE VILLAGE OF KURIGA.")
    assert read.startswith("Gunmen killed three villagers, police said")
    read, _ = recase("MEXICO CITY — GUNMEN KILLED FIVE PEOPLE IN A BAR IN THE STATE OF GUANAJUATO ON SUNDAY.")
    assert read.startswith("MEXICO CITY — Gunmen killed five people")


def test_a_dotted_capital_i_leaves_the_rest_of_the_paragraph_readable():
    # the whole paragraph was left in capitals: "İ" lowers to two characters
    read, n = recase("İSTANBUL, TURKEY — POLICE DETAINED 20 PROTESTERS IN İSTANBUL ON SUNDAY, THE GOVERNOR'S OFFICE "
                     "SAID.")
    assert n == 1 and read == ("İSTANBUL, Turkey — Police detained 20 protesters in İstanbul on Sunday, the governor's "
                               "office said.")


def test_a_name_of_ordinary_and_other_words_is_read_whole():
    # "the West bank" was no place: the raid went to the Palestinian Territory at country precision
    read, _ = recase("ISRAELI TROOPS RAIDED THE JENIN REFUGEE CAMP IN THE WEST BANK AND A TOWN IN THE CENTRAL AFRICAN "
                     "REPUBLIC ON MONDAY.")
    assert "in the West Bank and a town in the Central African Republic" in read


def test_a_town_that_is_also_a_word_keeps_its_capital_where_its_state_qualifies_it():
    # "in mobile, Alabama" placed the shooting in the state of Alabama, not the city
    read, _ = recase("A GUNMAN OPENED FIRE AT A NIGHTCLUB IN MOBILE, ALABAMA, ON SUNDAY, AND A MAN WAS SHOT IN READING, "
                     "PENNSYLVANIA. THEY HAD NO MOBILE PHONES.")
    assert "in Mobile, Alabama, on Sunday" in read and "in Reading, Pennsylvania." in read and "no mobile phones" in read
