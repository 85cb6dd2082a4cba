"""The fast slovnet inference and the memoised lemmatizer give the same
analyses as natasha/slovnet and spaCy's pymorphy3 lemmatizer."""

from __future__ import annotations

import pytest

from replylint.nlp import get_nlp
from replylint.nlp.slovnet_fast import get_models, word_shape

SENTENCES = [
    "Здравствуйте, Алла!",
    "К сожалению, мы не можем вернуть деньги за этот заказ.",
    "Курьер перепутал адрес, поэтому посылка задержалась на два дня.",
    "Отправим новую пару 18 мая, а деньги за доставку вернём сегодня.",
    "Трек-номер RB123456789RU придёт в SMS из-за сбоя чуть позже…",
    "С уважением,",
    "служба поддержки «Домосфера»",
    "Вы стали покупателем месяца и получаете 3 000 бонусных баллов!",
    "Такой опции нет.",
    "Да",
]


@pytest.fixture(scope="module")
def reference():
    natasha = pytest.importorskip("natasha")
    emb = natasha.NewsEmbedding()
    return natasha.NewsMorphTagger(emb), natasha.NewsSyntaxParser(emb)


def _words(nlp, text):
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


def test_same_tags_heads_and_relations_as_slovnet(reference):
    morph, syntax = reference
    nlp = get_nlp()
    models = get_models()
    sentences = [_words(nlp, s) for s in SENTENCES]
    ours = models.analyse(sentences)
    for words, (tags, heads, rels), m, s in zip(sentences, ours, morph.map(sentences), syntax.map(sentences)):
        expected_tags = []
        for tok in m.tokens:
            feats = "|".join(f"{k}={v}" for k, v in sorted(tok.feats.items()))
            expected_tags.append(f"{tok.pos}|{feats}" if feats else tok.pos)
        assert [models.tags[t] for t in tags] == expected_tags, words
        assert [str(h) for h in heads] == [t.head_id for t in s.tokens], words
        assert [models.rels[r] for r in rels] == [t.rel for t in s.tokens], words


def test_batch_composition_does_not_change_the_analysis():
    nlp = get_nlp()
    models = get_models()
    sentences = [_words(nlp, s) for s in SENTENCES]
    alone = [models.analyse([s])[0] for s in sentences]
    together = models.analyse(sentences)
    assert alone == together


def test_lemmas_match_spacys_pymorphy3_lemmatizer():
    from spacy.lang.ru.lemmatizer import RussianLemmatizer

    nlp = get_nlp()
    assert nlp.pipe_names == ["replylint_natasha", "replylint_morph_check", "lemmatizer"]
    piped = nlp.get_pipe("lemmatizer")
    assert isinstance(piped, RussianLemmatizer) and piped.mode == "pymorphy3"
    # the memo changes no lemma: a fresh, unmemoised lemmatizer agrees, twice over
    spacy_lemmatizer = RussianLemmatizer(nlp.vocab, None, mode="pymorphy3")
    for doc in nlp.pipe(SENTENCES + SENTENCES):
        for token in doc:
            assert token.lemma_ == spacy_lemmatizer.pymorphy3_lemmatize(token)[0], token.text


def test_parse_is_a_tree_per_sentence_and_sentences_split_at_line_breaks():
    doc = get_nlp()("Здравствуйте, Алла!\n\nСпасибо за обращение. Мы вернём деньги завтра\nС уважением")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Здравствуйте, Алла!", "Спасибо за обращение.", "Мы вернём деньги завтра",
                     "С уважением"]
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1 and roots[0].dep_ == "ROOT"
    verb = next(t for t in doc if t.text == "вернём")
    assert verb.lemma_ == "вернуть" and verb.pos_ == "VERB"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Мы"]


def test_repeated_sentences_reuse_the_analysis():
    nlp = get_nlp()
    a, b = nlp.pipe(["Спасибо за обращение. Мы всё исправим.", "Мы всё исправим."])
    first = [(t.text, t.pos_, str(t.morph), t.dep_, t.head.i - t.sent.start, t.lemma_) for t in a[4:]]
    second = [(t.text, t.pos_, str(t.morph), t.dep_, t.head.i - t.sent.start, t.lemma_) for t in b]
    assert first == second


@pytest.mark.parametrize("word", ["Алла", "мы", "SMS", "18", "…", "?!", "Трек-Номер", "трек-номер", "ₒ",
                                  "iPhone", "ТВ-Приставка", "№", "+7", "ёлка", "A"])
def test_word_shapes_as_slovnet(word):
    shape = pytest.importorskip("slovnet.shape")
    assert word_shape(word) == shape.word_shape(word)


def test_a_full_word_cache_starts_again_without_losing_the_words_it_held(monkeypatch):
    """When the first-layer word cache fills up it is emptied and refilled; a
    batch that mixes words cached before with new ones must still be analysed
    (a long daemon or batch run once stopped with a KeyError here)."""
    from replylint.nlp import slovnet_fast

    nlp = get_nlp()
    models = get_models()
    sentences = [_words(nlp, s) for s in SENTENCES]
    expected = models.analyse(sentences)
    monkeypatch.setattr(slovnet_fast, "WORD_CACHE_SIZE", 12)
    models._word_row.clear()
    models._word_count = 0
    models.analyse([sentences[1]])  # fills most of the small cache
    assert models.analyse(sentences) == expected  # old and new words in one batch
    assert models.analyse(sentences[::-1]) == expected[::-1]
