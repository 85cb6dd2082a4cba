"""В письме или ответе в чате нет благодарности Клиенту.

Что делает
----------
Для канала ``email`` (сюда же относятся короткие ответы в чате) проверяет,
что компания хоть раз поблагодарила Клиента: «спасибо», «благодарим»,
«благодарю», «хотим поблагодарить», «с благодарностью», «мы благодарны»,
«будем признательны» — по лемме, так что считается любая форма. Не считаются
предлог «благодаря» («благодаря Вам мы нашли ошибку»), полные прилагательные
(«благодарные Клиенты»), обращённое к Клиенту «не благодарите» и слова в
кавычках (цитата Клиента — не благодарность компании). Слово с латинскими
буквами-двойниками («Спaсибо») проверяется уже исправленным и засчитывается.
Для SMS правило молчит.

Подсвечивается первое предложение ответа — обычно приветствие: благодарность
уместнее всего сразу после него, и подсказка вставляет её туда
(«Здравствуйте, Алла! Спасибо за обращение!»). Если ответ начинается не с
приветствия, подсказка ставит благодарность перед первым предложением.
Правка (``replylint rewrite``) называет, за что спасибо: «Спасибо за
вопрос!», «Спасибо, что сообщили!» (о проблеме), «Спасибо за обращение!».

Почему это важно
----------------
Стандарт 002 («Что не делать», п. 5 «Забудьте сказать «спасибо»»):
«Обязательно говорите «спасибо» при каждой возможности — ваши клиенты будут
чувствовать, что вы действительно цените их».

Примеры
-------
Срабатывает:
- Здравствуйте! Доставка работает ежедневно с 10:00 до 23:00.
- Здравствуйте, Нина! Благодаря новому складу заказ приедет завтра.
- Здравствуйте! Мы рады, что у нас столько благодарных Клиентов.
Не срабатывает:
- Здравствуйте! Спасибо за вопрос. Доставка работает ежедневно.
- Мы признательны за интерес к новому пункту. Он откроется в понедельник.
- Благодарим за заказ! Курьер приедет завтра.
- Здравствуйте! Доставка работает ежедневно с 10:00 до 23:00. || channel=sms
"""

from __future__ import annotations

from .. import lexicon
from ..model import Severity
from ..rewrite import render
from . import Rule

_SECOND_PERSON_SUBJECTS = frozenset({"вы", "ты", "клиент", "клиентка", "покупатель", "покупательница"})


class MissingThanks(Rule):
    __doc__ = __doc__
    id = "missing-thanks"
    severity = Severity.INFO
    fixable = False
    seed = "002"

    def check(self, ctx):
        if ctx.channel == "sms" or not ctx.sentences:
            return
        lemmas = lexicon.words("missing_thanks", "lemmas")
        short = lexicon.words("missing_thanks", "short_adjectives")
        if any(_thanks(ctx, t, lemmas, short) for t in ctx.doc):
            return
        span = _first_span(ctx)
        if span is None:
            return
        words, start, end = span
        o_start, o_end = ctx.norm.to_original(words[0].sent.start_char, words[0].sent.end_char)
        sentence = ctx.norm.original[o_start:o_end].strip()  # as written, placeholders included
        thanks = render("missing-thanks", _occasion(ctx)) or render("missing-thanks", "default")
        greetings = lexicon.words("common", "greetings")
        greeting = _is_greeting(words[0], greetings)
        if greeting:
            suggestion = f"{sentence} {thanks}"
        else:
            suggestion = f"{thanks} {sentence}"
        yield ctx.hit(start, end, "В ответе нет благодарности Клиенту: добавьте «спасибо» после приветствия",
                      suggestion=suggestion, rewrite=_insertion(ctx, words[0].sent, greeting, thanks))


_TRAILING = frozenset(",;:—–-")


