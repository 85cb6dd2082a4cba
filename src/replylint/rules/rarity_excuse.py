"""Проблему преуменьшают статистикой или редкостью: «такое случается крайне редко».

Что делает
----------
Находит попытки сделать проблему Клиента незначительной: «такое случается
крайне редко», «сбои бывают нечасто», «это большая редкость», «единичный
(исключительный) случай», «это скорее исключение», «жалоб практически не
бывает», «никто не жаловался», «впервые за всю историю», «это первый
подобный случай», «раньше такого не было», «обычно у нас всё приходит
вовремя», «раз в сто лет», «не чаще раза в год», «один раз на тысячу»,
«из тысячи покупателей…», «в одном заказе из трёхсот», «от силы раз в
год», «99% наших Клиентов довольны», «0,5% поездов», «тысячи довольных
клиентов». Доля ищется по классу числительных (цифры и слова-числительные по
разбору), а не по списку фраз. Слова ищутся по леммам, а то, о чём сказано «редко» или
«редкость», — по разбору предложения: это должна быть сама проблема (сбой,
задержка, жалоба, «такое», «это»), а не товар. Отрицание («это не
единичный случай» — признание системной проблемы), редкий товар («это
редкая модель»), скидки и кешбэк в процентах и частота рассылки («раз в
месяц») не считаются.

Почему это важно
----------------
Стандарт 003: «никогда не рассказывайте клиентам о том, что дефекты в вашей
компании – это огромная редкость. Покупателю не важно, что у вас 99% успеха
в производстве, ему не интересно, что к вам практически не поступают
жалобы – у него проблема».

Примеры
-------
Срабатывает:
- Поверьте, подобные ошибки у нас происходят очень редко.
- 97% покупателей получают заказы без задержек.
- Из сотни заказов жалуется от силы один Клиент.
- Такие задержки у нас случаются нечасто.
- Такая путаница бывает в одной посылке из трёхсот.
Не срабатывает:
- К сожалению, это не единичный случай: мы уже меняем всю партию.
- Скидка 15% действует на все товары до воскресенья.
- Эта модель редкая, поэтому везём её под заказ.
- Мы нечасто получаем такие отзывы, спасибо!
- Модель iPhone 15 на 256 ГБ приедет в пятницу.
"""

from __future__ import annotations

import re

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import fold, has_lemma, is_negated, lemmas, matches

_PERCENT_VALUE = re.compile(r"^(\d{1,3})([.,]\d+)?$")


class RarityExcuse(Rule):
    __doc__ = __doc__
    id = "rarity-excuse"
    severity = Severity.WARNING
    seed = "003"

    def check(self, ctx):
        lex = lexicon.load("rarity_excuse")
        needs_problem = set(lex.get("needs_problem", []))
        said_of = set(lex.get("said_of_problem", []))
        problem = lexicon.words("rarity_excuse", "problem_words")
        stat_nouns = lexicon.words("rarity_excuse", "stat_nouns")
        policy = lexicon.words("rarity_excuse", "policy_adjectives")
        min_stat = float(lex.get("min_statistic", 50))
        for sent in ctx.sentences:
            done = []
            found = matches("rarity_excuse", "patterns", sent) + matches("rarity_excuse", "patterns_more", sent)
            for label, span in found:
                if not ctx.company_speaks(span[0]) or _negated(span) or any(_overlaps(span, h) for h in done):
                    continue
                if label in needs_problem and not _names_problem(sent, span, problem):
                    continue
                if label in said_of and not _said_of_problem(sent, span, problem):
                    continue
                if label == "обычно всё вовремя" and _duration(span):
                    continue
                if label == "впервые за всю историю" and any(has_lemma(t, {"такой", "подобный"}) for t in span) \
                        and not _never_before_of_problem(span):
                    continue  # «такое редкое имя мы впервые встречаем» — not a problem
                if _policy_phrase(span, policy) or _small_count(span, min_stat):
                    continue
                done.append(span)
                yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))
            for span in _ratio_claims(sent, min_stat):
                if ctx.company_speaks(span[0]) and not any(_overlaps(span, h) for h in done):
                    done.append(span)
                    yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))
            for span in _percent_claims(sent, stat_nouns):
                if ctx.company_speaks(span[0]):
                    yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))


