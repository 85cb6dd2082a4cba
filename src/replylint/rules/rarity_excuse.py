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
клиентов», «за всю историю краж не было ни разу», «больше никто не жаловался»,
«других претензий мы не получали», «как правило, сбоев не возникает», «град
выпадает раз в двадцать лет», «в доли процента случаев», «доля возвратов меньше
одного процента», «вероятность поломки ничтожна», «почти исключено», «мы впервые
слышим о такой неисправности», «для нас это нетипично», «только Вы столкнулись».
Отрицание «не было / не поступало / не жаловался» считается, когда его обобщают
на время или людей («никто», «ни разу», «за N лет», «большинство», «другие»,
«как правило»), а отрицается сбой или жалоба. Доля ищется по классу числительных (цифры и слова-числительные по
разбору), а не по списку фраз. Слова ищутся по леммам, а то, о чём сказано «редко» или
«редкость», — по разбору предложения: это должна быть сама проблема (сбой,
задержка, жалоба, «такое», «это»), а не товар. Отрицание («это не
единичный случай» — признание системной проблемы), редкий товар («это
редкая модель»), скидки и кешбэк в процентах, частота рассылки («раз в
месяц») и график работ («поверку проводим раз в шесть лет»), случай самого
Клиента («жалоб от Вас не поступало») и действия компании («мы ни разу не
повышали цены») не считаются.

Ещё классы:
- немногие как подлежащее или «у кого»: «такое бывает у единиц», «жалуются
  единицы», «мало кто сталкивается», «у считанных клиентов», «считанные разы»
  (но не «5 единиц товара», «эту модель берут единицы», «за считанные минуты»);
- почти всем хорошо: «нравится практически всем», «почти все довольны», «у
  подавляющего большинства всё работает» (но не скидка «почти на все товары»,
  график «почти все филиалы работают до 22:00», «мы отвечаем почти всем»);
- чистая история за срок: «до этого ничего подобного не было», «не
  случалось уже несколько лет», «давно не было», «целый сезон не возникало»;
- порядковый счёт за срок: «едва ли не первый укус», «первый сбой за пять
  лет», «за три года второй такой случай» (но не «уже вторая задержка за
  месяц» — признание, и не «третья поломка» самого устройства Клиента);
- «впервые» после срока: «за пять лет он впервые» (но не «мы впервые за
  десять лет подняли цены»);
- повреждённая вещь как подлежащее «исключения / редкости»: «Битые чашки —
  скорее исключение», «Мятые коробки приходят редко»;
- доля со словесным знаменателем: «один на несколько тысяч», «из десятков
  тысяч», «на 20 000 поездок», «меньше процента» о повреждённом;
- случай самого Клиента в прошедшем («у Вас раньше таких проблем не было»,
  «на Вашей линии перебоев почти не было») — проверка его случая, не довод;