def _first_span(ctx):
    """The first sentence with words outside template placeholders, cut
    before the first placeholder in it (a finding may not touch one):
    (its words, start, end) in analysed offsets."""
    for sent in ctx.sentences:
        run = []
        for t in sent:
            if t.is_space:
                continue
            if ctx.norm.is_masked(t.idx, t.idx + len(t.text)):
                if any(w.text[:1].isalnum() for w in run):
                    break
                run = []
                continue
            run.append(t)
        while run and run[-1].text in _TRAILING:
            run.pop()
        if any(w.text[:1].isalnum() for w in run):
            return run, run[0].idx, run[-1].idx + len(run[-1].text)
    return None


def _is_greeting(token, greetings: frozenset[str]) -> bool:
    from ..nlp.pipeline import morph_analyzer

    word = token.text.lower()
    return (token.lemma_.lower() in greetings or word in greetings
            or any(p.normal_form in greetings for p in morph_analyzer().parse(word)))


def _thanks(ctx, token, lemmas: frozenset[str], short: frozenset[str]) -> bool:
    """The company thanks the Клиент with this token."""
    if token.is_space or token.is_punct or not token.text[:1].isalpha():
        return False
    morph = str(token.morph)
    if token.pos_ == "ADP" or "VerbForm=Conv" in morph:
        return False  # «благодаря Вам» is a preposition (or a gerund)
    if ctx.is_quoted(token):
        return False
    if not _has_lemma(token, lemmas, short):
        return False
    if token.pos_ in ("VERB", "AUX") or "VerbForm" in morph:
        if "Mood=Imp" in morph or "Person=2" in morph:
            return False  # «не благодарите»
        if any(c.dep_.startswith("nsubj") and c.lemma_ in _SECOND_PERSON_SUBJECTS for c in token.children):
            return False  # «Вы поблагодарили нас»
    return True


def _has_lemma(token, lemmas: frozenset[str], short: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return True
    if lemma in short and "Variant=Short" in str(token.morph):
        return True
    # The tagger can miss («признательны» tagged as a verb): ask pymorphy3.
    from ..nlp.pipeline import morph_analyzer

    for parse in morph_analyzer().parse(token.text.lower()):
        pos = parse.tag.POS
        if pos in ("GRND", "PREP"):
            continue
        if parse.normal_form in lemmas and pos not in ("ADJF",):
            return True
        if parse.normal_form in short and pos == "ADJS":
            return True
    return False


# --- rewrite: the thanks inserted -------------------------------------------------

_END = frozenset({".", "!", "?", "…", "!!", "?!", "!!!"})


def _occasion(ctx) -> str:
    """What the Клиент did: a complaint, a question, a request (template
    variant of ``[missing-thanks]``); ``default`` without his message."""
    from .missing_apology import _incoming_complaint

    doc = ctx.incoming_doc
    if doc is None:
        return "default"
    if _incoming_complaint(doc) is not None:
        return "complaint"
    if any(t.text.endswith("?") for t in doc):
        return "question"
    return "request"


def _insertion(ctx, first, greeting: bool, thanks: str):
    """((at, at), text): after the greeting, or after an apology that opens
    the reply («Здравствуйте! Простите, пожалуйста. Спасибо, что сообщили!»),
    else before the first sentence."""
    from .missing_apology import is_apology

    sentences = ctx.sentences
    k = next((n for n, s in enumerate(sentences) if s.start <= first.start < s.end), 0)
    after = first if greeting else None
    nxt = sentences[k + 1] if greeting and k + 1 < len(sentences) else (first if not greeting else None)
    if nxt is not None and any(is_apology(t) for t in nxt):
        after = nxt
    if after is not None:
        last = [t for t in after if not t.is_space]
        if last and last[-1].text in _END:
            end = last[-1].idx + len(last[-1].text)
            return (end, end), " " + thanks
        nxt = sentences[k + 1] if after is first and k + 1 < len(sentences) else None
    target = nxt if nxt is not None else first
    word = next((t for t in target if not t.is_space), None)
    if word is None:
        return None
    return (word.idx, word.idx), thanks + " "