def _message(text: str) -> str:
    return (f"Проблему преуменьшают редкостью или статистикой: «{text}». Клиенту не важно, как у других, — "
            "признайте его проблему и скажите, что сделаете.")


def _negated(span) -> bool:
    """«не единичный случай», «не редкость» — admitting, not playing down."""
    doc = span.doc
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    first = fold(span[0].text)
    if j >= 0 and fold(doc[j].text) == "не" and first != "не":
        return True
    # a claim that carries its own negation («не чаще…», «ни разу не…») is not negated by it
    return first not in ("не", "ни") and any(is_negated(t) for t in span if t.pos_ in ("ADJ", "NOUN", "ADV"))


def _small_count(span, minimum: float) -> bool:
    """«из 3 заказов» — a count too small to be a statistic."""
    for tok in span:
        m = _PERCENT_VALUE.match(tok.text)
        if m and tok.text[0].isdigit() and float(tok.text.replace(",", ".")) < minimum:
            return fold(tok.doc[tok.i - 1].text) in ("из", "на") if tok.i > 0 else False
    return False


def _policy_phrase(span, policy) -> bool:
    """«в исключительных случаях» (plural, after «в»): a policy, not an excuse."""
    doc = span.doc
    if not has_lemma(span[0], policy) or span.start == 0:
        return False
    return fold(doc[span.start - 1].text) in ("в", "во") and "Plur" in span[-1].morph.get("Number")


def _w(key: str) -> frozenset[str]:
    return lexicon.words("rarity_excuse", key)