- «всё хорошо» после «обычно / как правило» («Обычно туры проходят без
  накладок», «Обычно пациенты довольны»), большой объём против случая
  Клиента («продали сотни таких гитар, и ни одна не треснула»), у остальных
  всё в порядке, «почти никогда не …» (не о делах самой компании), рейтинг
  «4,9 из 5», «у единичных абонентов», «носят единичный характер»,
  «случай для нашей сети исключительный», «наперечёт», «менее половины
  процента» о сбое, безглагольное «за год первый раз такое»; «такой /
  подобный» при любом существительном, кроме товара и собственных правил
  компании («Такой гул встречается редко», но не «Такие модели встречаются
  редко», «Такой подход для нас нетипичен»).

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
- За шесть лет работы ни одной жалобы на монтаж не поступало.
- Гроза такой силы бывает здесь примерно раз в тридцать лет.
- С подобной неисправностью сталкиваются единицы.
- Этот шампунь нравится практически всем нашим покупателям.
- Сбоев с картой не случалось уже несколько лет.
- Это чуть ли не первая поломка за всё время.
- Мятые упаковки — скорее исключение.
Не срабатывает:
- К сожалению, это не единичный случай: мы уже меняем всю партию.
- Скидка 15% действует на все товары до воскресенья.
- Эта модель редкая, поэтому везём её под заказ.
- Мы нечасто получаем такие отзывы, спасибо!
- Модель iPhone 15 на 256 ГБ приедет в пятницу.
- Счётчики поверяют раз в шесть лет, ближайшая поверка — в мае.
- Этот сорт сыра покупают единицы, поэтому везём его под заказ.
- Акция распространяется почти на все товары каталога.
- До этого Вы ни разу не заказывали у нас.
"""

from __future__ import annotations

import re

from .. import lexicon
from .. import rewrite as rw
from ..model import Severity
from . import Rule
from ._ru import clause_window, fold, has_lemma, is_negated, lemmas, matches

_PERCENT_VALUE = re.compile(r"^(\d{1,3})([.,]\d+)?$")
_DIGITS = re.compile(r"^\d+([.,]\d+)?$")


class RarityExcuse(Rule):
    __doc__ = __doc__
    id = "rarity-excuse"
    severity = Severity.WARNING
    seed = "003"

    def check(self, ctx):
        lex = lexicon.load("rarity_excuse")
        needs_problem = set(lex.get("needs_problem", []))
        said_of = set(lex.get("said_of_problem", []))
        needs_noun = set(lex.get("needs_problem_noun", []))
        problem = lexicon.words("rarity_excuse", "problem_words")
        stat_nouns = lexicon.words("rarity_excuse", "stat_nouns")
        policy = lexicon.words("rarity_excuse", "policy_adjectives")
        min_stat = float(lex.get("min_statistic", 50))
        for sent in ctx.sentences:
            done, deferred = [], []
            found = matches("rarity_excuse", "patterns", sent) + matches("rarity_excuse", "patterns_more", sent)
            for label, span in found:
                if not ctx.company_speaks(span[0]) or _negated(span) or any(_overlaps(span, h) for h in done):
                    continue
                if label in needs_problem and not _names_problem(sent, span, problem):
                    continue
                if label in _OWN_CASE_LABELS and (_own_case(clause_window(span[-1], sent)) or (
                        label == "раньше не было" and any(_yours(t) for t in clause_window(span[-1], sent)))):
                    continue  # «Раньше у Вас таких проблем не было»: the Клиент's own history
                if label in said_of and not _said_of_problem(sent, span, problem):
                    continue
                if label in needs_noun and not _problem_noun_in(sent, label):
                    continue
                if label == "обычно всё вовремя" and _duration(span):
                    continue
                if label == "почти все Клиенты" and _company_acts(span[-1]):
                    continue  # «Мы отвечаем почти всем клиентам за час»: the company's own practice
                if label == "впервые за всю историю" and any(has_lemma(t, {"такой", "подобный"}) for t in span) \
                        and not _never_before_of_problem(span):
                    continue  # «такое редкое имя мы впервые встречаем» — not a problem
                if label == "впервые за всю историю" and not _first_of_problem(span, sent):
                    continue  # «Мы впервые за десять лет подняли цены» — the company's own doing
                if _policy_phrase(span, policy) or _small_count(span, min_stat):
                    continue
                if label == "по статистике":
                    deferred.append(span)
                    continue
                done.append(span)
                yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))
            for span in (*_ratio_claims(sent, min_stat), *_record_claims(sent), *_period_claims(sent), *_count_claims(sent),
                         *_first_time(sent), *_few_claims(sent), *_near_all_claims(sent), *_ordinal_claims(sent)):
                if ctx.company_speaks(span[0]) and not any(_overlaps(span, h) for h in done):
                    done.append(span)
                    yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))
            for span in (*_percent_claims(sent, stat_nouns), *_norm_claims(sent), *_scarce_claims(sent),
                         *_rate_claims(sent), *_volume_claims(sent), *_others_fine(sent), *_almost_never(sent),
                         *_rating_claims(sent), *_few_people(sent)):
                if ctx.company_speaks(span[0]) and not any(_overlaps(span, h) for h in done):
                    done.append(span)
                    yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))
            if deferred and not done:  # «по статистике» only when nothing else in the sentence was found
                span = deferred[0]
                yield ctx.hit(span, message=_message(span.text), rewrite=_rewrite(ctx, sent, span))


_OWN_CASE_LABELS = {"раньше не было", "практически не бывает", "впервые за всю историю"}


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
    if any(has_lemma(t, _w("happening_verbs")) and t.pos_ in ("VERB", "AUX") and not has_lemma(t, {"быть", "иметь"})
           for t in clause_window(span[-1])):  # a verb of happening, not mere being or having
        return False  # «Подобное происходит только в исключительных случаях» plays it down
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
        if has_lemma(span[0], {"последний"}):  # «Последний раз такое было …»: past «раз»
            span = span.doc[span.start + 2:span.end]
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
        while verb is not None and verb.pos_ == "ADV" and verb.head.i != verb.i:
            verb = verb.head  # «исключительно редко поступают»: the intensifier hangs on «редко»
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
    return any((has_lemma(t, _w("problem_nouns")) or _damaged(t)) and not _yours(t) for t in sent if t.i < span.start)


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
        if has_lemma(s, _w("problem_nouns")) or has_lemma(s, _w("event_nouns")) or _damaged(s):
            return True
        if _action_noun(s) and any(has_lemma(c, {"такой", "подобный"}) for c in s.children):
            return True  # «Подобные срабатывания защиты бывают редко»: an event referred back to
        if s.pos_ in ("NOUN", "PROPN") and not has_lemma(s, _w("neutral_nouns")) and any(
                has_lemma(c, {"такой", "подобный"}) for c in s.subtree if c.i != s.i):
            return True  # «Такой гул встречается редко», «Расхождения подобного масштаба …»: the case referred back to
        if has_lemma(s, _w("anaphors")) and s.pos_ in ("PRON", "DET", "ADJ", "NOUN") and not any(
                c.pos_ == "NOUN" and not any(g.dep_ == "case" for g in c.children) for c in s.children):
            return True  # «подобное (с нашими поварами)» stands alone; «подобные модели» does not
    return False


def _action_noun(tok) -> bool:
    """A noun of action made from a verb («срабатывание», «списание»)."""
    low = fold(tok.lemma_ or tok.text)
    return tok.pos_ == "NOUN" and low.endswith(("ание", "ение", "тие")) and len(low) > 7


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
        if lem & _DEMONSTRATIVES and tok.dep_ in ("det", "amod") and tok.head.pos_ in ("NOUN", "ADJ") \
                and not has_lemma(tok.head, problem):
            continue  # «эта модель», «такая модель», «таким долгим» (a degree, not «такое»)
        return True
    return False


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _numeral(tok) -> bool:
    """A cardinal: digits, «один», or a NUM that is not a comparative («меньше»)."""
    if tok.text[:1].isdigit() or has_lemma(tok, {"один", "пара"}):
        return True  # «пара человек из сотни»
    return tok.pos_ == "NUM" and "Cmp" not in tok.morph.get("Degree") and not has_lemma(
        tok, {"маленький", "малый", "большой", "много", "мало", "немного", "несколько"})


def _ratio_claims(sent, min_stat: float):
    """«в одном случае из пятисот», «99 из 100 выпускников», «один на тысячу»,
    «у одной кошки из двадцати тысяч», «на 5000 квартир — 7 аварий»: a count
    set against a denominator of hundreds or more — a share that plays the
    problem down. The denominator follows «из / на» (digits ≥ the minimum, or
    a numeral phrase with hundreds or thousands: «нескольких сотен», «двадцати
    тысяч»); the count stands just before it or, when the sentence names a
    problem, anywhere in its clause. Money and measures («на 5000 рублей», «10
    на 100 рублей») and dates or durations are not shares."""
    doc = sent.doc
    units = _w("stat_nouns") | _w("event_nouns") | _w("problem_words")
    measures = _w("measure_nouns")
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if fold(tok.text) not in ("из", "на") or k + 1 >= len(toks):
            continue
        phrase = _denominator(toks, k, min_stat)
        if phrase is None:
            continue
        den = phrase[-1]
        if den.i + 1 < len(doc) and doc[den.i + 1].text.isdigit() and len(doc[den.i + 1].text) == 3:
            den = doc[den.i + 1]  # «10 000»
        if any(has_lemma(t, measures) for t in toks[k + 1:k + len(phrase) + 4]):
            continue  # «10 на 100 рублей» — a measure, not a share
        num, counted = None, []
        for back in reversed(toks[max(0, k - 3):k]):
            if _numeral(back):
                num = back
                break
            if back.pos_ not in ("NOUN", "ADJ", "DET"):
                break
            counted.append(back)
        near = num is not None
        if num is None:
            num = _far_count(sent, tok, phrase)
        if num is None:
            continue
        if near and fold(tok.text) == "на" and not has_lemma(num, {"один"}) and not (
                _counted_noun_after(den) and _problem_in(clause_window(tok, sent))):
            continue  # «15 на 256 ГБ» — «N на M» is a share only of counted things, said of a problem
        # «5 дней из 100»: what is counted must be an event or what a statistic counts
        if any(t.pos_ == "NOUN" and not has_lemma(t, units) for t in counted) and not _problem_in(list(sent)):
            continue
        end = den.i + 1
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and "Gen" in doc[end].morph.get("Case"):
            end += 1
        lo, hi = min(num.i, tok.i), max(end - 1, num.i)
        yield doc[lo:hi + 1]
        return


def _denominator(toks, k, min_stat):
    """The numeral phrase after «из / на» at ``k`` when it is large: digits ≥
    the minimum, or numeral words with hundreds or more («двадцати тысяч»,
    «нескольких сотен», «тысячу»)."""
    large = _w("large_numerals")
    phrase = []
    for t in toks[k + 1:k + 4]:
        if t.text[:1].isdigit() or t.pos_ == "NUM" or has_lemma(t, large | _w("ratio_multipliers")):
            phrase.append(t)
            continue
        break
    if not phrase:
        return None
    if any(t.text[:1].isdigit() for t in phrase):
        value = _digit_groups(toks, phrase[0])
        return phrase if value is not None and value >= min_stat else None
    return phrase if any(has_lemma(t, large) for t in phrase) else None


def _counted_noun_after(den) -> bool:
    """A counted thing after the denominator («на 5000 квартир», «на тысячу
    заселений»), not a measure or a period."""
    doc = den.doc
    nxt = next((t for t in doc[den.i + 1:min(len(doc), den.i + 3)] if t.pos_ in ("NOUN", "PROPN")), None)
    return nxt is not None and not has_lemma(nxt, _w("measure_nouns") | _w("record_periods"))


def _far_count(sent, prep, phrase):
    """The count of a share standing apart from it in the clause: «на 5000
    квартир пришлось только 7 аварий», «из двухсот кофемашин сломалась только
    одна». Only when the clause names a problem; digits of dates, times, money
    and durations are not counts."""
    window = clause_window(prep, sent)
    if not (_problem_in(window) or any(has_lemma(t, _w("occur_verbs") | _w("failure_verbs")) for t in window)):
        return None
    if not _counted_noun_after(phrase[-1]):
        return None
    inside = {t.i for t in phrase}
    doc = prep.doc
    for t in window:
        if t.i in inside or t.i == prep.i or not (_numeral(t) or fold(t.text).startswith(("одна-", "один-", "одно-"))):
            continue
        if t.i > 0 and fold(doc[t.i - 1].text) in ("за", "в", "через", "до", "с", "от", "по", "из", "на"):
            continue  # «за три года», «в 12:00», «до 5 дней»
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text in (":", "%", ".") and t.text[:1].isdigit() or has_lemma(
                nxt, _w("measure_nouns") | _w("record_periods") | _w("duration_periods"))):
            continue
        return t
    return None


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
        elif has_lemma(toks[k - 1], {"доля"}) or (
                has_lemma(toks[k - 1], _w("share_limiters")) and tok.text != "%"):
            value = 0.5  # «в доли процента случаев», «менее процента»
        else:
            continue
        if 5 < value < 80:
            continue
        # any counted things (plural genitive: «99,2% рейсов», «одного процента
        # игроков») when the share is extreme: nearly all, but not 100 («100%
        # предоплаты»), or at most one per cent under «меньше/менее/лишь/всего»
        limiter = next((t for t in toks[max(0, k - 5):k] if has_lemma(t, _w("share_limiters"))), None)
        extreme = (90 <= value < 100) or (value <= 1 and limiter is not None)
        found = False
        for nxt in toks[k + 1:k + 4]:
            if nxt.pos_ in ("NOUN", "PROPN") and "Gen" in nxt.morph.get("Case") and (
                    has_lemma(nxt, stat_nouns)
                    or (extreme and "Plur" in nxt.morph.get("Number") and not has_lemma(nxt, _w("measure_nouns")))):
                yield doc[toks[k - 1].i:nxt.i + 1]
                found = True
                break
            if nxt.pos_ not in ("DET", "ADJ", "PRON"):
                break
        # «Доля возвратов у нас меньше одного процента», «Процент брака — менее
        # 0,3%»: a tiny share of a failure named before it
        if not found and extreme and value <= 1 and any(
                (has_lemma(t, _w("problem_nouns")) or _damaged(t)) and not _yours(t) for t in toks[:k]):
            yield doc[min(limiter.i, toks[k - 1].i):tok.i + 1]
            found = True
        if not found and 90 <= value < 100:
            rate = _success_rate(sent, toks[k - 1])
            if rate is not None:
                yield doc[rate.i:tok.i + 1]


def _success_rate(sent, number):
    """«У нас доступность сервиса 99,8%», «аптайм — 99,9 процента»: a
    near-total rate of the service, said of a noun before it in the clause.
    Not money or a charge («скидка 99%», «вернём 95% стоимости»), not a
    progress after a preposition («собран на 95%»), not the Клиент's own."""
    doc = number.doc
    prev = doc[number.i - 1] if number.i > 0 else None
    if prev is not None and prev.pos_ == "ADP":
        return None
    window = clause_window(number, sent)
    if any(has_lemma(t, _w("percent_money_words")) or _yours(t) for t in window):
        return None
    return next((t for t in window if t.i < number.i and t.pos_ in ("NOUN", "PROPN")
                 and not has_lemma(t, _w("measure_nouns"))), None)



