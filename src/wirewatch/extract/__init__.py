"""Extract: Article -> Mentions (typed incidents with actors, target, place and date words, attribution).

Each sentence is typed by the lexicon pass (classify.py); only sentences with a trigger are read further.
A sentence with no place or date words of its own borrows them from earlier in its paragraph, and then
from the dateline; a sentence with a toll but no trigger adds its toll to the mention just before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import Gazetteer, load_gazetteer
from ..models import Actor, Article, Attribution, Fatalities, Mention, SourceKind, Span, TextField
from ..ontology import load_ontology
from ..settings import ExtractSettings
from ..timex import TimeExpression, find_time_expressions
from .actors import ActorHit, assign_roles, find_actors, find_target, named_groups
from .claimed_attacks import claimant_as_attacker
from .claims import REFERS_BACK, SpeakerState, attribute, counter_version, own_voice, speaking_groups
from .classify import TriggerHit, combine, find_gunfire, find_triggers
from .coreference import fold_fire_into_clashes, place_anaphor, refers_back
from .genre import dated_to_the_day, is_background, is_commentary, is_expert_view
from .model import load_typing_model
from .place_readings import as_the_country, outside_longer_names
from .place_choice import choose_places, find_dateline, not_a_venue, past_dateline, place_field
from .fatalities import find_fatalities
from .follow_ups import PROTESTERS, of_the_day, protest_of_its_day
from .lexicons import load_lexicons
from .sentences import Sentence, split_sentences
from .typing_checks import lexicon_reading
from .vouch import MAX_VOUCH, attribution_of as _attribution, beside_speaker, field_of as _field, denied, elsewhere, \
    late_words, looks_ahead, named_in, of_same_type, one_crowd, restated, vouch_copies

__all__ = ["extract", "extract_steps"]

# What may stand between two dates of one trigger: "in May and again earlier this month", "May, June".
_SPLIT_DATES = re.compile(r"(?i)\s*(?:,|(?:,\s*)?(?:and|or|then)(?:\s+again)?)\s*")
_STRATEGIC = "Strategic developments"  # arrests, deals, bases: no gunfire of their own
_CALM = "Peaceful protest"
# A gathering that mourns a victim has no violence of its own and tells of the killing it mourns; a march or a
# rally is policed, and shooting words beside it tell of its policing.
_MOURNING = re.compile(r"(?i)\b(?:vigils?|memorial (?:services?|gatherings?|ceremon(?:y|ies)|walks?|marches)|"
                       r"memorials? for|candlelight|balloon release|prayer service|funerals?|mourn\w*|remember\w*|"
                       r"in (?:honou?r|memory) of)\b")
_POINTS_BACK = {SourceKind.OFFICIAL_DENIAL, SourceKind.OFFICIAL_STATEMENT, SourceKind.PERPETRATOR_CLAIM}
_HEADLINE_SEARCH = 3  # opening lines that may hold the headline (after a kicker or a byline)
_MAX_FOLLOWUP = 2  # sentences after a mention that may still add its death toll
_UNANCHORED = "\0"  # stands in told for a shooting sentence with no place or date words of its own


def extract(article: Article, settings: ExtractSettings | None = None,
            gazetteer: Gazetteer | None = None) -> tuple[list[Mention], list[str]]:
    """Mentions in an article, and warnings about text that was skipped."""
    settings = settings or ExtractSettings()
    steps = extract_steps(article, settings, gazetteer)
    try:
        texts = next(steps)
        model = load_typing_model()
        steps.send(model.probabilities(texts, settings.model_threads))
    except StopIteration as done:
        return done.value
    raise RuntimeError("extract_steps asked twice")


def extract_steps(article: Article, settings: ExtractSettings, gazetteer: Gazetteer | None = None):
    """extract() as a generator that yields the sentences it wants typed by the model, once, and takes their
    probabilities (one row each) by send(): a caller can type many articles' sentences in one model call.
    Yields nothing when the model is off or the article has no sentence for it; returns (mentions, warnings)."""
    gazetteer = gazetteer or load_gazetteer()
    lex, ontology = load_lexicons(), load_ontology()
    if article.language != "en":
        return [], [f"language {article.language!r} is not read yet; article skipped"]
    text = article.text
    sentences = split_sentences(text)
    usable = [not _is_heading(s.text) and len(s.text) <= settings.max_sentence_chars for s in sentences]
    warnings = [f"skipped a {len(s.text):,}-character passage at offset {s.start} (no sentence breaks; a table "
                f"or run-on text?)" for s, ok in zip(sentences, usable) if not ok and not _is_heading(s.text)]
    # The fast pass, once per sentence: triggers.
    lexical = [find_triggers(s.text, lex) if ok else [] for s, ok in zip(sentences, usable)]
    head = _reporting_headline(sentences, usable, lexical, lex)
    if head is not None:
        usable[head], lexical[head] = True, find_triggers(sentences[head].text, lex)
    violent = [s for hits, s in zip(lexical, sentences) if any(ontology.event_type_of[h.sub_event_type] != _STRATEGIC
                                                               and not _mourns(h.sub_event_type, s.text)
                                                               for h in hits)]
    if not any(_anchored(s.text, gazetteer) for s in violent):
        # Where stronger words report violence, shooting words tell of that incident's gunfire; only an
        # article that reports none by them (local crime news, mostly) is typed by its shooting words. Stronger
        # words with no place or date words of their own ("the killing shocked neighbors") report none, nor
        # does a vigil for the victim.
        # An arrest or a charge names the shooting it is for ("arrested in Saturday's shooting of a clerk"):
        # the sentence reports both.
        lexical = [_with_gunfire(hits, s.text, lex) if ok else hits for hits, s, ok in zip(lexical, sentences, usable)]
    triggered = [i for i, hits in enumerate(lexical) if hits]
    if not triggered:
        return [], warnings
    # Past the last trigger and the sentences that may still add its toll or vouch for it, nothing becomes
    # a mention: the slower passes stop there.
    reach = triggered[-1] + max(_MAX_FOLLOWUP, MAX_VOUCH) + 1
    groups = named_groups(text, gazetteer)
    group_aliases = speaking_groups(text, groups, lex)
    state = SpeakerState()
    dateline, dateline_index, dateline_end = find_dateline(sentences, gazetteer, article.id)
    focus = gazetteer.country_focus(text)
    near = [ok and i < reach for i, ok in enumerate(usable)]
    venues = [[h for h in gazetteer.spot(s.text) if h.entries and not not_a_venue(s.text, h)] if ok else []
              for s, ok in zip(sentences, near)]
    times_of = [find_time_expressions(s.text) if ok else [] for s, ok in zip(sentences, near)]
    if 0 <= dateline_index < len(sentences):
        # The dateline dates and places the report, not an event; it stays the fallback place below.
        times_of[dateline_index] = [t for t in times_of[dateline_index] if t.start >= dateline_end]
        venues[dateline_index] = past_dateline(sentences[dateline_index].text, venues[dateline_index],
                                                dateline_end)
    model = load_typing_model() if settings.model else None
    reference = article.published or article.ingested
    background = {i for i in triggered if is_background(sentences[i].text, times_of[i], reference)}
    # Weak (shooting-word) types are not the model's to change, so their sentences cost it nothing; nor do
    # background sentences, whose triggers are dropped whatever the model reads.
    wanted = [i for i in triggered if not any(h.weak for h in lexical[i]) and (venues[i] or times_of[i])
              and i not in background]
    texts = [sentences[i].text for i in wanted]
    scores = dict(zip(wanted, (yield texts))) if model and texts else {}
    mentions: list[Mention] = []
    last_place: dict[int, TextField] = {}
    latest: dict[str, TextField] = {}  # across paragraphs: the last place, and the last town, named
    last_date: dict[int, TextField] = {}
    last_group: str | None = None
    last_mention_sentence = -10
    told_by: dict[int, list[Mention]] = {}  # sentence -> the mentions it told
    told: set[str] = set()  # place and time words of the shooting sentences read so far
    # A follow-up story may tell its shooting only in sentences with no place or date words of their own
    # ("Police said the man was shot after an argument"): then its first such sentence is the incident,
    # placed and dated from the paragraph, the dateline or the publication date. Stronger words with no
    # place or date words of their own ("the killing shocked neighbors") do not stop it: they report none.
    unanchored = _UNANCHORED if not any(any(h.weak for h in lexical[i]) and (venues[i] or times_of[i])
                                        for i in triggered if i < reach) else None
    closes = _quote_closers(sentences)
    for index, sent in enumerate(sentences[:reach]):
        if not usable[index]:
            continue
        attribution = own_voice(attribute(sent.text, sent.paragraph, state, lex, group_aliases), article.outlet)
        if attribution.kind is SourceKind.OUTLET and index in closes:
            attribution = _speaker_at_close(sent, sentences[closes[index]], lex, group_aliases) or attribution
        places, times = venues[index], times_of[index]
        if places:
            last_place[sent.paragraph] = latest["region"] = place_field(sent, places[-1], article.id)
            towns = [h for h in places if any(e.kind == "city" for e in h.entries)]
            latest["town"] = place_field(sent, towns[-1], article.id) if towns else latest.get("town")
        actors = find_actors(sent.text, lex, groups, gazetteer, last_group)
        named = [a for a in actors if a.name in {n for n, _ in groups.values()}]
        last_group = named[-1].name if named else last_group
        triggers = lexicon_reading(lexical[index], combine(lexical[index], scores.get(index),
                                                           model.labels if model else (), settings.model_override),
                                   sent.text, times_of[index], lex)
        triggers = of_the_day(triggers, sent.text, reference, ontology)
        if triggers and index in background:
            triggers = []  # a pattern over years, not an incident; it may still vouch for one
        if any(t.weak for t in triggers):
            # A crime report tells its shooting over and over; a sentence that names no place or time the
            # earlier ones did not is the same shooting again, read only for its toll. An arrest it names
            # the shooting in ("arrested in connection with the shooting") is still the sentence's own.
            anchors = {sent.text[h.start:h.end].lower() for h in [*places, *times]} or {unanchored}
            if anchors <= told or None in anchors:
                triggers = [t for t in triggers if not t.weak]
            told |= anchors
        denial = attribution.kind is SourceKind.OFFICIAL_DENIAL and attribution.start is not None
        if denial and mentions:
            # The denier's own version ("…, saying the men had fired first") retells what it denies.
            triggers = [t for t in triggers if t.start < counter_version(sent.text)]
        definite = bool(triggers) and all(refers_back(sent.text, t) or _circumstance(sent.text, t, mentions)
                                          for t in triggers)
        # A warning or a vow ("the minister warned that…") speaks of what may come, not of an incident told.
        own_places = beside_speaker(sent.text, places, _attribution(sent, attribution, article.id), sent.start) \
            if places and attribution.start is not None else places
        echo = not times and (definite or (not own_places and attribution.kind in _POINTS_BACK)) \
            and (denial or not looks_ahead(sent.text, None))
        pairs = of_same_type(mentions, triggers) if triggers else []
        if echo and not pairs and index - last_mention_sentence <= _MAX_FOLLOWUP:
            pairs = one_crowd(told_by.get(last_mention_sentence, []), triggers, ontology.event_type_of)
        if triggers and (echo or denial and pairs):
            # "The ministry said it repelled the incursion", "The attack in Quetta was blamed on…": a
            # statement without place or date words of its own, or words naming a known incident, speak
            # of what the article reported before; a denial of an incident of a type told before denies
            # that one, wherever and whenever it says it was.
            if denial and echo:
                ids = {m.id for m, _ in pairs}
                pairs += [(m, triggers[0]) for m in denied(told_by, sentences, index, last_mention_sentence, lex)
                          if m.id not in ids]
            if pairs or (definite and _retells(mentions, triggers, text)):
                # "The attack" after a bombing is that bombing, though its type cannot say whose word
                # on which incident it carries; it adds nothing new.
                mentions.extend(restated(m, sent, attribution, article.id, _field(sent, t.start, t.end, article.id))
                                for m, t in pairs)
                last_mention_sentence = index
                continue
        borrowed = any(t.weak for t in triggers) and not (places or times)
        if not triggers or (settings.require_anchor and not (places or times) and not borrowed):
            # No event of its own: it may still give the death toll of the mention just before it, or
            # an official's or the perpetrator's word on it ("Police confirmed the attack").
            if index - last_mention_sentence <= _MAX_FOLLOWUP and mentions:
                mentions[-1] = _add_toll(mentions[-1], sent, article.id)
            named = REFERS_BACK.search(sent.text)
            if index - last_mention_sentence > MAX_VOUCH and attribution.kind in _POINTS_BACK \
                    and attribution.start is not None and (attribution.kind is SourceKind.OFFICIAL_DENIAL
                                                           or named and not looks_ahead(sent.text, named)):
                # A word far from the last incident speaks only of those it names.
                spoken = named_in(told_by, sentences, index, lex)
                mentions.extend(vouch_copies([m for m in spoken if not elsewhere(m, places, gazetteer, focus)],
                                             attribution, sent, article.id))
            elif index - last_mention_sentence <= MAX_VOUCH and attribution.kind in _POINTS_BACK \
                    and attribution.start is not None and (attribution.kind is SourceKind.OFFICIAL_DENIAL
                                                           or named and not looks_ahead(sent.text, named)):
                spoken = denied(told_by, sentences, index, last_mention_sentence, lex) \
                    if attribution.kind is SourceKind.OFFICIAL_DENIAL else told_by.get(last_mention_sentence, [])
                mentions.extend(vouch_copies([m for m in spoken if not elsewhere(m, places, gazetteer, focus)],
                                             attribution, sent, article.id))
            _remember_date(last_date, sent, times, article.id)
            continue
        dates = _date_fields(sent, times, article.id) or \
            ([last_date[sent.paragraph]] if sent.paragraph in last_date else [None])
        toll = _toll(sent, article.id)
        first_new = len(mentions)
        for k, trig in enumerate(triggers):
            chosen = choose_places(sent, as_the_country(outside_longer_names(sent.text, places, focus), focus),
                                   trig.start, article.id, focus)
            kind = place_anaphor(sent.text)
            anaphor = (latest.get(kind) or latest.get("region")) if kind else None
            place_list = chosen or [last_place.get(sent.paragraph) or anaphor or dateline]
            actor1, actor2 = assign_roles(sent.text, actors, trig.start, trig.end)
            earlier = protest_of_its_day(sent.text, times, trig)
            if earlier is not None:
                # "arrested 12 people over Sunday's protests": the protest is the protesters' own, on its day
                actor1, actor2 = ActorHit(trig.start, trig.end, PROTESTERS, "protesters", None), None
            event_type = ontology.event_type_of[trig.sub_event_type]
            actor1 = actor1 or claimant_as_attacker(text, sent.start, groups, event_type, trig.sub_event_type, actor2)
            target = find_target(sent.text, lex, trig.end)
            own_day = [_field(sent, earlier.start, earlier.end, article.id)] if earlier else dates
            for d, (date_field, place) in enumerate((dt, pl) for dt in own_day
                                                    for pl in place_list):
                mentions.append(Mention(
                    id=f"{article.id}:{index}:{k}:{d}", article_id=article.id,
                    passage=Span(article.id, sent.start, sent.end),
                    event_type=event_type, sub_event_type=trig.sub_event_type,
                    trigger=_field(sent, trig.start, trig.end, article.id),
                    attribution=_attribution(sent, attribution, article.id),
                    actor1=_actor(sent, actor1, article.id), actor2=_actor(sent, actor2, article.id),
                    target=_field(sent, target[1], target[2], article.id) if target else None,
                    target_kind=target[0] if target else None,
                    place_text=place, date_text=date_field,
                    fatalities=toll,
                ))
        told_by[index] = mentions[first_new:]
        last_mention_sentence = index
        _remember_date(last_date, sent, times, article.id)
    if mentions:
        mentions.extend(late_words(sentences, usable, reach, told_by, state, lex, group_aliases, article.id))
    commentary = is_commentary(article.url, article.title)
    # An analysis or opinion piece, or an expert inside a report, tells of an incident only where the
    # words date it to the day; otherwise they discuss the conflict.
    mentions = [m for m in mentions if dated_to_the_day(m, reference) or not (
        commentary or is_expert_view(text[m.passage.start:m.passage.end]))]
    return fold_fire_into_clashes(mentions, text, reference), warnings


def _retells(mentions: list[Mention], triggers: list[TriggerHit], text: str) -> bool:
    """True where a definite trigger ("the shooting") may name an incident already told. An arrest or a vigil
    told so far is no shooting: "the shooting" after "police arrested a man Tuesday" is the one the arrest
    was for, told for the first time."""
    if not all(t.weak for t in triggers):
        return bool(mentions)
    return any(m.event_type != _STRATEGIC and not _mourns(m.sub_event_type, text[m.passage.start:m.passage.end])
               for m in mentions)


def _mourns(sub_event_type: str, sentence: str) -> bool:
    """True for a vigil or a memorial for a victim: a peaceful gathering its sentence tells in mourning words."""
    return sub_event_type == _CALM and bool(_MOURNING.search(sentence))


def _reporting_headline(sentences: list[Sentence], usable: list[bool], lexical: list[list[TriggerHit]],
                        lex) -> int | None:
    """The headline to read as a sentence where the body reports nothing: a page whose story was lost to
    boilerplate, or whose lines carry no stops, still opens with "Man shot dead outside Akron bar". Only a
    heading among the first lines counts: further down, headings are subheads and links to other stories."""
    if any(lexical) or any(find_gunfire(s.text, lex) for s, ok in zip(sentences, usable) if ok):
        return None
    for index, sent in enumerate(sentences[:_HEADLINE_SEARCH]):
        if _is_heading(sent.text) and (find_triggers(sent.text, lex) or find_gunfire(sent.text, lex)):
            return index
    return None


def _anchored(text: str, gazetteer: Gazetteer) -> bool:
    """True for a sentence with date words or a place name of its own."""
    return bool(find_time_expressions(text)) or any(h.entries and not not_a_venue(text, h) for h in gazetteer.spot(text))


def _with_gunfire(hits: list[TriggerHit], text: str, lex) -> list[TriggerHit]:
    """A sentence's triggers (an arrest's, a charge's or none) with its shooting words as a weak trigger."""
    return sorted([*hits, *find_gunfire(text, lex)], key=lambda h: h.start)