def _duration(span) -> bool:
    """«обычно доставляем в срок до трёх дней» states a duration, not a record."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (fold(nxt.text) in ("до", "от", "не", "в", "за") or nxt.text[:1].isdigit())


def _said_of_problem(sent, span, problem) -> bool:
    """The rarity word is said of the problem, by the parse: the noun that
    «редкий / единичный» qualifies («редкая модель» — no; «единичный случай» —
    yes), the subject of «редкость / исключение» or of the verb «редко /
    нечасто» modifies («Такие задержки случаются нечасто», «Мы редко проводим
    распродажи» — no). With no subject found, the sentence must name a problem."""
    doc = span.doc
    rarity = _w("rarity_words")
    word = next((t for t in span if has_lemma(t, rarity) or fold(t.text) in rarity), None)
    if word is None:  # «раньше такого не было»: what is said not to have happened
        return _never_before_of_problem(span) or _problem_noun_before(sent, span)
    if word.pos_ == "ADJ" and word.dep_ == "amod" and word.head.i != word.i and word.head.pos_ in ("NOUN", "PROPN"):
        noun = word.head
        if any(c.dep_ == "case" and fold(c.text) in _w("topic_preps") for c in noun.children):
            return False  # «спасибо, что сообщили о редкой ошибке» — the topic, not a claim
        nxt = [t for t in doc[noun.i + 1:min(len(doc), noun.i + 3)]]
        if len(nxt) == 2 and nxt[0].text == "," and fold(nxt[1].text) == "когда":
            return False  # «тот редкий случай, когда мы рады ошибиться»
        if has_lemma(noun, _w("problem_nouns")):
            return True
        if not has_lemma(noun, _w("event_nouns")):
            return False  # «редкая модель», «редкий оттенок»
        return _subject_ok(_subjects(noun, sent), default=True)
    if word.pos_ == "ADV" or fold(word.text) in ("нечасто", "редко", "изредка", "часто"):
        verb = word.head if word.head.i != word.i else None
        if verb is None:
            return _names_problem(sent, span, problem)
        subjects = _subjects(verb, sent)
        if has_lemma(verb, _w("failure_verbs")):
            return True  # the verb names the failure: «курьеры редко опаздывают»
        if has_lemma(verb, _w("happening_verbs")):
            return _subject_ok(subjects, default=True)
        return _subject_ok(subjects, default=False)
    # a predicate: «Такие списания — большая редкость», «Ваш случай — исключение»,
    # «Жалобы у нас единичные»
    subjects = _subjects(word, sent)
    if not subjects and word.head.i != word.i and word.head.pos_ in ("NOUN", "PRON", "DET"):
        subjects = [word.head]
    if not subjects:
        return _names_problem(sent, span, problem) or _problem_noun_before(sent, span)
    # «Путаница с заказами у нас — большая редкость, обычно …»: the parser
    # may take another subject; a failure named before the predicate decides
    return _subject_ok(subjects, default=False) or _problem_noun_before(sent, span)


def _problem_noun_before(sent, span) -> bool:
    """A failure or complaint noun before the claim in its sentence («Нареканий
    на эту модель раньше не поступало»)."""
    return any(has_lemma(t, _w("problem_nouns")) for t in sent if t.i < span.start)


def _subjects(pred, sent) -> list:
    out = [c for c in pred.children if c.dep_.startswith("nsubj")]
    if not out and pred.dep_ in ("conj", "xcomp", "cop"):
        out = [c for c in pred.head.children if c.dep_.startswith("nsubj")]
    return out


def _subject_ok(subjects, default: bool) -> bool:
    """Some subject names the problem: a failure or complaint noun, an event
    noun, or «такое / это / подобное» standing alone."""
    if not subjects:
        return default
    for s in subjects:
        if has_lemma(s, _w("problem_nouns")) or has_lemma(s, _w("event_nouns")):
            return True
        if has_lemma(s, _w("anaphors")) and s.pos_ in ("PRON", "DET", "ADJ", "NOUN") and not any(
                c.pos_ == "NOUN" for c in s.children):
            return True
    return False


def _never_before_of_problem(span) -> bool:
    """«Раньше такого не было», «до сих пор подобных жалоб не поступало» — but
    not «раньше такого тарифа не было»."""
    for t in span:
        if has_lemma(t, _w("problem_nouns")) or has_lemma(t, _w("event_nouns")):
            return True
    for t in span:
        if has_lemma(t, {"такой", "подобный"}):
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return True
    return False


_DEMONSTRATIVES = {"такой", "подобный", "это"}


def _names_problem(sent, span, problem) -> bool:
    """The sentence speaks of a problem or an event, not of a product:
    a problem noun or verb, or «такое / подобное / это» standing as a noun."""
    for tok in sent:
        if span.start <= tok.i < span.end and tok.pos_ != "VERB":
            continue
        lem = set(lemmas(tok))
        if not lem & problem:
            continue
        if lem & _DEMONSTRATIVES and tok.dep_ in ("det", "amod") and tok.head.pos_ == "NOUN" \
                and not has_lemma(tok.head, problem):
            continue  # «эта модель», «такая модель»
        return True
    return False


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _numeral(tok) -> bool:
    """A cardinal: digits, «один», or a NUM that is not a comparative («меньше»)."""
    if tok.text[:1].isdigit() or has_lemma(tok, {"один"}):
        return True
    return tok.pos_ == "NUM" and "Cmp" not in tok.morph.get("Degree") and not has_lemma(
        tok, {"маленький", "малый", "большой", "много", "мало", "немного", "несколько"})


def _ratio_claims(sent, min_stat: float):
    """«в одном случае из пятисот», «99 из 100 выпускников», «один на тысячу»:
    a numeral, «из/на» and a numeral of hundreds or more — a share that plays
    the problem down. The numerator is found by POS (NUM or digits), the
    denominator must be large (digits ≥ the minimum or a numeral of hundreds)."""
    doc = sent.doc
    large = _w("large_numerals")
    units = _w("stat_nouns") | _w("event_nouns") | _w("problem_words")
    measures = _w("measure_nouns")
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if fold(tok.text) not in ("из", "на") or k == 0 or k + 1 >= len(toks):
            continue
        den = toks[k + 1]
        if den.text[:1].isdigit():
            m = _PERCENT_VALUE.match(den.text)
            if not m or float(den.text.replace(",", ".")) < min_stat:
                continue
        elif not (den.pos_ == "NUM" or den.pos_ == "NOUN") or not has_lemma(den, large):
            continue
        num = None
        counted = []
        for back in reversed(toks[max(0, k - 3):k]):
            if _numeral(back):
                num = back
                break
            if back.pos_ not in ("NOUN", "ADJ", "DET"):
                break
            counted.append(back)
        if num is None or (fold(tok.text) == "на" and not has_lemma(num, {"один"})):
            continue  # «15 на 256 ГБ» — «N на M» is a share only as «один на тысячу»
        # «5 дней из 100»: what is counted must be an event or what a statistic counts
        if any(t.pos_ == "NOUN" and not has_lemma(t, units) for t in counted):
            continue
        if any(has_lemma(t, measures) for t in toks[k + 2:k + 5]):
            continue  # «10 на 100 рублей» — a measure, not a share
        end = den.i + 1
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and "Gen" in doc[end].morph.get("Case"):
            end += 1
        yield doc[num.i:end]


def _percent_claims(sent, stat_nouns):
    """«99% наших Клиентов», «98 процентов заказов»: a very high (or very low)
    share of customers / orders — the statistic that plays the problem down."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if not (tok.text == "%" or has_lemma(tok, {"процент"})) or k == 0:
            continue
        m = _PERCENT_VALUE.match(toks[k - 1].text)
        if m:
            value = float(toks[k - 1].text.replace(",", "."))
        elif has_lemma(toks[k - 1], {"один"}) and toks[k - 1].pos_ in ("NUM", "ADJ", "DET"):
            value = 1.0  # «одного процента»
        else:
            continue
        if 5 < value < 80:
            continue
        # any counted things (plural genitive: «99,2% рейсов», «одного процента
        # игроков») when the share is extreme: nearly all, but not 100 («100%
        # предоплаты»), or at most one per cent under «меньше/менее/лишь/всего»
        extreme = (90 <= value < 100) or (value <= 1 and any(
            has_lemma(t, _w("share_limiters")) for t in toks[max(0, k - 5):k - 1]))
        for nxt in toks[k + 1:k + 4]:
            if nxt.pos_ in ("NOUN", "PROPN") and "Gen" in nxt.morph.get("Case") and (
                    has_lemma(nxt, stat_nouns)
                    or (extreme and "Plur" in nxt.morph.get("Number") and not has_lemma(nxt, _w("measure_nouns")))):
                yield doc[toks[k - 1].i:nxt.i + 1]
                break
            if nxt.pos_ not in ("DET", "ADJ", "PRON"):
                break


