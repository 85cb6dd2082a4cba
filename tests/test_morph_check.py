"""The dictionary check of verb features (src/replylint/nlp/morph_check.py):
verbs the tagger mis-tags get pymorphy3's features and so their lemmas;
verbs it tags right keep the tagger's features."""

import pytest

from replylint import lint
from replylint.nlp import get_nlp
from replylint.nlp.morph_check import checked_features


def _token(text, word):
    return next(t for t in get_nlp()(text) if t.text == word)


@pytest.mark.parametrize("text, word, lemma, feats", [
    # a 1st-person plural present read as a 3rd-person passive / a past
    ("Без сахара не печём.", "печём", "печь", {"Person": "1", "Number": "Plur", "Tense": "Pres"}),
    ("Нет, меньше чем на час не сдаём.", "сдаём", "сдавать", {"Person": "1", "Tense": "Pres"}),
    # an imperative read as a 1st-person indicative
    ("Предоставьте чек.", "Предоставьте", "предоставить", {"Mood": "Imp", "Person": "2"}),
    # a perfective future read as a past
    ("Курьер привезёт заказ.", "привезёт", "привезти", {"Tense": "Fut", "Person": "3"}),
    # a 1st-person plural future, not pymorphy3's inclusive imperative «пришлём!»
    ("Мы позвоним и пришлём Вам ответ до пятницы.", "пришлём", "прислать", {"Mood": "Ind", "Tense": "Fut"}),
])
def test_mis_tagged_verbs_get_the_dictionary_features(text, word, lemma, feats):
    tok = _token(text, word)
    assert tok.lemma_ == lemma
    for key, value in feats.items():
        assert tok.morph.get(key) == [value], (key, str(tok.morph))


def test_a_short_participle_keeps_its_short_variant():
    assert checked_features("вручён", {"Aspect": "Imp", "Mood": "Ind", "Person": "1", "Tense": "Pres",
                                       "VerbForm": "Fin"})["Variant"] == "Short"


def test_features_that_agree_with_a_reading_are_left_alone():
    tagged = {"Aspect": "Perf", "Mood": "Ind", "Number": "Plur", "Person": "1", "Tense": "Fut",
              "VerbForm": "Fin", "Voice": "Act"}
    assert checked_features("вернём", tagged) is None
    assert checked_features("qwerty", tagged) is None  # no dictionary reading: the tagger's stand


def test_a_repaired_verb_reaches_the_rules():
    """«Без сахара не печём» was invisible to refusal while its lemma was «печём»."""
    report = lint("Без сахара не печём.", incoming="Сделаете торт без сахара к завтра?")
    assert [f.text for f in report.findings if f.rule == "refusal"] == ["не печём"]