def _actor(sent: Sentence, hit: ActorHit | None, article_id: str) -> Actor | None:
    if hit is None:
        return None
    return Actor(hit.name, hit.kind, Span(article_id, sent.start + hit.start, sent.start + hit.end), hit.country)


_OPENS = ('"', "\u201c")
_QUOTE_MARKS = re.compile('["\u201c\u201d]')
_QUOTE_REACH = 3   # sentences a quote may run on before its speaker is named


def _quote_closers(sentences: list[Sentence]) -> dict[int, int]:
    """Sentence index -> the index of the sentence that closes the quotation it opens or continues, for
    quotations that run over several sentences of one paragraph (the speaker is named where they close)."""
    closes: dict[int, int] = {}
    for i, sent in enumerate(sentences):
        if not sent.text.lstrip().startswith(_OPENS) or len(_QUOTE_MARKS.findall(sent.text)) != 1:
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + _QUOTE_REACH)):
            if sentences[j].paragraph != sent.paragraph:
                break
            if _QUOTE_MARKS.search(sentences[j].text):
                closes.update({k: j for k in range(i, j)})
                break
    return closes


def _speaker_at_close(sent: Sentence, closing: Sentence, lex, group_aliases: set[str]):
    """The speaker the closing sentence of a quotation names ("... We repelled them," the army said.), with its
    span moved to count from `sent`; None when that sentence names none."""
    hit = attribute(closing.text, closing.paragraph, SpeakerState(), lex, group_aliases)
    if hit.kind is SourceKind.OUTLET or hit.start is None:
        return None
    shift = closing.start - sent.start
    return replace(hit, start=hit.start + shift, end=hit.end + shift)


