"""A CASE-style passage is typed as one incident told in several sentences (evaluate/typing.py)."""

import pytest

from wirewatch.evaluate.typing import NO_TRIGGER, ONE_TYPE, SEVERAL_TYPES, classify_snippet, passage_type, score_typing
from wirewatch.extract.lexicons import load_lexicons
from wirewatch.settings import ExtractSettings

LEXICON_ONLY = ExtractSettings(model=False)


@pytest.mark.parametrize("passage, expected", [
    ("Hundreds of traders marched to the governor's office in Kano on Tuesday to protest against new market "
     "levies. Some of the marchers later hurled stones at police and set a patrol vehicle on fire.",
     "Violent demonstration"),
    ("Gunmen attacked a village in Borno state on Monday, killing four farmers. Troops later engaged the "
     "attackers in a gun battle that lasted into the night.", "Armed clash"),
])
def test_a_later_sentence_that_outranks_the_opening_types_the_passage(passage, expected):
    assert classify_snippet(passage, LEXICON_ONLY) == expected


def test_the_first_type_told_stands_where_none_outranks_it():
    overrides = load_lexicons().overrides
    assert passage_type(["Arrests", "Looting/property destruction"], overrides) == "Arrests"
    assert passage_type(["Attack", "Grenade"], overrides) == "Grenade"


def test_types_that_outrank_each_other_keep_the_first_told():
    assert passage_type(["A", "B"], {"A": frozenset({"B"}), "B": frozenset({"A"})}) == "A"


def test_a_passage_of_one_peaceful_sentence_stays_peaceful():
    text = "Nurses staged a sit-in outside the health ministry in Accra on Monday to demand unpaid allowances."
    assert classify_snippet(text, LEXICON_ONLY) == "Peaceful protest"


def test_typing_figures_count_snippets_by_route():
    pairs = [("Police fired tear gas to disperse protesters in Nairobi on Tuesday.", "Protest with intervention"),
             ("Gunmen attacked a village in Borno state on Monday, killing four farmers. Troops later engaged the "
              "attackers in a gun battle that lasted into the night.", "Attack"),
             ("Officials met to discuss the budget.", "Armed clash")]
    routes = score_typing(pairs, LEXICON_ONLY)["by_route"]
    assert routes[ONE_TYPE] == {"snippets": 1, "accuracy": 1.0}
    assert routes[SEVERAL_TYPES] == {"snippets": 1, "accuracy": 0.0}
    assert routes[NO_TRIGGER] == {"snippets": 1, "accuracy": 0.0}



def test_a_passage_with_no_trigger_still_gets_one_of_the_25_types():
    # The model alone reads this as no event; CASE asks which of its types a snippet reports.
    from wirewatch.ontology import load_ontology
    passage = "The council met on Thursday to discuss the budget for the coming year."
    assert classify_snippet(passage, ExtractSettings()) in load_ontology().event_type_of


@pytest.mark.parametrize("content", ["", "EventSnippet\tSubType\n", "text\tlabel\nGunmen attacked a bus.\tATTACK\n",
                                     "Snippet\tSubType\nGunmen attacked a bus.\tATTACK\n"])
def test_a_case_file_with_no_snippet_of_the_25_classes_is_refused_by_name(tmp_path, content):
    from wirewatch.errors import InputError
    from wirewatch.evaluate.typing import read_case2021
    path = tmp_path / "task2.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="task2.tsv"):
        read_case2021(path)