# --- the rewrite: ownership ------------------------------------------------------

_BOUNDS = {":", ";"}


def _rewrite(ctx, sent, span):
    """The clause that plays the problem down replaced by ownership («Нам
    очень жаль, что так вышло именно с Вашим заказом»); a clause after
    «, но / , а» or a colon stays. ``(where, text)`` for ``ctx.hit``."""
    conf = rw.templates("rarity-excuse")
    contrast = frozenset(fold(w) for w in conf.get("contrast", []))
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]

    def boundary(k: int) -> bool:
        t = toks[k]
        if t.text in _BOUNDS:
            return True
        return t.text == "," and k + 1 < len(toks) and fold(toks[k + 1].text) in contrast

    pos = {t.i: k for k, t in enumerate(toks)}
    k0 = pos.get(span.start, 0)
    lo = k0
    while lo > 0 and not boundary(lo - 1):
        lo -= 1
    k1 = pos.get(span.end - 1, len(toks) - 1)
    hi = k1
    while hi + 1 < len(toks) and not boundary(hi + 1):
        hi += 1
    while hi > lo and toks[hi].is_punct and toks[hi].text not in "»)":
        hi -= 1
    first, last = toks[lo], toks[hi]
    if first.text in contrast or fold(first.text) in contrast:
        first = toks[lo + 1] if lo + 1 <= hi else first
    thing = _thing(ctx, sent, conf)
    regret = frozenset(fold(w) for w in conf.get("regret_words", []))
    variant = "again" if any(set(lemmas(t)) & regret and ctx.company_speaks(t) for t in ctx.doc) else "own"
    text = rw.render("rarity-excuse", variant, thing=thing) if thing else rw.render("rarity-excuse", variant + "_you")
    if text is None:
        return None
    if not rw.starts_sentence(first):
        text = rw.lower_first(text)
    return (first.idx, last.idx + len(last.text)), text


def _thing(ctx, sent, conf):
    """«Вашим заказом»: the first word of ``things`` in the sentence, the
    draft before it, or the Клиент's message, with «Ваш» in the instrumental."""
    things = frozenset(fold(w) for w in conf.get("things", []))
    pools = [list(sent), [t for t in ctx.doc if t.i < sent.start]]
    if ctx.incoming_doc is not None:
        pools.append(list(ctx.incoming_doc))
    for pool in pools:
        for tok in pool:
            if tok.pos_ in ("NOUN", "PROPN") and set(lemmas(tok)) & things:
                lemma = next(lem for lem in lemmas(tok) if lem in things)
                return rw.your(lemma, "ablt")
    return None