def _date_fields(sent: Sentence, times: list[TimeExpression], article_id: str) -> list[TextField]:
    """The sentence's date words; several when joined by "and" ("in May and again earlier this month")."""
    if not times:
        return []
    chosen = [times[0]]
    for prev, nxt in zip(times, times[1:]):
        if _SPLIT_DATES.fullmatch(sent.text[prev.end:nxt.start]):
            chosen.append(nxt)
        else:
            break
    return [_field(sent, t.start, t.end, article_id) for t in chosen]


def _remember_date(last_date: dict[int, TextField], sent: Sentence, times: list[TimeExpression],
                   article_id: str) -> None:
    if times:
        last_date[sent.paragraph] = _field(sent, times[0].start, times[0].end, article_id)


def _add_toll(mention: Mention, sent: Sentence, article_id: str) -> Mention:
    """A follow-up sentence's death toll, when the mention has none yet."""
    if mention.fatalities is not None:
        return mention
    toll = _toll(sent, article_id)
    return replace(mention, fatalities=toll) if toll else mention


def _toll(sent: Sentence, article_id: str) -> Fatalities | None:
    """The sentence's death toll as a Fatalities record, with its span."""
    hit = find_fatalities(sent.text)
    if hit is None:
        return None
    return Fatalities(hit.low, hit.best, hit.high, Span(article_id, sent.start + hit.start, sent.start + hit.end))


# "who was queueing for bread when shells struck": a trigger in a when-clause tells the circumstances of
# what befell someone, so where the report has told an incident of its type, it is that incident again.
_WHEN_CLAUSE = re.compile(r"(?i)\bwhen\s+(?:[\w-]+\s+){0,3}$")


def _circumstance(text: str, trig: TriggerHit, mentions: list[Mention]) -> bool:
    """True for a trigger in a when-clause whose type the article has already told. Not shooting words:
    a crime report's "was shot when a gunman opened fire" may tell of a second shooting."""
    return not trig.weak and bool(_WHEN_CLAUSE.search(text[max(0, trig.start - 40):trig.start])) \
        and any(m.sub_event_type == trig.sub_event_type for m in mentions)


def _is_heading(text: str) -> bool:
    """Headlines, standfirsts and subheads: short lines with no sentence-final punctuation."""
    return not re.search(r"[.!?][\"'”’)]*$", text) and len(text.split()) < 25