def _problem_noun_in(sent, label: str) -> bool:
    """A failure noun in the sentence («Статистически потеря файлов почти
    исключена»); «по статистике» also needs a word of little or none."""
    if not any(has_lemma(t, _w("problem_nouns")) and not _yours(t) for t in sent):
        return False
    if label == "по статистике":
        return any(has_lemma(t, _w("low_words")) for t in sent)
    return True


_YOU = {"вы", "ваш"}


def _yours(tok) -> bool:
    """The word is about this Клиент's own case: «Ваших жалоб», «жалоб от Вас»."""
    for c in tok.children:
        if has_lemma(c, _YOU):
            return True
        if c.dep_ == "nmod" and any(has_lemma(g, _YOU) for g in (c, *c.children)) and c.pos_ == "PRON":
            return True
    nxt = tok.doc[tok.i + 1:tok.i + 3]
    return len(nxt) == 2 and fold(nxt[0].text) == "от" and has_lemma(nxt[1], _YOU)


def _except_you(toks) -> bool:
    """«Кроме Вас, никто не жаловался»: the Клиент set against everyone else."""
    return any(fold(t.text) in ("кроме", "помимо") for t in toks)


def _record_claims(sent):
    """A clean record or the rest of the customers: a negated verb of happening,
    arriving, complaining, failing or meeting a problem («не поступало», «не
    возникает», «не жаловался», «не сталкивался»), generalised over time or
    people by «никто», «ни разу», «ни один», «никогда», «за всю историю», «за N
    лет», «большинство», «другие (жалобы)», «как правило», «обычно», «раньше»,
    «до сих пор». What is denied must be a failure («сбоев», «претензий»,
    «такой проблемой»), or the verb itself names suffering one with «никто / ни
    один …» as subject («никто не жаловался»). The Клиент's own case («жалоб от
    Вас раньше не поступало»), the company's own actions («мы ни разу не
    повышали цены») and other things («других вариантов нет») are not records."""
    doc = sent.doc
    verbs = _w("record_verbs")
    toks = [t for t in sent if not t.is_space]
    for v in toks:
        if not has_lemma(v, verbs) or v.pos_ not in ("VERB", "AUX") or not is_negated(v):
            continue
        if _question_or_condition(sent, v):
            continue
        window = clause_window(v, sent)
        before = [t for t in toks if t.i < v.i]
        markers = _record_markers(window, before)
        if not markers:
            continue
        strong = any(fold(m.text) in ("ни", "никто", "никогда", "за", "больше") or has_lemma(m, {"большинство"})
                     for m in markers)
        things = [t for t in window if t.i != v.i and (_failure_thing(t, any_noun=strong) or (
            has_lemma(t, _w("event_nouns")) and any(_ni_odin(c) for c in t.children)))]
        if any(_yours(t) for t in things) and not _except_you(window):
            continue
        if _own_case(window):
            continue  # «Раньше у Вас таких проблем не было»: the Клиент's own history
        subj_none = [t for t in window if t.i < v.i and (has_lemma(t, {"никто"}) or _ni_odin(t))]
        # «никто не жаловался», «курьеры обычно не опаздывают»: the verb names the failure
        ok = bool(things) or (has_lemma(v, _w("suffer_verbs") | _w("failure_verbs")) and (subj_none or any(
            fold(m.text) in ("обычно", "как", "никогда", "ни", "за") for m in markers)))
        if not ok:
            continue
        neg = next((t for t in window if fold(t.text) == "не" and t.i < v.i), v)
        lo = min([m.i for m in markers] + [neg.i] + [t.i for t in subj_none])
        hi = max([v.i] + [m.i + (1 if fold(m.text) == "ни" else 0) for m in markers if m.i > v.i])
        if fold(doc[hi].text) in ("одного", "одной", "одна", "один", "одно") and hi + 1 < len(doc) \
                and doc[hi + 1].pos_ in ("NOUN", "PROPN"):
            hi += 1  # «не было ни одного случая»
        yield doc[lo:hi + 1]
        return


