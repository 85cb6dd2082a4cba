"""The natasha component gives a word the tagger took for a noun or a name
the reading pymorphy3 knows for it, when pymorphy3 knows it (almost) only
outside the nouns; a word that may be a noun keeps its tag."""

from __future__ import annotations

import pytest

from replylint.nlp import get_nlp


def _token(text: str, word: str):
    doc = get_nlp()(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,pos,feats", [
    # capitalised verbs at a sentence start
    ("Обратитесь в банк.", "Обратитесь", "VERB", {"Mood": "Imp", "Person": "2"}),
    ("Перейдите по ссылке.", "Перейдите", "VERB", {"Mood": "Imp"}),
    # a 2nd-person plural after «Вы» stays indicative
    ("Вы обратитесь в банк завтра.", "обратитесь", "VERB", {"Mood": "Ind"}),
    # a rare short adjective and an interjection
    ("Увы, выгрузка архива в нашей системе невыполнима.", "невыполнима", "ADJ", {"Variant": "Short"}),
    ("Увы, выгрузка архива в нашей системе невыполнима.", "Увы", "INTJ", {}),
])
def test_non_nouns_get_their_reading(text, word, pos, feats):
    tok = _token(text, word)
    assert tok.pos_ == pos
    for key, value in feats.items():
        assert tok.morph.get(key) == [value], (key, str(tok.morph))


@pytest.mark.parametrize("text,word", [
    ("Дверь из нержавеющей стали.", "стали"),   # a rare noun reading inside a clause is kept
    ("Печь сломалась.", "Печь"),                 # noun and verb readings: the tagger decides
    ("Звонила Анна.", "Анна"),
])
def test_words_that_may_be_nouns_keep_their_tag(text, word):
    assert _token(text, word).pos_ in ("NOUN", "PROPN")


def test_lemma_follows_the_repaired_reading():
    assert _token("Увы, выгрузка архива в нашей системе невыполнима.", "невыполнима").lemma_ == "невыполнимый"


@pytest.mark.parametrize("text,word,feats", [
    # the tagger reads this sentence-initial 1st-person future as an imperative
    ("Разберёмся и перезвоним.", "Разберёмся", {"Mood": "Ind", "Person": "1", "Tense": "Fut"}),
])
def test_a_form_that_cannot_be_an_imperative_is_read_as_indicative(text, word, feats):
    tok = _token(text, word)
    assert tok.pos_ == "VERB"
    for key, value in feats.items():
        assert tok.morph.get(key) == [value], (key, str(tok.morph))


def test_a_real_imperative_stays_one():
    assert _token("Пришлите, пожалуйста, фото чека.", "Пришлите").morph.get("Mood") == ["Imp"]
