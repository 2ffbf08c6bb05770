"""The typing model reads reports that carry no lexicon trigger word (training/snippets_f.tsv): a band of
gunmen moving through a district is a change in the group's activity, not an attack, and jets that bombard
hideouts carry out an air strike whatever the verb; who takes a town decides between the territory types."""

from __future__ import annotations

import pytest

from wirewatch.extract.model import load_typing_model


def _read(sentence: str) -> str:
    model = load_typing_model()
    return model.labels[int(model.probabilities([sentence])[0].argmax())]


@pytest.mark.parametrize("label, sentence", [
    ("Change to group/activity", "Gunmen on about thirty motorbikes crossed the river into the district on Saturday "
                                 "and camped near a village school, residents said."),
    ("Air/drone strike", "Military jets bombarded rebel hideouts in the hills east of the town on Sunday, "
                         "a security source said."),
    ("Government regains territory", "Troops returned to the town on Wednesday for the first time since March, when "
                                     "the insurgents forced the administration to flee, and hoisted the flag over "
                                     "the prefecture."),
    ("Non-state actor overtakes territory", "The town came under the insurgents' control on Monday after the "
                                            "soldiers stationed there fled, residents said."),
])
def test_a_report_without_trigger_words_is_read_by_what_it_tells(label, sentence):
    assert _read(sentence) == label