def _count_claims(sent):
    """«Таких случаев за годы работы было буквально два-три»: a failure counted
    on the fingers over the record period."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    periods = _w("record_periods")
    if not any(fold(t.text) == "за" and any(has_lemma(x, periods) for x in doc[t.i + 1:min(len(doc), t.i + 5)])
               for t in toks):
        return
    if not any(_failure_thing(t) and not _yours(t) for t in toks):
        return
    for k, t in enumerate(toks[:-1]):
        if fold(t.text) in _w("few_limiters") and (
                is_number_word(toks[k + 1]) or has_lemma(toks[k + 1], _w("few_counts"))):
            start = doc[t.i - 1] if fold(t.text) == "силы" and t.i > 0 and fold(doc[t.i - 1].text) == "от" else t
            yield doc[start.i:toks[k + 1].i + 1]
            return


def _question_or_condition(sent, tok) -> bool:
    from ._clauses import in_condition, is_question

    return is_question(tok) or in_condition(tok)


def _ni_odin(tok) -> bool:
    """«ни один Клиент», «ни у кого»."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and fold(prev.text) == "ни" and (has_lemma(tok, {"один", "кто"}) or fold(tok.text) == "у")


def _failure_thing(tok, any_noun: bool = False) -> bool:
    """A failure noun, or «такое / подобное» standing alone or before an event
    noun (before any noun under a strong generalisation: «ни одного подобного
    обращения»)."""
    if tok.pos_ in ("NOUN", "PROPN") and has_lemma(tok, _w("problem_nouns")):
        return True
    if has_lemma(tok, {"такой", "подобный"}) and tok.pos_ in ("PRON", "DET", "ADJ", "NOUN"):
        head = tok.head
        if tok.dep_ in ("det", "amod") and head.i != tok.i and head.pos_ in ("NOUN", "PROPN"):
            return any_noun or has_lemma(head, _w("problem_nouns")) or has_lemma(head, _w("event_nouns"))
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
    return False


def _record_markers(window, before) -> list:
    """The words that generalise the clause, in the clause or (for «как
    правило», «обычно» opening the sentence) before it."""
    marks = _w("record_markers")
    periods = _w("record_periods")
    out = []
    for t in window:
        low = fold(t.text)
        doc = t.doc
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if low == "ни":
            if nxt is not None and (fold(nxt.text) in ("разу", "у", "одного", "одной", "один", "одна", "одно")):
                out.append(t)
        elif low == "за" and any(has_lemma(x, periods) for x in doc[t.i + 1:min(len(doc), t.i + 5)]):
            out.append(t)
        elif low == "больше":
            if nxt is not None and has_lemma(nxt, {"никто", "нигде", "никогда"}):
                out.append(t)
        elif low == "весь" or has_lemma(t, {"весь"}):
            continue  # «за всё время» is found through «за»
        elif low == "пор" and t.i >= 2 and fold(doc[t.i - 2].text) == "до":
            out.append(doc[t.i - 2])
        elif low in ("этого", "того") and t.i >= 1 and fold(doc[t.i - 1].text) == "до" and (t.dep_ != "det" or has_lemma(t.head, _w("since_nouns"))):
            out.append(doc[t.i - 1])  # «до этого ничего подобного не было»
        elif low in _w("duration_adverbs") or _duration_period(t):
            out.append(t)  # «не случалось уже несколько лет», «давно не было»
        elif low == "правило" and t.i >= 1 and fold(doc[t.i - 1].text) == "как":
            out.append(doc[t.i - 1])
        elif low in ("никто", "никогда", "раньше", "прежде", "ранее", "еще", "обычно") or (
                has_lemma(t, {"большинство", "другой", "остальной"}) and low not in ("больше",)):
            out.append(t)
        elif has_lemma(t, marks) and low not in ("ни", "за", "больше", "правило", "пор", "весь"):
            out.append(t)
    if not out:
        for t in before[:4]:
            low = fold(t.text)
            if low == "обычно" or (low == "правило" and t.i >= 1 and fold(t.doc[t.i - 1].text) == "как"):
                out.append(t if low == "обычно" else t.doc[t.i - 1])
    return out


