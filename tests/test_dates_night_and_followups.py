"""Which day a shooting is dated by: a follow-up that tells the incident's story under a calendar day with
no incident word beside it, the days of what came after (a vigil, a release from jail, a warrant, a later
state) that stand beside an incident's word, and a page's own posted/updated stamp."""

from __future__ import annotations

from datetime import date

from wirewatch.models import Span
from wirewatch.resolve.dates import event_date_words, lead_date, resolve_date

from test_dates_rules import _article, _field, _sentence

TUE = date(2022, 9, 13)  # a Tuesday
SEP_30 = date(2022, 9, 30)  # a Friday, over a month after the shooting told below

# Written for these tests in the style of US local crime news; people and streets are invented.
FOLLOW_UP = ("A second man was arrested Wednesday in connection with a deadly shooting in August, police said.\n\n"
             "Investigators say that on Aug. 21, Terrell Banks and two friends were sitting in a parked car "
             "in the 900 block of Oriole Lane when a gray sedan pulled up beside them. Banks died at the scene.")
NO_STORY_DAY = ("A second man was arrested Wednesday in connection with a deadly shooting in August, police said. "
                "Deshawn Cole, 19, is being held without bond.")
VIGIL = ("Dozens gathered for a vigil Sunday to remember a teenager killed in a shooting on Oriole Lane. "
         "Police said the boy was shot Friday night as he walked home.")
RELEASED = ("A man held in the shooting of a store clerk was released Monday after prosecutors declined to "
            "file charges. The clerk was shot Saturday night on Calder Street.")


# --- a follow-up that tells the incident's story under its own calendar day ----------------------

def test_an_arrest_days_words_hand_the_incident_to_the_story_day_of_a_follow_up():
    trigger = _field(FOLLOW_UP, "shooting")
    words = event_date_words(_field(FOLLOW_UP, "Wednesday"), _sentence(FOLLOW_UP, "Wednesday"), FOLLOW_UP,
                             trigger)
    assert words is None  # handed to lead_date
    lead = lead_date(_article(FOLLOW_UP, SEP_30))
    assert lead is not None and lead.text == "Aug. 21"
    assert resolve_date(lead, SEP_30, True).start == date(2022, 8, 21)


def test_the_arrest_itself_keeps_its_own_day_in_a_follow_up():
    trigger = _field(FOLLOW_UP, "arrested")
    words = event_date_words(_field(FOLLOW_UP, "Wednesday"), _sentence(FOLLOW_UP, "Wednesday"), FOLLOW_UP,
                             trigger)
    assert words.text == "Wednesday"


def test_without_a_story_day_the_arrest_day_is_all_there_is():
    trigger = _field(NO_STORY_DAY, "shooting")
    field = _field(NO_STORY_DAY, "Wednesday")
    assert event_date_words(field, _sentence(NO_STORY_DAY, "Wednesday"), NO_STORY_DAY, trigger) == field


def test_a_recent_calendar_day_is_no_follow_up_story_day():
    # Within the week before publication the day words of the lede date the incident, as before.
    text = "Two men were wounded Saturday in a shooting on Calder Street.\n\nOn Sept. 12, the street was quiet."
    lead = lead_date(_article(text, TUE))
    assert lead is not None and lead.text == "Saturday"


# --- the days of what came after -----------------------------------------------------------------

def test_a_vigils_day_beside_a_killing_is_not_the_killings():
    trigger = _field(VIGIL, "killed")
    words = event_date_words(_field(VIGIL, "Sunday"), _sentence(VIGIL, "Sunday"), VIGIL, trigger)
    assert words is None  # the killing's own day words date it, through lead_date
    lead = lead_date(_article(VIGIL, TUE))
    assert lead is not None and lead.text == "Friday night"


def test_the_vigil_itself_keeps_its_day():
    trigger = _field(VIGIL, "vigil")
    words = event_date_words(_field(VIGIL, "Sunday"), _sentence(VIGIL, "Sunday"), VIGIL, trigger)
    assert words.text == "Sunday"


def test_a_release_from_jail_does_not_date_the_shooting():
    trigger = _field(RELEASED, "shooting")
    words = event_date_words(_field(RELEASED, "Monday"), _sentence(RELEASED, "Monday"), RELEASED, trigger)
    assert words is None  # the shooting's own day words ("Saturday night") date it, through lead_date
    lead = lead_date(_article(RELEASED, TUE))
    assert lead is not None and lead.text == "Saturday night"


# --- a page's own stamp ---------------------------------------------------------------------------

STAMPED = ("Posted: Jan. 4, 2015 11:02 PM A 19-year-old man was shot and killed Saturday night outside a "
           "convenience store on Calder Street, police said.")


def test_a_pages_posted_stamp_dates_the_page_not_the_shooting():
    trigger = _field(STAMPED, "shot")
    passage = Span("a1", 0, len(STAMPED))
    words = event_date_words(_field(STAMPED, "Jan. 4, 2015"), passage, STAMPED, trigger)
    assert words is not None and words.text == "Saturday night"


def test_the_lede_date_passes_over_an_updated_stamp():
    text = "Updated on March 3 A man was wounded early Sunday in a shooting on Oriole Lane."
    lead = lead_date(_article(text, date(2022, 3, 3)))
    assert lead is not None and lead.text == "early Sunday"


# --- a later state, and "remains" the noun -------------------------------------------------------

def test_a_state_that_remained_on_a_later_day_does_not_date_the_shooting():
    text = ("The gunman remained in jail Thursday, two days after he shot a neighbour on Calder Street. "
            "The neighbour was shot Tuesday afternoon outside his home.")
    trigger = _field(text, "shot")
    words = event_date_words(_field(text, "Thursday"), _sentence(text, "Thursday"), text, trigger)
    assert words is None  # handed to lead_date, which finds the shooting's own day words
    lead = lead_date(_article(text, date(2022, 9, 15)))
    assert lead is not None and lead.text == "Tuesday afternoon"


def test_remains_the_noun_is_no_later_state():
    # The day a body is found is the day the incident comes to light, as police copy dates it; "remains"
    # here is the body, not a state that lasted to a later day.
    text = ("Human remains found Sunday in a field off Route 9 were those of a man who had been shot, police "
            "said. A neighbour said she heard gunshots late Friday.")
    trigger = _field(text, "shot")
    field = _field(text, "Sunday")
    assert event_date_words(field, _sentence(text, "Sunday"), text, trigger) == field