def _period_claims(sent):
    """«раз в двадцать лет», «раз в десятилетие», «раз в несколько лет» said of
    something that happens («град выпадает», «сбой бывает», «котлы ломаются»),
    not of scheduled work («поверку проводят раз в шесть лет», «курьер
    приезжает раз в неделю»)."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if fold(tok.text) not in ("раз", "раза") or k + 2 >= len(toks) or fold(toks[k + 1].text) not in ("в", "за"):
            continue
        if k > 0 and is_number_word(toks[k - 1]) and not has_lemma(toks[k - 1], {"один"}) \
                and not fold(toks[k - 1].text).startswith(("один-", "1-", "пар")):
            continue  # «пять раз в год» counts, it does not play down («один-два раза» does)
        period = next((t for t in toks[k + 2:k + 5] if has_lemma(t, _w("long_periods"))), None)
        if period is None:
            continue
        verb = next((a for a in _ancestors(tok) if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if "1" in verb.morph.get("Person") or any(has_lemma(c, {"мы", "я"}) for c in subj):
            continue
        clause = clause_window(verb, sent)
        if has_lemma(verb, _w("occur_verbs")) or any(_failure_thing(c) and not _yours(c) for c in clause):
            before = toks[k - 1] if k > 0 else None
            start = before if before is not None and (fold(before.text) in (
                "примерно", "лишь", "всего", "около", "приблизительно", "однажды") or is_number_word(before)
                or fold(before.text).startswith("пар")) else tok
            yield doc[start.i:period.i + 1]
            return


def _time_word(tok) -> bool:
    """«впервые за десять лет слышим»: a span of time, not what is met."""
    return has_lemma(tok, _w("record_periods")) or any(fold(c.text) == "за" for c in tok.children)


def is_number_word(tok) -> bool:
    return tok.text[:1].isdigit() or tok.pos_ == "NUM"


def _ancestors(tok, limit: int = 4):
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return
        node = node.head
        yield node


def _first_time(sent):
    """«Мы впервые слышим о такой неисправности», «первый раз сталкиваемся с
    подобной жалобой»: the company meets the problem for the first time (nobody
    else has had it). What is met must be the problem or stand unnamed
    («впервые такое слышим»); «впервые встречаем такое имя» is not."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        low = fold(tok.text)
        if low == "впервые":
            first = tok
        elif low == "раз" and k > 0 and has_lemma(toks[k - 1], {"первый"}):
            first = toks[k - 2] if k > 1 and fold(toks[k - 2].text) == "в" else toks[k - 1]
        else:
            continue
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else next(
            (t for t in toks[k + 1:k + 4] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not any(v.pos_ in ("VERB", "AUX") for v in clause_window(tok, sent)):
            # verbless: «за год первый раз с ними такое» — a period, and «такое» standing alone
            window = clause_window(tok, sent)
            alone = [t for t in window if has_lemma(t, {"такой", "подобный"}) and _failure_thing(t)]
            period = any(fold(t.text) == "за" for t in window)
            if alone and period and not any(_yours(t) for t in window):
                lo = min(first.i, *(t.i for t in window if fold(t.text) == "за"))
                yield doc[lo:max(tok.i, alone[-1].i) + 1]
                return
            continue
        if not has_lemma(verb, _w("perceive_verbs")) or "1" not in verb.morph.get("Person"):
            continue
        # what is met, wherever it stands (the parser may take a fronted object
        # for the subject: «Такое редкое имя мы впервые встречаем»)
        objs = [c for c in verb.children if c.dep_ in ("obj", "obl", "nsubj", "nsubj:pass", "iobj")
                and c.i != tok.i and c.pos_ in ("NOUN", "PROPN", "PRON", "DET") and not has_lemma(c, {"мы", "я"})
                and not _time_word(c)]
        if objs and not any(_failure_thing(o) or any(_failure_thing(g) for g in o.children) for o in objs):
            continue
        end = max([verb.i] + [o.i for o in objs if o.i > verb.i])
        yield doc[first.i:end + 1]
        return


# --- session 15 classes ----------------------------------------------------------

def _damaged(tok) -> bool:
    """A noun qualified by a participle or adjective of damage or failure
    («разбитые свечи», «опоздавший курьер»): the problem named by its result."""
    if tok.pos_ in ("ADJ", "VERB") and tok.dep_.startswith("nsubj"):
        return has_lemma(tok, _w("damage_words"))  # «Мятые упаковки» parsed with the adjective as the subject
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("amod", "acl") and c.i < tok.i + 4 and has_lemma(c, _w("damage_words"))
               for c in tok.children)


def _own_case(window) -> bool:
    """A negated past happening on the Клиент's own place or with the Клиент
    as the holder: «перебоев на Вашей линии почти не было», «сбоев в Вашем доме
    не было» (a check of this case, not a record); present «на Вашей линии
    жалоб не бывает» generalises and stays a claim."""
    if _client_holder(window):
        return True
    if not any(t.pos_ in ("VERB", "AUX") and "Past" in t.morph.get("Tense") for t in window):
        return False
    return any(has_lemma(t, {"ваш", "твой"}) and t.dep_ == "det" and "Loc" in t.head.morph.get("Case")
               and any(fold(c.text) in ("в", "во", "на", "при") for c in t.head.children) for t in window)


def _client_holder(window) -> bool:
    """The clause is about the Клиент: «у Вас», «Вы» as the subject («Раньше у
    Вас таких проблем не было») — unless the Клиент is set against the rest
    («кроме Вас»)."""
    if _except_you(window):
        return False
    for t in window:
        if not has_lemma(t, {"вы", "ты"}) or t.pos_ != "PRON":
            continue
        if t.dep_.startswith("nsubj"):
            return True
        if t.i > 0 and fold(t.doc[t.i - 1].text) in ("у", "от"):
            return True  # «у Вас», «жалоб … от Вас»
    return False


def _duration_period(tok) -> bool:
    """A stretch of time without «за» after which nothing happened: «уже
    несколько лет», «целый год», «три года» (a period noun with a quantifier,
    not governed by a preposition)."""
    if not has_lemma(tok, _w("duration_periods")) or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "case" for c in tok.children):
        return False  # «в год», «за год» (found through «за»), «на год»
    doc = tok.doc
    prev = [doc[j] for j in range(max(0, tok.i - 2), tok.i)]
    quant = _w("duration_quantifiers")
    return any(has_lemma(p, quant) or is_number_word(p) for p in prev) or any(
        has_lemma(c, quant) or c.pos_ == "NUM" for c in tok.children)


def _first_of_problem(span, sent) -> bool:
    """«впервые за N лет» is said of a problem: the clause names one, or
    «впервые» hangs on a verb of happening or on no verb at all («за пять лет
    он впервые»); not «Мы впервые за десять лет подняли цены», «сервис впервые
    поднял тарифы»."""
    first = next((t for t in span if fold(t.text) == "впервые"), span[-1])
    window = clause_window(first, sent)
    if any(_failure_thing(t) and not _yours(t) for t in window):
        return True
    inside = {t.i for t in window}
    verb = next((a for a in _ancestors(first, 2) if a.pos_ in ("VERB", "AUX") and a.i in inside), None)
    if verb is None:
        return not any(t.pos_ in ("VERB", "AUX") and "1" in t.morph.get("Person") for t in window)
    return has_lemma(verb, _w("occur_verbs") | _w("happening_verbs")) and not _company_acts(first)


def _company_acts(tok) -> bool:
    """The word is governed by a verb the company does («мы отвечаем …»)."""
    verb = next((a for a in _ancestors(tok, 2) if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return "1" in verb.morph.get("Person") or any(
        has_lemma(c, {"мы", "я"}) and c.dep_.startswith("nsubj") for c in verb.children)


def _digit_groups(toks, den) -> float | None:
    """The value of a denominator written in digits, with a thousands group
    split off («10 000» → 10000)."""
    if not _DIGITS.match(den.text):
        return None
    value = float(den.text.replace(",", "."))
    doc = den.doc
    if den.i + 1 < len(doc) and doc[den.i + 1].text.isdigit() and len(doc[den.i + 1].text) == 3:
        value = value * 1000 + float(doc[den.i + 1].text)
    return value


def _problem_in(window, skip=()) -> bool:
    """The clause names the problem: a failure noun, a damaged thing, or
    «такое / это / подобное» standing alone."""
    return any(t.i not in skip and (_failure_thing(t) or _damaged(t)) and not _yours(t) for t in window) or any(
        t.i not in skip and has_lemma(t, {"это"}) and t.dep_.startswith("nsubj") for t in window)


_FEW_PLURALS = {"единицы", "единиц", "единицам", "единицами", "немногие", "немногих", "немногим"}


def _few_claims(sent):
    """A few as the subject or the holder: «такое бывает у единиц», «жалуются
    единицы», «из тысячи машин до ремонта доходят единицы», «с этим
    сталкиваются немногие», «мало кто жалуется». A verb of suffering or failing
    is enough; a verb of happening or reaching needs the problem in the clause
    or a share («из тысячи»). «5 единиц товара», «единицы измерения» and «эту
    модель берут единицы» (no problem) are not claims."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    strong = _w("suffer_verbs") | _w("failure_verbs")
    reach = _w("few_reach_verbs") | _w("happening_verbs")
    for k, tok in enumerate(toks):
        low = fold(tok.text)
        if low == "кто" and k > 0 and fold(toks[k - 1].text) in ("мало", "немногие"):
            holder, start = tok, toks[k - 1]
        elif has_lemma(tok, {"считанный", "считаный"}) and tok.dep_ == "amod" and has_lemma(tok.head, _w("stat_nouns")) \
                and tok.head.i == tok.i + 1:
            holder = tok.head  # «у считанных клиентов»
            start = toks[k - 1] if k > 0 and fold(toks[k - 1].text) in ("у", "лишь", "только", "всего") else tok
        elif has_lemma(tok, _w("few_holders")) and ("Plur" in tok.morph.get("Number") or low in _FEW_PLURALS) \
                and tok.pos_ in ("NOUN", "PRON", "ADJ", "DET"):
            if any(c.pos_ in ("NUM", "ADJ", "DET") or c.text[:1].isdigit() for c in tok.children):
                continue  # «пять единиц», «свободные единицы»
            if k > 0 and (is_number_word(toks[k - 1]) or has_lemma(toks[k - 1], {"несколько", "сколько"})):
                continue
            if k + 1 < len(toks) and has_lemma(toks[k + 1], _w("few_unit_followers")):
                continue  # «единицы измерения», «единицы товара»
            if has_lemma(tok, {"единица"}) and tok.dep_ not in ("nsubj", "obl", "nmod", "conj"):
                continue
            holder = tok
            start = toks[k - 1] if k > 0 and fold(toks[k - 1].text) in ("у", "лишь", "только", "всего") else tok
        else:
            continue
        verb = holder.head if holder.head.pos_ in ("VERB", "AUX") else next(
            (a for a in _ancestors(holder) if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or _question_or_condition(sent, verb):
            continue
        if "1" in verb.morph.get("Person") or any(has_lemma(c, {"мы", "я"}) and c.dep_.startswith("nsubj")
                                                   for c in verb.children):
            continue  # «мы отправляем единицам» — the company's own doing
        window = clause_window(verb, sent)
        share = any(fold(t.text) == "из" and t.i + 1 < len(doc) and has_lemma(doc[t.i + 1], _w("large_numerals"))
                    for t in window)
        if has_lemma(verb, strong) and not is_negated(verb):
            pass
        elif has_lemma(verb, reach) and (share or _problem_in(window, skip={holder.i})):
            pass
        else:
            continue
        lo = min(start.i, verb.i)
        hi = max(holder.i, verb.i)
        if holder.i + 1 < len(doc) and doc[holder.i + 1].pos_ in ("NOUN", "PROPN") and doc[holder.i + 1].i > hi:
            hi = holder.i + 1  # «у единиц абонентов»
        yield doc[lo:hi + 1]
        return


def _near_all(tok) -> bool:
    """«(почти|практически) все / всем», «подавляющее большинство»."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if has_lemma(tok, {"весь"}) and "Plur" in tok.morph.get("Number"):
        if prev is not None and fold(prev.text) == "у" and tok.i > 1:
            prev = doc[tok.i - 2]  # «практически у всех»
        return prev is not None and (has_lemma(prev, _w("near_all_adverbs")) or (
            fold(prev.text) == "не" and tok.i > 2 and fold(doc[tok.i - 2].text) == "ли"))
    if has_lemma(tok, {"большинство"}):
        return any(has_lemma(c, _w("near_all_adjectives")) for c in tok.children) or (
            prev is not None and has_lemma(prev, _w("near_all_adjectives"))) or (
            prev is None or fold(prev.text) not in ("в", "во", "для", "на")) and _people_counted(tok)
    return False


def _people_counted(tok) -> bool:
    """«большинство гостей / наших Клиентов»: people (an animate noun) counted."""
    doc = tok.doc
    nxt = next((t for t in doc[tok.i + 1:min(len(doc), tok.i + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
    return nxt is not None and "Anim" in nxt.morph.get("Animacy") and "Gen" in nxt.morph.get("Case")


def _near_all_claims(sent):
    """Nearly everyone is happy: «этот корм нравится практически всем»,
    «почти все гости остались довольны», «у подавляющего большинства всё
    работает». The quantifier (or the noun it counts) is the experiencer or
    the holder of a predicate of satisfaction; «работать / проходить» count
    only with «у …» as the holder («почти все филиалы работают до 22:00» is a
    schedule), and discounts or ranges («скидка на почти все товары») are not
    predicates of satisfaction."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    preds = _w("success_predicates")
    holder_preds = _w("holder_success_predicates")
    for k, tok in enumerate(toks):
        if not _near_all(tok):
            continue
        node = tok.head if tok.dep_ in ("det", "amod") and tok.head.pos_ in ("NOUN", "PROPN") else tok
        held = any(fold(c.text) == "у" for c in node.children) or (
            k > 0 and fold(toks[k - 1].text) == "у") or (k > 1 and fold(toks[k - 2].text) == "у")
        pred = node.head if node.head.i != node.i else None
        cands = [p for p in (pred, *(c for c in (pred.children if pred is not None else ())
                                     if c.dep_ in ("xcomp", "cop", "advmod", "obl")))
                 if p is not None]
        hit = None
        for p in cands:
            if has_lemma(p, preds) or (held and has_lemma(p, holder_preds)):
                hit = p
                break
        if hit is None or is_negated(hit) or _question_or_condition(sent, hit):
            continue
        if pred is not None and ("1" in pred.morph.get("Person") or any(
                has_lemma(c, {"мы", "я"}) and c.dep_.startswith("nsubj") for c in pred.children)):
            continue  # «мы почти всем помогаем» — the company's own practice
        start = tok
        while start.i > sent.start and start.i > tok.i - 3 and (has_lemma(doc[start.i - 1], _w(
                "near_all_adverbs") | _w("near_all_adjectives")) or fold(doc[start.i - 1].text) in ("у", "не")):
            start = doc[start.i - 1]
        lo = min(start.i, hit.i)
        hi = max(node.i, hit.i)
        yield doc[lo:hi + 1]
        return


def _ordinal_claims(sent):
    """A count over the record period: «за пять лет это едва ли не первый
    укус», «первый сбой за много лет», «за год это второй такой случай». The
    noun is a failure, a harm or an event; «второй / третий» need a period of a
    year or more and no «уже» («уже вторая задержка за месяц» admits a
    pattern); «едва ли не / чуть ли не первый» needs no period."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    firsts, laters = _w("first_ordinals"), _w("later_ordinals")
    for k, tok in enumerate(toks):
        if not has_lemma(tok, firsts | laters) or tok.pos_ not in ("ADJ", "NUM", "DET"):
            continue
        noun = tok.head if tok.dep_ in ("amod", "nummod") and tok.head.pos_ in ("NOUN", "PROPN") else None
        if noun is None and k + 1 < len(toks):  # «первый такой случай» may hang off the wrong word
            noun = next((t for t in toks[k + 1:k + 3] if t.pos_ in ("NOUN", "PROPN")), None)
        referred = noun is not None and any(has_lemma(c, {"такой", "подобный"}) for c in noun.children)
        if noun is None or not (has_lemma(noun, _w("problem_nouns")) or has_lemma(noun, _w("event_nouns")) or referred):
            continue
        if has_lemma(noun, {"раз"}) and (has_lemma(tok, firsts) or not any(
                _failure_thing(t, any_noun=True) for t in clause_window(noun, sent) if t.i != noun.i)):
            continue  # «в первый раз» is found by _first_time; «третий раз» needs the failure in its clause
        hedge = k >= 2 and fold(toks[k - 1].text) == "не" and fold(toks[k - 2].text) == "ли"
        window = clause_window(noun, sent)
        periods = [t for t in window if fold(t.text) == "за" and any(
            has_lemma(x, _w("record_periods")) for x in doc[t.i + 1:min(len(doc), t.i + 5)])]
        if any(fold(t.text) == "уже" for t in window) and not has_lemma(tok, firsts):
            continue
        if has_lemma(tok, laters):
            if not (has_lemma(noun, _w("event_nouns")) or any(has_lemma(c, {"такой", "подобный"}) for c in noun.children)):
                continue  # «третья поломка за год» of the Клиент's device admits it
            if not any(any(has_lemma(x, _w("long_periods")) for x in doc[p.i + 1:min(len(doc), p.i + 5)])
                       for p in periods):
                continue
        elif not (periods or hedge):
            continue
        if _negated(doc[tok.i:noun.i + 1]) and not hedge:
            continue
        start = toks[k - 3] if hedge and k >= 3 else tok
        spans = [start.i, noun.i] + [p.i for p in periods]
        lo, hi = min(spans), max(spans)
        if hi in [p.i for p in periods]:
            tail = next((x for x in doc[hi + 1:min(len(doc), hi + 5)] if has_lemma(x, _w("record_periods"))), None)
            hi = tail.i if tail is not None else hi
        yield doc[lo:hi + 1]
        return


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


# --- session 17 classes: the norm, scarcity, a low rate ---------------------------

def _norm_marker(tok):
    """The last word of a habitual marker starting at ``tok`` («обычно», «как
    правило», «в среднем», «чаще всего», «в большинстве (случаев)»), or None."""
    doc = tok.doc
    low = fold(tok.text)
    markers = _w("norm_markers")
    if low in markers:
        return tok
    if tok.i + 1 < len(doc) and f"{low} {fold(doc[tok.i + 1].text)}" in markers:
        nxt = doc[tok.i + 1]
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        return after if after is not None and has_lemma(after, {"случай"}) else nxt
    return None


def _norm_claims(sent):
    """The habitual norm set against the Клиент's case: «Обычно опоздания у нас
    не больше десяти минут», «Как правило, рейсы вылетают минута в минуту»,
    «Обычно мы сроки не срываем». After a habitual marker, the clause keeps a
    failure under a limit («не больше», «максимум»), denies a failing verb, or
    says all runs on time («минута в минуту», «по расписанию», «без задержек»).
    A plain habit («Обычно доставка занимает два дня», «Обычно курьер звонит
    за час») and the Клиент's own case are not norms of this kind."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for tok in toks:
        last = _norm_marker(tok)
        if last is None:
            continue
        # «Как правило, …»: the marker stands off by a comma; the clause is what follows it
        anchor = next((t for t in toks if t.i > last.i and t.is_alpha), None)
        if anchor is None:
            continue
        marker = tok
        window = [t for t in clause_window(anchor, sent) if t.i >= marker.i]
        if _client_holder(window) or any(_yours(t) for t in window):
            continue
        if any(_question_or_condition(sent, t) for t in window if t.pos_ in ("VERB", "AUX")):
            continue
        hit = _punctual(window) or _limited_failure(window) or _denied_failure(window)
        if hit is None or hit.i <= last.i:
            continue
        yield doc[marker.i:hit.i + 1]
        return


def _punctual(window):
    """«вовремя», «минута в минуту», «по расписанию», «без задержек» — not a
    duration («в срок до трёх дней»)."""
    doc = window[0].doc
    nouns = _w("punctual_nouns")
    for t in window:
        low = fold(t.text)
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if low in _w("punctual_words") and not is_negated(t):
            return t
        well = _went_well(t, nxt)
        if well is not None:
            return well  # «Обычно пациенты довольны», «Обычно туры проходят без накладок»
        if has_lemma(t, {"минута", "секунда"}) and nxt is not None and fold(nxt.text) == "в" and t.i + 2 < len(doc) \
                and has_lemma(doc[t.i + 2], {"минута", "секунда"}):
            return doc[t.i + 2]
        if low in ("по", "в", "без") and nxt is not None and has_lemma(nxt, nouns):
            if low == "в" and not has_lemma(nxt, {"срок", "время", "график"}):
                continue
            if low == "по" and not has_lemma(nxt, {"расписание", "график"}):
                continue
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if after is not None and (fold(after.text) in ("до", "от", "в", "за") or after.text[:1].isdigit()):
                continue  # «в срок до трёх дней», «в течение» — a duration
            return nxt
    return None


def _limited_failure(window):
    """«задержки не больше десяти минут», «опоздания максимум на пять минут»:
    a failure named in the clause and kept under a limit."""
    if not any(_failure_thing(t) and not _yours(t) for t in window):
        return None
    doc = window[0].doc
    for t in window:
        low = fold(t.text)
        prev = fold(doc[t.i - 1].text) if t.i > 0 else ""
        if has_lemma(t, _w("limit_words")) and (prev == "не" or low in ("максимум",) or (
                low == "силы" and prev == "от")):
            end = next((x for x in doc[t.i + 1:t.i + 4] if x.pos_ in ("NOUN",) or is_number_word(x)), t)
            if end is not t and is_number_word(end) and end.i + 1 < len(doc) and doc[end.i + 1].pos_ == "NOUN":
                end = doc[end.i + 1]  # «не больше пятнадцати минут»
            return end
    return None


def _denied_failure(window):
    """«Обычно мы сроки не срываем», «курьеры, как правило, не опаздывают»: a
    negated verb of failing."""
    for t in window:
        if t.pos_ in ("VERB", "AUX") and has_lemma(t, _w("failure_verbs")) and is_negated(t):
            return t
    return None


def _scarce_claims(sent):
    """Nearly none or a few of the failure: «Жалоб на курьеров у нас почти нет»,
    «Опозданий — считанные единицы», «претензий за год единицы». The failure is
    counted in the genitive; «у Вас» or «Ваших» make it the Клиент's case."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        low = fold(tok.text)
        if low == "нет" and k > 0 and (has_lemma(toks[k - 1], _w("near_zero_adverbs"))
                                      or (k > 1 and has_lemma(toks[k - 2], _w("near_zero_adverbs")))):
            start = toks[k - 1] if has_lemma(toks[k - 1], _w("near_zero_adverbs")) else toks[k - 2]
        elif low in _FEW_PLURALS and has_lemma(tok, {"единица"}) and not any(
                c.pos_ == "NUM" or c.text[:1].isdigit() for c in tok.children):
            if k > 0 and (is_number_word(toks[k - 1]) or has_lemma(toks[k - 1], {"несколько", "сколько"})):
                continue  # «пять единиц»
            if k + 1 < len(toks) and has_lemma(toks[k + 1], _w("few_unit_followers")):
                continue
            start = toks[k - 1] if k > 0 and has_lemma(toks[k - 1], {"считанный", "считаный", "буквально", "лишь"}) else tok
        else:
            continue
        window = clause_window(tok, sent)
        if any(t.pos_ in ("VERB", "AUX") and t.i != tok.i and fold(t.text) != "нет" for t in window) and low != "нет":
            continue  # «единицы» with a verb are read by _few_claims
        gen = [t for t in window if t.i != tok.i and t.pos_ in ("NOUN", "PROPN") and "Gen" in t.morph.get("Case")
               and _failure_thing(t) and not _yours(t)]
        if not gen or _client_holder(window) or _question_or_condition(sent, tok):
            continue
        lo = min(start.i, gen[0].i)
        yield doc[lo:tok.i + 1]
        return


def _rate_claims(sent):
    """A failure rate called low or normal: «Процент брака у нас минимальный»,
    «Аварийность у нас одна из самых низких», «Три отключения за квартал —
    нормальный показатель». The clause names the failure (or the rate is a
    failure rate itself); the rate of a discount or of the Клиент is not."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for tok in toks:
        if tok.pos_ not in ("NOUN", "PROPN") or not has_lemma(tok, _w("rate_nouns")):
            continue
        if any(c.dep_ == "case" for c in tok.children):
            continue  # «картинка с минимальным количеством задержек» — a description, not a claim
        window = clause_window(tok, sent)
        low = next((t for t in window if has_lemma(t, _w("low_rate_words")) and not is_negated(t)), None)
        if low is None or any(_yours(t) for t in window) or _question_or_condition(sent, tok):
            continue
        failures = [t for t in window if _failure_thing(t) or _damaged(t)] or [
            t for t in toks if t.i < tok.i and (_failure_thing(t) or _damaged(t)) and not _yours(t)]
        if not failures:
            continue
        lo = min([tok.i, low.i] + [t.i for t in failures])
        hi = max(tok.i, low.i)
        yield doc[lo:hi + 1]
        return


# --- session 18: volume, the others, «почти никогда», ratings ----------------

def _volume(tok) -> bool:
    """A big count: «сотни», «тысячи», «десятки тысяч», or a number of 100 and more."""
    if has_lemma(tok, _w("volume_words")) and tok.pos_ in ("NOUN", "NUM"):
        return True
    if not _DIGITS.match(tok.text):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None  # «500 заказов», not «в 2024 году»
    return float(tok.text.replace(",", ".")) >= 100 and nxt is not None and nxt.pos_ == "NOUN" \
        and not has_lemma(nxt, _w("measure_nouns"))


def _fine_clause(window):
    """What says all went well in a clause: «без перебоев», «довольны»,
    «в порядке», «целыми», «жалоб нет», «ни одна не треснула»."""
    if not window:
        return None
    doc = window[0].doc
    for t in window:
        well = _went_well(t, doc[t.i + 1] if t.i + 1 < len(doc) else None)
        if well is not None:
            return well
        if fold(t.text) == "нет" and any(_failure_thing(x) and x.i < t.i for x in window):
            return t
        if t.pos_ in ("VERB", "AUX") and is_negated(t) and any(_ni_odin(x) and x.i < t.i for x in window):
            return t  # «и ни одна не треснула»
    return None


def _went_well(tok, nxt):
    """A word of all going well («довольны», «целыми», «в порядке») or «без»
    + a failure («без перебоев»): the token that says it, or None."""
    if has_lemma(tok, _w("fine_words")) and not is_negated(tok):
        return tok
    if fold(tok.text) == "без" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and _failure_thing(nxt):
        return nxt
    return None


def _volume_claims(sent):
    """A big volume set against the Клиент's case: «Мы продали сотни таких
    гитар, и ни одна не треснула», «Делаем сотни чисток в месяц, и жалоб
    нет», «Тысячи клиентов пользуются интернетом без перебоев». The count and
    the all-went-well clause stand in the same sentence; the Клиент's own
    things are not a volume."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for tok in toks:
        if not _volume(tok) or _yours(tok) or _question_or_condition(sent, tok):
            continue
        rest = [t for t in toks if t.i > tok.i]
        if not rest or any(_yours(t) for t in toks):
            continue
        hit = _fine_clause(rest)
        if hit is None or _question_or_condition(sent, hit):
            continue
        yield doc[tok.i:hit.i + 1]
        return


def _others_fine(sent):
    """The other customers are fine: «У остальных покупателей с этой партией
    всё в порядке», «Другие гости остались довольны». Not the company's own
    choices («другие варианты»)."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for tok in toks:
        if not has_lemma(tok, _w("other_people_words")):
            continue
        people = tok.head if tok.dep_ in ("det", "amod") and tok.head.pos_ in ("NOUN", "PROPN") else tok
        if people is not tok and "Anim" not in people.morph.get("Animacy"):
            continue
        if people is tok and tok.pos_ not in ("NOUN", "PRON", "ADJ", "DET"):
            continue
        window = clause_window(people, sent)
        if any(_yours(t) for t in window) or _question_or_condition(sent, people):
            continue
        hit = _fine_clause([t for t in window if t.i > people.i])
        if hit is None:
            continue
        lo = tok.i - 1 if tok.i > sent.start and fold(doc[tok.i - 1].text) == "у" else tok.i
        yield doc[lo:hit.i + 1]
        return


def _almost_never(sent):
    """«Наши гитары почти никогда не возвращают», «Такие линзы практически
    никогда не мутнеют»: nearly never, of anything but the company's own
    doing («Мы почти никогда не работаем в выходные» is a schedule)."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks[:-2]):
        if not has_lemma(tok, _w("near_zero_adverbs")) or fold(toks[k + 1].text) != "никогда":
            continue
        verb = next((t for t in toks[k + 2:k + 5] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not is_negated(verb) or _question_or_condition(sent, verb):
            continue
        if "1" in verb.morph.get("Person") or any(_yours(t) for t in clause_window(verb, sent)):
            continue
        yield doc[tok.i:verb.i + 1]
        return


def _rating_claims(sent):
    """A rating set against the Клиент's case: «Наш рейтинг — 4,9 из 5»,
    «средняя оценка наших мастеров 4,8». Not the Клиент's own rating."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    for tok in toks:
        if tok.pos_ not in ("NOUN", "PROPN") or not has_lemma(tok, _w("rating_nouns")):
            continue
        after = [t for t in toks if tok.i < t.i <= tok.i + 4]
        if any(_yours(t) for t in clause_window(tok, sent)) or _question_or_condition(sent, tok):
            continue
        if "Nom" not in tok.morph.get("Case") and tok.morph.get("Case"):
            continue  # «Оставьте оценку от 1 до 5»: asking for one
        number = next((t for t in after if re.match(r"^[3-5]([.,]\d)?$", t.text)
                       and fold(doc[t.i - 1].text) not in ("от", "до", "по", "из")), None)
        if number is None:
            continue
        yield doc[tok.i:number.i + 1]
        return


def _few_people(sent):
    """«Перебои бывают лишь у единичных абонентов», «с этим сталкиваются
    считанные покупатели»: the few who meet the problem, as people."""
    doc = sent.doc
    for tok in sent:
        if not has_lemma(tok, _w("few_people_adjectives")) or is_negated(tok):
            continue
        head = tok.head
        if tok.dep_ != "amod" or "Anim" not in head.morph.get("Animacy") or _question_or_condition(sent, tok):
            continue
        lo = tok.i - 1 if tok.i > sent.start and has_lemma(doc[tok.i - 1], _w("only_particles")) else tok.i
        yield doc[lo:head.i + 1]
        return
