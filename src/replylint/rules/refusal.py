"""Прямой отказ Клиенту без альтернативы.

Что делает
----------
Ищет по разбору предложения сказуемые отказа, у которых субъект — компания
(«мы», безличное «нельзя», «невозможно») или сам Клиент («покупатель не может
…»): отрицаемые «мочь», «получиться», «удаться» в настоящем или будущем
времени («не можем», «не сможем», «не получится», безличное «не выйдет»),
в том числе со страдательным дополнением («Заявка не может быть принята»);
«нельзя», «невозможно», «неосуществимо», «не представляется возможным»; «не в
состоянии», «не в наших силах», «не уполномочены»; «отказать», «отклонить»
(«Отказано», «вынуждены отказать», неопределённо-личное «Заявку отклонили»);
«исключён», «исключается», «исключено» (кроме исключения плохого: «Повторение
ошибки исключено»); отрицаемые глаголы услуги в 1-м лице, в страдательном
залоге или в неопределённо-личной форме («не оформляем», «не вернём», «не
производится», «не принимаются», «Такие заказы не принимают»); «не
предусмотрено», «не подлежит», «не положено», «не допускаем»; «не имеем
возможности/права»; «не входит в наши обязанности», «не входит в перечень
наших услуг»; «нет» + родительный падеж того, что просил Клиент или что
предлагает компания («Такой опции нет», «У нас нет каталога», «нет в
наличии»); «не сумеем», «нам не под силу», «мы бессильны», «Перенести бронь
уже никак»; отказ в будущем времени («Компенсации не будет», «Блокировка
снята не будет»; но не «Штраф начислен не будет» — это хорошая новость);
решение, оставленное в силе («Штраф остаётся в силе», «Решение остаётся без
изменений»); «Тариф недоступен для Вашего региона», «Оплата при получении
недоступна» (то, о чём просил Клиент); правила компании, которые запрещают
(«Правила клуба запрещают …», «Условия тарифа не позволяют …»); закрытый
вход («Вход с животными закрыт», «Тариф закрыт для подключения»); свои
средства, которые не справляются («Наше оборудование такой формат не
тянет», «Система не поддерживает выгрузку»); «это не наш профиль», «не наша
специализация»; отрицаемый глагол в 1-м лице настоящего времени, дополнение
которого — то, о чём просил Клиент («Торты мы не печём» на «Можно заказать
торт?»); глаголы услуги любых ремёсел («не изготавливаем», «не организуем»,
«не выписываем», «не обучаем», «переделывать не будем»); компания или её
сотрудники в 3-м лице («Данная школа не осуществляет …», «Наша клиника не
выдаёт …», «Кардиолог по субботам не принимает»; но не «Ячейка не
работает» и не «другая клиника»); безличное «не выйдет» при инфинитиве,
как бы его ни разобрал парсер; «не бывает» + родительный падеж выгоды
(«Скидок у нас не бывает»); «Без шансов», «Тут без вариантов» как отдельная
часть предложения; разговорное «Не, так не получится»; «мы не обязаны …»
(компания или её сотрудники), «клиника отказывается выдавать …», безглагольное
«Отказ в выдаче карты».

Отрицательный ответ на просьбу — любым глаголом. Если Клиент просит
(«Можно …?», «Сможете …?», «Есть ли у вас …?», «Привезёте сегодня?», «Хочу
…», «Прошу …»), а главное сказуемое первого предложения ответа после
приветствия и благодарности отрицательное («По субботам контролёры не
выезжают», «Исходники мы не отдаём», «Нет, на вечер всё занято», «Место уже
не поменять», «Показов по воскресеньям нет», «Оплату при получении временно
отключили»), это отказ, если нигде в ответе компания ничего не предлагает и
не делает. Хорошая новость («Комиссия не взимается»), прогноз («Курьер не
опоздает»), «не нужно» и вопрос ради сведений («Можно узнать, где заказ?»)
отказом не считаются.

Не срабатывает, если в том же или в следующем предложении предложена
альтернатива («но мы можем …», «зато …», «предлагаем …», «можно …»,
«вместо …»), а также в вопросах, в условиях и целях («Если курьер не приедет,
…»), при двойном отрицании («не можем не поблагодарить»), в заверениях
(«Вам не нужно ничего делать», «Нет проблем»), в цитатах и в пересказе слов
Клиента («Вы написали, что …»), когда сказано, что нужно для решения («Для
восстановления необходимо …»), и в безличных правилах внутри объяснения
(«Модерация — это …»), в пошаговой инструкции от «мы» («Громкость не
меняем»), когда отказ лишь без доказательства («Без фото претензии не
рассматриваются» — это требование доказательств, его судит ``distrust``) и
когда следом компания называет свой план с датой; «повлиять на это мы не можем»
(отказ от ответственности судит ``blame-shifting``), косвенный вопрос («Узнайте
в банке, почему платёж отклонён»), условие «только при наличии …» перед отказом
и «Ваши данные не меняются» (остаются прежними); обещания («Мы не записываем
Ваши звонки», «лишних хлопот не создаём»), отрицание того, в чём Клиент
обвиняет («Сервис не удаляет данные сам» на «Вы удалили мои данные!»), отказ
поверить на слово («на веру не принимаем» — это судит ``distrust``).
Вариант в поправке «это не брак, а вариант поставки» альтернативой не
считается. Совет «на будущее»
(«Рекомендуем в дальнейшем …») альтернативой не считается. Судится только
текст ответа: вопрос Клиента («Почему нельзя …?») отказ не оправдывает. Находка — само сказуемое отказа с частицей «не».

Правка (``replylint rewrite``) заменяет отказ предложением вариантов, назвав
то, в чём отказано: «Перенести запись на воскресенье не получится» →
«Вместо переноса записи на воскресенье можем предложить [альтернатива]»;
саму альтернативу вписывает человек.

Почему это важно
----------------
Стандарт 000, §3: «Мы никогда не отвечаем Клиенту "Нет". Мы думаем и
предлагаем варианты». Если решения нет прямо сейчас, компания выясняет, что
нужно Клиенту, и предлагает варианты.

Примеры
-------
Срабатывает:
- Перенести запись на воскресенье не получится.
- К сожалению, мы не принимаем оплату наличными.
- Бесплатная доставка на этот товар не предусмотрена.
- Продлить акцию для Вас невозможно.
- Подарочной упаковки у нас нет.
- Заявку на рассрочку отклонили.
- Выехать к Вам сегодня мы не в состоянии.
- Так что компенсации за ожидание не будет.
- Решение о блокировке остаётся в силе.
- Правила клуба запрещают заниматься в зале без инструктора.
- Запись на декабрь уже закрыта.
Не срабатывает:
- Перенести запись на воскресенье не получится, но мы можем записать Вас на понедельник.
- Наличными оплатить нельзя. Зато можно оплатить картой курьеру.
- Можно ли перенести запись на воскресенье?
- Если мастер не сможет приехать, мы сразу предупредим Вас.
- Не можем не отметить Вашу внимательность!
- Не беспокойтесь, ничего оплачивать не нужно.
- Повторение такой ошибки исключено.
- Штраф за просрочку начислен не будет.
- Без фото повреждений претензии не рассматриваются.
"""

from __future__ import annotations

from ..model import Severity
from ..rewrite import Phrase, action_noun, clause_bounds, contrast, render, replacement, sentence_after, templates
from . import Rule
from ._ru import clause_window
from ._time import has_concrete_time
from ._clauses import (
    analyzer,
    has_lemma,
    in_condition,
    is_noun,
    is_question,
    lemma,
    lemmas,
    morph,
    negated,
    next_time,
    person,
    speaker_ok,
    subject,
    top_parse,
    union,
    wh_clause,
)
from ._clauses import words as _words

_LEX = "refusal"


def words(key: str) -> frozenset[str]:
    return _words(key, _LEX)


class Refusal(Rule):
    __doc__ = __doc__
    id = "refusal"
    severity = Severity.ERROR
    seed = "000 §3"

    def check(self, ctx):
        asked = _requested_nouns(ctx)
        accused = _accused_deeds(ctx)
        explaining = _explains(ctx)
        walkthrough = _walkthrough(ctx)
        sentences = ctx.sentences
        found_any = False
        for k, sent in enumerate(sentences):
            for tok in sent:
                found = _trigger(tok, asked)
                if found is None:
                    continue
                start, end, pred = found
                otherwise = _otherwise_no(pred)  # «Иначе никак»: its «иначе» is what is denied, no condition
                if not speaker_ok(ctx, pred) or is_question(pred) or (in_condition(pred) and not otherwise) or _wh(pred) \
                        or _indirect_question(pred):
                    continue
                if negated(pred) and _deed(pred) & accused:
                    continue  # «Вы удалили мою базу!» — «Сервис не удаляет данные сам»: a denial, not a no
                if _without(pred, asked) or _on_trust(pred):
                    continue  # «Без чека возврат не производится» names what it takes
                if (explaining or _caveat(sent, pred)) and person(pred) != "1":
                    continue
                if walkthrough and _inclusive_we(pred):
                    continue  # «Буфер повтора не меняем» in a how-to: leave it as it is
                prev = sentences[k - 1] if k > 0 else None
                nxt = sentences[k + 1] if k + 1 < len(sentences) else None
                if _mitigated(prev, ctx.doc[pred.i + 1:sent.end] if otherwise else sent, nxt, pred):
                    continue
                if _bare_no(pred) and k + 2 < len(sentences) and _mitigated(None, sent, sentences[k + 2], pred):
                    continue  # «Нет. <why>. <what we can do instead>»
                span = ctx.doc[start:end + 1]
                yield _finding(ctx, sent, span, _rewrite(sent, pred, span))
                found_any = True
                break  # one refusal per sentence is enough
        if not found_any and _polar_request(ctx):
            hit = _answer_no(ctx)
            if hit is not None:
                start, end, pred = hit
                span = ctx.doc[start:end + 1]
                rewrite = _rewrite(pred.sent, pred, span, subjects=False) if pred.lower_ != "нет" else None
                yield _finding(ctx, pred.sent, span, rewrite)


def _finding(ctx, sent, span, rewrite):
    return ctx.hit(
        span,
        message=f"Отказ без альтернативы: «{span.text}». Клиенту не предложено, что можно сделать вместо этого",
        suggestion=sentence_after(sent, rewrite) if rewrite else "Предложите вариант решения: «Вместо этого можем …»",
        rewrite=rewrite,
    )


# --- triggers -------------------------------------------------------------

_TRIGGER_KEYS = ("modal_verbs", "outcome_verbs", "impossible", "possible", "refuse_verbs", "policy_verbs",
                 "service_verbs", "service_verbs_active", "have_verbs", "duty_nouns", "duty_verbs", "exist_verbs",
                 "forbid_verbs", "entitled", "exclude_verbs", "unable_nouns", "unable_short", "no_way",
                 "unavailable", "keep_verbs", "impersonal_outcome_verbs", "closed_verbs", "permit_verbs",
                 "capability_verbs", "available", "field_nouns", "usual_verbs", "no_chance_nouns", "obliged", "refusal_nouns")


def _candidate(tok) -> bool:
    if tok.pos_ in ("VERB", "AUX") and morph(tok, "VerbForm") == "Fin" and negated(tok):
        return True  # «Торты мы не печём», «Приём в субботу не ведётся» (_not_our_line)
    trigger = union(_LEX, *_TRIGGER_KEYS)
    if not lemmas(tok).isdisjoint(trigger) or tok.lower_ in trigger or tok.lower_ in ("будет", "будут"):
        return True
    return any(lem.endswith("ся") and lem[:-2] in trigger for lem in lemmas(tok))


def _trigger(tok, asked: frozenset[str]):
    """(first token, last token, predicate) of a refusal, or None."""
    if tok.is_punct or tok.is_space or not _candidate(tok):
        return None
    for probe in (_modal, _entitled, _not_obliged, _outcome, _impossible, _possible, _refuse_verb, _refuse_self,
                  _refusal_noun, _excluded, _unable, _policy,
                  _forbidden, _service, _have, _duty, _existence, _no_way, _unavailable, _kept, _passive_future,
                  _closed, _rules_forbid, _means_cannot, _not_our_line, _never_happens, _no_chance):
        pred = probe(tok, asked)
        if pred is not None:
            return _with_negation(pred)
    return None


def _with_negation(pred):
    """The predicate with its «не», and the noun it negates when adjacent
    («не имеем возможности», «опции нет»)."""
    start, end = _negation_start(pred), pred.i
    if pred.i > pred.sent.start and pred.nbor(-1).lower_ == "без" and pred.nbor(-1).head.i == pred.i:
        start = pred.i - 1  # «Без шансов»
    for c in pred.children:  # «не будем менять», «Менять … мы не будем»
        if c.dep_.startswith("aux") and lemma(c) in ("быть", "будем", "буду", "будет"):
            start, end = min(start, _negation_start(c)), max(end, c.i)
    if lemma(pred) in words("exist_verbs") or has_lemma(pred, words("have_verbs")):
        for c in pred.children:
            if c.dep_ in ("obj", "nsubj") and abs(c.i - pred.i) == 1 and c.pos_ == "NOUN":
                start, end = min(start, c.i), max(end, c.i)
    return start, end, pred


def _negation_start(pred) -> int:
    start = pred.i
    for c in pred.children:
        if c.lower_ == "не" and pred.i - 3 <= c.i < start:
            start = c.i
    if start == pred.i and pred.i > pred.sent.start and pred.nbor(-1).lower_ == "не":
        start = pred.i - 1
    return start


def _non_past(tok) -> bool:
    return morph(tok, "Tense") != "Past" and morph(tok, "Mood") != "Cnd" and not any(
        c.lower_ == "бы" for c in tok.children)


def _double_negation(pred) -> bool:
    """«не можем не поблагодарить», «нельзя не отметить». A colloquial «Не, …»
    (= «Нет, …») opening the answer is no second negation: «Не, так не получится»."""
    if sum(1 for c in pred.children if c.lower_ == "не" and not _bare_no_word(c)) >= 2:
        return True
    nxt = pred.nbor(1) if pred.i + 1 < len(pred.doc) else None
    if nxt is not None and nxt.lower_ == "не":
        after = pred.nbor(2) if pred.i + 2 < len(pred.doc) else None
        aux_negation = after is not None and after.head.i == pred.i and lemma(after) in ("быть", "стать")
        before = any(c.lower_ == "не" and c.i < pred.i for c in pred.children) or (
            pred.i > pred.sent.start and pred.nbor(-1).lower_ == "не")
        # «делать не будем»: that «не» negates the auxiliary and is the only one
        return not aux_negation or before
    return any(c.dep_ in ("xcomp", "csubj") and negated(c) and c.i > pred.i for c in pred.children)


def _addressee_ok(pred) -> bool:
    """The refusing subject is the company or the Клиент, not a third party."""
    p = person(pred)
    if p in ("1", "2"):
        return True
    subj = subject(pred)
    if subj is None:
        return True
    if has_lemma(subj, words("client_nouns")):
        return True
    if has_lemma(subj, words("company_nouns")):
        return not any(lemma(c) in ("ваш", "твой") for c in subj.children)
    return False


def _modal(tok, asked):
    if not has_lemma(tok, words("modal_verbs")) or tok.pos_ not in ("VERB", "AUX"):
        return None
    if not negated(tok) or not _non_past(tok) or _double_negation(tok):
        return None
    if any(c.dep_ == "xcomp" and has_lemma(c, words("influence_verbs")) for c in tok.children) or any(
            has_lemma(t, words("influence_verbs")) and morph(t, "VerbForm") == "Inf"
            for t in tok.doc[max(tok.sent.start, tok.i - 6):tok.i] if t.text not in (",", ";", ".")):
        return None  # «повлиять на это мы не можем» disclaims control (blame-shifting judges it)
    return tok if _addressee_ok(tok) or _passive_complement(tok) else None


def _bare_no_word(tok) -> bool:
    """«Не,» standing alone before a comma: a colloquial «Нет»."""
    return tok.lower_ == "не" and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ","


def _passive_complement(modal) -> bool:
    """«Заявка не может быть принята», «не может рассматриваться»: the thing
    refused is the subject and the company the implied doer, unless a doer
    is named in the instrumental («не может быть доставлен курьером»)."""
    for c in modal.children:
        if c.dep_ != "xcomp":
            continue
        short_passive = morph(c, "Variant") == "Short" and morph(c, "VerbForm") == "Part" and any(
            lemma(a) == "быть" for a in c.children if a.dep_.startswith("aux"))
        reflexive = morph(c, "VerbForm") == "Inf" and c.lower_.endswith(("ся", "сь")) and (
            _reflexive_base(c) & words("service_verbs"))
        if not (short_passive or reflexive):
            continue
        agent = [a for a in c.children if a.dep_ in ("obl", "obl:agent") and morph(a, "Case") == "Ins"
                 and morph(a, "Animacy") == "Anim"]
        return not agent
    return False


def _entitled(tok, asked):
    """«Обменять товар без чека мы не вправе», «мы не уполномочены»."""
    if not has_lemma(tok, words("entitled")) or not negated(tok) or tok.dep_ in ("amod", "acl"):
        return None
    return tok if _addressee_ok(tok) else None


def _not_obliged(tok, asked):
    """«Возвращать деньги мы не обязаны», «Вожатые не обязаны следить за …»:
    the company or its staff owe nothing. Not «Вы не обязаны …» (a relief)."""
    if not has_lemma(tok, words("obliged")) or not negated(tok) or tok.dep_ in ("amod", "acl"):
        return None
    if any(c.dep_ in ("cop", "aux") and morph(c, "Tense") == "Past" for c in tok.children):
        return None  # «не были обязаны»: what was, not an answer
    if person(tok) == "1" or _company_subject(tok) or _staff_subject(tok):
        return tok
    return None


def _forbidden(tok, asked):
    """«Возврат уценённого товара запрещён», «запрещается», «нам запрещено»."""
    if not has_lemma(tok, words("forbid_verbs")) and not _reflexive_base(tok) & words("forbid_verbs"):
        return None
    if negated(tok) or tok.dep_ in ("amod", "acl"):
        return None
    if morph(tok, "Variant") == "Short" or (tok.lower_.endswith(("ся", "сь")) and morph(tok, "Tense") == "Pres"):
        return tok
    if morph(tok, "Person") == "1" and morph(tok, "Tense") != "Past":
        return tok
    return None


def _outcome(tok, asked):
    impersonal = has_lemma(tok, words("impersonal_outcome_verbs"))
    if not (has_lemma(tok, words("outcome_verbs")) or impersonal) or tok.pos_ not in ("VERB", "AUX"):
        return None
    if not negated(tok) or not _non_past(tok) or _double_negation(tok):
        return None
    if impersonal and (subject(tok) is not None or _infinitive_of(tok) is None):
        return None  # «не выйдет» refuses only impersonally: «Вернуть деньги не выйдет»
    return tok


def _infinitive_of(verb):
    """The infinitive an impersonal «не выйдет» says cannot be done: its
    subject clause, or an infinitive before it that the parser hung the other
    way round («Сменить тариф … не выйдет» with the infinitive as the root and
    «выйдет» as its advcl or conj)."""
    for c in verb.children:
        if c.dep_ in ("csubj", "xcomp") or (c.dep_ == "advcl" and morph(c, "VerbForm") == "Inf" and c.i < verb.i):
            return c
    head = verb.head
    if head.i < verb.i and verb.dep_ in ("advcl", "conj", "parataxis") and morph(head, "VerbForm") == "Inf" \
            and not any(t.text in (".", ";", "?", "!") for t in verb.doc[head.i:verb.i]) \
            and not any(x.dep_ == "cc" for x in verb.children):
        return head
    return None


def _impossible(tok, asked):
    if lemma(tok) not in words("impossible") and tok.lower_ not in words("impossible"):
        return None
    if tok.dep_ == "amod" or negated(tok) or _double_negation(tok):
        return None
    if tok.pos_ == "ADJ" and morph(tok, "Variant") != "Short":
        return None
    return tok


def _possible(tok, asked):
    if lemma(tok) not in words("possible") or tok.dep_ == "amod":
        return None
    head = tok.head
    if negated(tok) and (tok.pos_ == "ADV" or morph(tok, "Variant") == "Short"):
        return tok if not _double_negation(tok) else None
    if head.i != tok.i and lemma(head) == "представляться" and negated(head):
        return head
    return None


def _refuse_verb(tok, asked):
    if not has_lemma(tok, words("refuse_verbs")) or tok.lower_.endswith(("ся", "сь")):
        return None
    if negated(tok) or tok.dep_ == "amod" or (tok.dep_ == "acl" and not any(
            c.dep_ == "mark" and c.lower_ == "что" for c in tok.children)):
        return None  # «материалы, отклонённые модерацией» describes; «…сведения, что Вам отказано» refuses
    if morph(tok, "VerbForm") == "Part" and morph(tok, "Variant") != "Short":
        return None
    if morph(tok, "Tense") == "Past" and morph(tok, "VerbForm") == "Fin" and person(tok) != "1":
        return tok if _indefinite_personal(tok) else None  # «Заявку отклонили», «Вам отказали»
    if morph(tok, "Voice") == "Pass" or person(tok) in ("1", ""):
        return tok
    return None


def _refuse_self(tok, asked):
    """«Принимать возврат без упаковки мы отказываемся», «Салон отказывается
    перешивать …»: the company or its staff refuse to do something (an
    infinitive follows), now or from now on."""
    if not (set(_reflexive_base(tok)) & words("refuse_verbs")) or tok.pos_ not in ("VERB", "AUX"):
        return None
    if negated(tok) or not _non_past(tok) or morph(tok, "VerbForm") != "Fin":
        return None
    if not any(morph(c, "VerbForm") == "Inf" and c.dep_ in ("xcomp", "obj", "ccomp") for c in tok.children):
        return None  # «отказаться от подписки» is the Клиент's choice
    return tok if person(tok) == "1" or _company_subject(tok) or _staff_subject(tok) else None


def _refusal_noun(tok, asked):
    """«Отказ в выдаче кредитной карты.»: a verbless sentence that is the
    refusal itself (not «Ваш отказ от подписки оформлен»)."""
    if lemma(tok) not in words("refusal_nouns") or tok.dep_ != "ROOT" or _yours(tok):
        return None
    if any(t.pos_ in ("VERB", "AUX") and morph(t, "VerbForm") == "Fin" for t in clause_window(tok)):
        return None
    if any(c.dep_ in ("obl", "nmod") and any(x.lower_ == "в" for x in c.children) for c in tok.children):
        return tok
    return None


def _indefinite_personal(tok) -> bool:
    """A 3rd-person plural verb with no doer named («Заявку отклонили», «Такие
    заказы не принимают»): the company speaks of itself impersonally. A
    plural inanimate «subject» is the object the parser misread; a doer
    somewhere else («у партнёра отклонили») is a third party."""
    if morph(tok, "Number") != "Plur" or morph(tok, "VerbForm") != "Fin" or morph(tok, "Mood") == "Imp":
        return False
    if morph(tok, "Person") not in ("3", "") or (morph(tok, "Tense") == "Past" and morph(tok, "Person")):
        return False
    subj = subject(tok)
    if subj is not None and (subj.pos_ in ("PRON", "PROPN") or morph(subj, "Animacy") != "Inan"):
        return False
    for c in tok.children:
        if c.dep_ != "obl" or lemma(c) in ("мы", "я") or any(lemma(d) == "наш" for d in c.children):
            continue
        cases = {x.lower_ for x in c.children if x.dep_ == "case"}
        if "у" in cases or (cases & {"в", "на"} and has_lemma(c, _words("parties", "blame_shifting"))):
            return False  # «у партнёра отклонили», «на почте не принимают»
    return True


def _excluded(tok, asked):
    """«Возврат исключён», «Обмен исключается», «исключено»: unless what is
    excluded is itself bad news («Повторение ошибки исключено»)."""
    if not has_lemma(tok, words("exclude_verbs")) and not _reflexive_base(tok) & words("exclude_verbs"):
        return None
    if negated(tok) or tok.dep_ in ("amod", "acl") or not _non_past_or_short(tok):
        return None
    short = morph(tok, "Variant") == "Short" or (tok.pos_ == "ADJ" and tok.lower_.endswith(("о", "ен", "ён", "ена", "ены")))
    reflexive = tok.lower_.endswith(("ся", "сь")) and morph(tok, "Tense") == "Pres"
    if not (short or reflexive):
        return None
    subj = subject(tok)
    if subj is not None:
        bad = words("good_absence")
        if has_lemma(subj, bad) or any(c.dep_ == "nmod" and has_lemma(c, bad) for c in subj.children):
            return None
        if subj.pos_ == "PRON" and lemma(subj) not in ("это", "такой"):
            return None
    return tok


def _non_past_or_short(tok) -> bool:
    """Not a past event: a short participle («исключён») is a state, even
    though the tagger gives it the past tense; «был исключён» is a past one."""
    if any(lemma(c) == "быть" and morph(c, "Tense") == "Past" for c in tok.children if c.dep_.startswith("aux")):
        return False
    return morph(tok, "Variant") == "Short" or _non_past(tok)


def _unable(tok, asked):
    """«мы не в состоянии», «не в наших силах»: a negated «в состоянии / в
    силах» whose subject is the company or nobody in particular."""
    if has_lemma(tok, words("unable_short")) and morph(tok, "Variant") == "Short" and not negated(tok):
        return tok if _addressee_ok(tok) and _non_past_or_short(tok) else None  # «мы бессильны»
    if not has_lemma(tok, words("unable_nouns")) or not is_noun(tok):
        return None
    if not any(c.lower_ in ("в", "под") for c in tok.children) or not negated(tok):
        return None  # «не в силах», «нам не под силу»
    if any(lemma(c) == "быть" and morph(c, "Tense") == "Past" for c in tok.children):
        return None  # «Курьер был не в состоянии …» is a past event
    before = tok.doc[max(tok.sent.start, tok.i - 4):tok.i]
    if any(lemma(t) in ("мы", "я") and morph(t, "Case") == "Dat" for t in before):
        return tok  # «ускорить процесс нам не под силу», whatever the parser hung «силу» on
    return tok if _addressee_ok(tok) else None


def _closed(tok, asked):
    """«Вход с животными закрыт», «Запись на март закрыта»: a way in that the
    company keeps shut (a short participle, now), not «Магазин был закрыт»."""
    if not has_lemma(tok, words("closed_verbs")) or negated(tok) or tok.dep_ in ("amod", "acl"):
        return None
    if morph(tok, "Variant") != "Short" or not _non_past_or_short(tok):
        return None
    subj = subject(tok)
    if subj is not None and (has_lemma(subj, words("access_nouns")) or lemmas(subj) & asked):
        return tok
    # «Тариф закрыт для подключения»: closed for an action
    return tok if any(c.dep_ in ("obl", "nmod") and any(x.lower_ == "для" for x in c.children)
                      for c in tok.children) else None


def _rules_forbid(tok, asked):
    """«Правила клуба запрещают …», «Условия акции не позволяют …»: the
    company's own rules refuse, in the present tense."""
    forbid = has_lemma(tok, words("forbid_verbs")) and not negated(tok)
    permit = has_lemma(tok, words("permit_verbs")) and negated(tok)
    if not (forbid or permit) or tok.lower_.endswith(("ся", "сь")):
        return None
    if morph(tok, "VerbForm") != "Fin" or morph(tok, "Tense") != "Pres" or morph(tok, "Person") not in ("3", ""):
        return None
    if permit and _double_negation(tok):
        return None  # «Закон не позволяет нам не вернуть деньги»
    subj = subject(tok)
    if subj is None or not has_lemma(subj, words("rule_nouns")):
        # «Доставку алкоголя закон запрещает»: the parser may take the rule for the object
        subj = next((c for c in tok.children if c.dep_ in ("obj", "nsubj", "nmod") and _may_be_nominative(c)
                     and has_lemma(c, words("rule_nouns"))), subj)
    if subj is None or not has_lemma(subj, words("rule_nouns")) or _yours(subj):
        return None
    if permit and any(negated(c) or has_lemma(c, words("refuse_verbs")) for c in tok.children if c.dep_ == "xcomp"):
        return None  # «Закон не позволяет нам отказать Вам»: a refusal refused is good news
    return tok


def _means_cannot(tok, asked):
    """«Наше оборудование такой формат не тянет», «Система не поддерживает
    выгрузку»: the company's own means cannot do what was asked (present,
    negated; «Ваш телефон не поддерживает NFC» is about the Клиент's)."""
    if not has_lemma(tok, words("capability_verbs")) or not negated(tok) or not _non_past(tok):
        return None
    if morph(tok, "VerbForm") != "Fin" or morph(tok, "Person") not in ("3", "") or _double_negation(tok):
        return None
    # the parser may swap subject and object in «Такой формат наше оборудование не тянет»
    nominative = [c for c in tok.children if c.dep_ in ("nsubj", "obj") and morph(c, "Case") == "Nom"]
    means = [n for n in [subject(tok), *nominative] if n is not None and (
        has_lemma(n, words("means_nouns")) or any(lemma(c) == "наш" for c in n.children))]
    return tok if means and not _yours(means[0]) else None


def _yours(noun) -> bool:
    """The noun belongs to the Клиент or to someone else named: «Ваш телефон»,
    «правила банка-партнёра» are not the company's."""
    if any(lemma(c) in ("ваш", "твой", "свой") for c in noun.children):
        return True
    return any(c.dep_ == "nmod" and has_lemma(c, _words("parties", "blame_shifting")) for c in noun.children)


def _reflexive_base(tok) -> set[str]:
    out = set()
    for lem in lemmas(tok):
        if lem.endswith("ся"):
            out.add(lem[:-2])
    return out


def _policy(tok, asked):
    if not negated(tok):
        return None
    policy = words("policy_verbs")
    if has_lemma(tok, policy) and (morph(tok, "Variant") == "Short" or "подлежать" in lemmas(tok)):
        return tok if _non_past(tok) or morph(tok, "VerbForm") == "Part" else None
    if _reflexive_base(tok) & policy and morph(tok, "Tense") == "Pres":
        return tok
    if has_lemma(tok, policy - {"положить", "подлежать"}) and person(tok) == "1" and morph(tok, "VerbForm") == "Fin" \
            and morph(tok, "Tense") in ("Pres", "Fut"):
        return tok  # «мы не допускаем», «не разрешаем»
    return None


def _service(tok, asked):
    if tok.pos_ not in ("VERB", "AUX") or not (negated(tok) or _aux_negated(tok)):
        return None
    service = words("service_verbs")
    active = service | words("service_verbs_active")
    if _double_negation(tok) or _assurance(tok):
        return None
    if has_lemma(tok, active) and (not tok.lower_.endswith(("ся", "сь")) or lemma(tok) in active):
        if morph(tok, "Person") == "1" and morph(tok, "Mood") in ("Ind", "") and morph(tok, "Tense") in ("Pres", "Fut") \
                and morph(tok, "VerbForm") == "Fin":
            return tok
        if morph(tok, "VerbForm") == "Inf" and _aux_negated(tok):
            return tok
        if morph(tok, "Tense") in ("Pres", "Fut") and negated(tok) and _indefinite_personal(tok):
            return tok  # «Такие заказы не принимают»
        if negated(tok) and _third_non_past(tok) and _company_subject(tok) and not has_lemma(tok, words("operate_verbs")):
            return tok  # «Данная школа не осуществляет возврат», «Наша клиника не выдаёт справки»
        if negated(tok) and _third_non_past(tok) and _staff_subject(tok) and _present(tok) \
                and not has_lemma(tok, words("operate_verbs")):
            return tok  # «Кардиолог по субботам не принимает», «монтажники в выходные не выезжают»
        return None
    if _reflexive_base(tok) & (service | (active if _starts_with_no(tok) else frozenset())) \
            and morph(tok, "Tense") == "Pres" and morph(tok, "Person") == "3":
        subj = subject(tok)
        if _reflexive_base(tok) & words("change_verbs") and _yours_in_clause(tok):
            return None  # «Ваши данные для входа не меняются»: they stay as they are
        if subj is None or morph(subj, "Animacy") != "Anim":
            return tok
    return None


def _company_subject(verb) -> bool:
    """The company speaks of itself in the 3rd person: the subject is an
    organisation noun («школа», «клиника», «студия») not the Клиент's, or any
    noun the company marks as its own («наша клиника», «данная школа»)."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")] or [subject(verb)]
    return any(_company_noun(subj) for subj in subjects if subj is not None)


def _company_noun(subj) -> bool:
    """One subject of :func:`_company_subject` (the parser may hang two: «Консультации … магазин не оказывает»)."""
    if not is_noun(subj) or _yours(subj) or morph(subj, "Case") not in ("Nom", ""):
        return False
    if any(has_lemma(c, words("own_dets")) for c in subj.children if c.dep_ in ("det", "amod")):
        return True
    if has_lemma(subj, words("company_nouns")):
        # «клиника, куда Вас направили», «другая школа» are third parties
        return not any(c.dep_ in ("acl", "acl:relcl") or has_lemma(c, words("other_dets"))
                       for c in subj.children)
    return False


def _staff_subject(verb) -> bool:
    """The company's staff as a kind, in the present of habit: «Врач на дом
    не выезжает», «Мастера по воскресеньям не принимают» (not «Ваш мастер»,
    nor one named, nor a promise about the future)."""
    subj = subject(verb)
    if subj is None or not is_noun(subj) or not has_lemma(subj, words("staff_nouns")) or _yours(subj):
        return False
    if morph(subj, "Case") not in ("Nom", "") or any(has_lemma(c, words("other_dets")) for c in subj.children):
        return False
    return not any(c.dep_ in ("acl", "acl:relcl", "appos", "flat:name") for c in subj.children)


def _present(verb) -> bool:
    """Present tense by the tagger or, when it says past, by pymorphy3."""
    if morph(verb, "Tense") == "Pres":
        return True
    parse = top_parse(verb)
    return morph(verb, "Tense") != "Fut" and parse is not None and "pres" in parse.tag


def _third_non_past(verb) -> bool:
    """A finite indicative verb in the 3rd person present or future; the
    tagger sometimes calls «шьёт», «бронирует» past after a feminine or
    neuter subject, so pymorphy3 has the last word."""
    if morph(verb, "VerbForm") != "Fin" or morph(verb, "Mood") not in ("Ind", ""):
        return False
    if morph(verb, "Tense") in ("Pres", "Fut") and morph(verb, "Person") in ("3", ""):
        return True
    parse = top_parse(verb)
    return parse is not None and "3per" in parse.tag and ("pres" in parse.tag or "futr" in parse.tag)


def _assurance(verb) -> bool:
    """What the company promises not to do to the Клиент is no refusal: its
    object is something bad («Мы не создаём лишних хлопот», «не допускаем
    ошибок»), the Клиент's private things are not recorded or kept («Мы не
    записываем Ваши звонки», «Пароли не сохраняем»), or a «не волнуйтесь»
    stands in the same sentence."""
    shared = [c for c in verb.head.children if c.dep_ == "obj"] if verb.dep_ == "conj" else []
    for c in [*verb.children, *shared]:  # «Пароли мы не записываем и не храним»: one object for both
        # a noun «subject» of a 1st-person verb is its object misread («Ваши данные мы не раскрываем»)
        if (c.dep_ in ("obj", "nsubj:pass") or (c.dep_ == "nsubj" and morph(verb, "Person") == "1")) and is_noun(c):
            if has_lemma(verb, words("cause_verbs")) and has_lemma(c, words("good_absence") | words("bother_nouns")):
                return True  # not «Блокировку мы не снимем», «Задержку не компенсируем»: those refuse
            if has_lemma(verb, words("record_verbs")) and has_lemma(c, words("private_nouns")):
                return True
    if any(has_lemma(t, words("good_absence")) and any(x.lower_ == "под" for x in t.children)
           for t in clause_window(verb) if t.i > verb.i):
        return True  # «Мы не ставим Ваши слова под сомнение»
    return any(has_lemma(t, words("worry_verbs")) and negated(t) and morph(t, "Mood") == "Imp" for t in verb.sent)


def _yours_in_clause(tok) -> bool:
    """«Ваши данные для входа и расписание не меняются»: the Клиент's own
    things are the subject, found in the clause before the verb (the parser
    splits coordinated subjects)."""
    return any(lemma(t) in ("ваш", "твой") and t.head.i != t.i and is_noun(t.head)
               for t in clause_window(tok) if t.i < tok.i)


def _not_our_line(tok, asked):
    """The answer «no» to a request, said by any negated verb: «Торты мы не
    печём», «Дачи онлайн не страхуем», «В субботу детский приём не ведётся»,
    «Скидки на услуги стилиста не действуют» — a negated present or future
    verb (the company's 1st person, an impersonal or passive 3rd person, or a
    3rd person whose subject is a thing) whose own words name what the Клиент
    asked for (a noun of the request, or an adjective or adverb of the same
    stem). Not the Клиент's own things («Ваши данные не меняются»), not a
    person doing or failing something («курьер не приедет»)."""
    if not asked or tok.pos_ not in ("VERB", "AUX") or not negated(tok) or _double_negation(tok):
        return None
    if morph(tok, "VerbForm") != "Fin" or morph(tok, "Mood") not in ("Ind", "") or _assurance(tok):
        return None
    first = morph(tok, "Person") == "1"
    if first:
        if not _present(tok) and morph(tok, "Tense") != "Fut":
            return None
    else:
        if not _third_non_past(tok) or _yours_in_clause(tok):
            return None
        subj = subject(tok)
        if subj is not None and (not is_noun(subj) or morph(subj, "Animacy") == "Anim" or _yours(subj)):
            return None
    for c in tok.children:
        if c.dep_ not in ("obj", "obl", "nsubj", "nsubj:pass") or not is_noun(c):
            continue
        if lemmas(c) & asked or _relational_asked(c, asked):
            return tok
        if not first and any(m.dep_ == "amod" and _ATTR + _stem(lemma(m)) in asked for m in c.children):
            return tok
    return None


def _starts_with_no(tok) -> bool:
    """The sentence answers «Нет, …»: «Нет, проценты не сохраняются»."""
    first = [t for t in tok.sent if not t.is_space][:2]
    return len(first) == 2 and first[0].lower_ == "нет" and first[1].text == ","


def _aux_negated(tok) -> bool:
    """«не будем менять», «не станем менять» (1st person)."""
    for c in tok.children:
        if c.dep_ == "aux" and lemma(c) in ("быть", "будем", "буду") and morph(c, "Person") in ("1", ""):
            return negated(c) or negated(tok)
    head = tok.head
    if tok.dep_ == "xcomp" and lemma(head) == "стать" and morph(head, "Person") == "1" and negated(head):
        return True
    return False


def _have(tok, asked):
    if not has_lemma(tok, words("have_verbs")) or not negated(tok) or not _non_past(tok):
        return None
    if not any(c.dep_ in ("obj", "nsubj", "obl") and has_lemma(c, words("option_nouns")) for c in tok.children):
        return None
    return tok if _addressee_ok(tok) else None


def _duty(tok, asked):
    duty = words("duty_nouns")
    if has_lemma(tok, words("duty_verbs")) and negated(tok):
        places = [c for c in tok.children if c.dep_ == "obl"]
        subj = subject(tok)
        if subj is not None:  # «Доставка … в наши планы не входит» with «планы» hung on the subject
            places += [c for c in subj.children if c.dep_ == "nmod" and any(x.lower_ == "в" for x in c.children)]
        for c in places:
            if has_lemma(c, words("price_nouns")):
                continue  # «Доставка не входит в стоимость нашего тура» informs
            if has_lemma(c, duty) or any(has_lemma(g, duty) for g in c.children) \
                    or any(lemma(g) == "наш" for g in c.subtree):
                return tok  # «не входит в наши обязанности / в перечень наших услуг / в наши планы»
        return None
    if has_lemma(tok, duty) and any(c.lower_ == "в" for c in tok.children):
        dets = [c for c in tok.children if lemma(c) == "наш"]
        if dets and (negated(tok) or negated(dets[0])):
            return tok
    if has_lemma(tok, words("field_nouns")) and is_noun(tok) and not any(c.lower_ == "в" for c in tok.children):
        # «Это не наш профиль», «Ремонт техники — не наша специализация»
        dets = [c for c in tok.children if lemma(c) == "наш"]
        if dets and (negated(tok) or negated(dets[0])) and morph(tok, "Case") in ("Nom", ""):
            return tok
    return None


def _bare_no(tok) -> bool:
    """«Нет.», «К сожалению, нет.»: the whole sentence is a no."""
    if tok.lower_ != "нет":
        return False
    content = [t for t in tok.sent if not t.is_punct and not t.is_space]
    return all(has_lemma(t, words("bare_no")) or t.lower_ in words("bare_no") for t in content)


def _existence(tok, asked):
    lem = lemma(tok)
    if _bare_no(tok):
        return tok
    if tok.lower_ in ("будет", "будут") and negated(tok) and not tok.dep_.startswith("aux") \
            and not any(morph(c, "VerbForm") == "Inf" for c in tok.children):
        # «Компенсации не будет»; the parser may hang the noun on a word before
        near = [*tok.children, *(tok.head.children if tok.head.i != tok.i else ())]
        subjects = [c for c in near if c.dep_.startswith("nsubj") and is_noun(c) and c.i < tok.i]
        thing = max(subjects, key=lambda c: c.i) if subjects else None
        if thing is None and tok.head.i < tok.i and is_noun(tok.head):
            thing = tok.head  # «Возврата за … не будет» parsed with the noun as the root
        if thing is not None and _may_be_genitive(thing) and not has_lemma(thing, words("good_absence")) and (
                has_lemma(thing, words("benefit_nouns") | words("option_nouns"))):
            return tok
        return None
    if not ((lem in words("exist_verbs") and not negated(tok)) or (lem == "иметься" and negated(tok))):
        return None  # «нет», «отсутствует», «не имеется»
    if lem == "нет" and tok.pos_ == "PART" and not any(c.dep_.startswith("nsubj") or c.dep_ == "obj" for c in tok.children):
        return None
    absent = [c for c in tok.children if c.dep_.startswith("nsubj") or c.dep_ in ("obj",)]
    absent = [c for c in absent if (c.pos_ == "PRON" or is_noun(c)) and lemma(c) not in ("это", "что", "кто")]
    if absent and has_lemma(absent[0], words("good_absence")):
        return None
    if absent and (absent[0].pos_ == "PRON" or _may_be_genitive(absent[0]) or lem == "отсутствовать"):
        # «нет» takes the genitive; «отсутствует» its nominative subject («рассрочка отсутствует»)
        return tok if _absent_refused(tok, absent[0], asked) else None
    # no genitive hung on «нет» (an adjective, or a nominative of the next clause): look before it
    for thing in _genitives_before(tok, absent[:1]):
        if _absent_refused(tok, thing, asked):
            return tok
    return None


def _genitives_before(tok, seen) -> list:
    """«Кабинетов на четверых свободных нет», «…, что оснований для перерасчёта
    нет: …»: a bare genitive noun before «нет» in its clause, which the parser
    hung on another word, is what is absent."""
    out = []
    for t in clause_window(tok):
        if t.i >= tok.i or t in seen or not is_noun(t) or morph(t, "Case") != "Gen":
            continue
        if any(c.dep_ == "case" for c in t.children) or t.dep_ in ("nmod", "amod"):
            continue  # «для перерасчёта», «платы за отопление»: not the absent thing itself
        if has_lemma(t, words("good_absence")):
            return []
        out.append(t)
    return out[:1]


def _absent_refused(tok, thing, asked) -> bool:
    """The absence of ``thing`` refuses: an option, a thing in stock, a thing
    the company has («у нас»), or what the Клиент asked for."""
    after = thing.doc[thing.i + 1:min(thing.i + 4, thing.sent.end)]
    if any(morph(c, "VerbForm") == "Inf" and negated(c) for c in [*thing.children, *after]):
        return False  # «нет оснований не верить»: a double negation
    if any(morph(c, "VerbForm") == "Inf" and has_lemma(c, words("judgment_verbs")) for c in [*thing.children, *after]):
        return False  # «оснований сомневаться … нет» judges, it refuses nothing asked
    obls = [c for c in tok.children if c.dep_ in ("obl", "nmod")] + [c for c in thing.children if c.dep_ == "nmod"]
    if any(lemma(o) == "наличие" for o in obls):
        return True
    if has_lemma(thing, words("option_nouns")):
        return True
    if any(lemma(o) in ("мы", "я") and any(c.lower_ == "у" for c in o.children) for o in obls):
        return True
    return bool(lemmas(thing) & asked or _asked_kind(thing, asked))


def _never_happens(tok, asked):
    """«Скидок на повторный курс у нас не бывает», «Возвратов за билеты не
    бывает»: a negated «бывать» with the genitive of something the Клиент
    asked for or a benefit the company might give — it never gives it."""
    if not has_lemma(tok, words("usual_verbs")) or not negated(tok) or not _non_past(tok) or _double_negation(tok):
        return None
    if subject(tok) is not None and morph(subject(tok), "Case") == "Nom" and not _may_be_genitive(subject(tok)):
        return None  # «Курьер не бывает у нас по выходным»
    for t in {*clause_window(tok), *tok.subtree}:  # «Подарков у нас, увы, не бывает»: past the comma
        if t.i == tok.i or not is_noun(t) or not _may_be_genitive(t) or has_lemma(t, words("good_absence")):
            continue
        if has_lemma(t, words("benefit_nouns") | words("option_nouns")) or lemmas(t) & asked:
            return tok
    return None


def _no_chance(tok, asked):
    """«Без шансов: …», «Тут без вариантов.»: «без» + a word of chance or
    option standing as a clause of its own is a flat no. Hanging on a
    positive verb it only intensifies («Привезём завтра, без вариантов»)."""
    if not has_lemma(tok, words("no_chance_nouns")) or not is_noun(tok):
        return None
    if not any(c.lower_ == "без" and c.i == tok.i - 1 for c in tok.children):
        return None
    own_clause = tok.i + 1 < tok.sent.end and tok.nbor(1).is_punct and (
        tok.i - 1 == tok.sent.start or tok.nbor(-2).is_punct or tok.nbor(-2).pos_ in ("ADV", "PART", "INTJ"))
    if tok.dep_ not in ("ROOT", "parataxis") and not own_clause:
        return None  # «Оформим без вариантов оплаты наличными»
    if any(c.dep_ in ("nmod", "acl", "xcomp") or morph(c, "VerbForm") == "Inf" for c in tok.children):
        return None  # «доступен просмотр без возможности вносить изменения» describes
    if any(t.pos_ in ("VERB", "AUX") and morph(t, "VerbForm") == "Fin" and not negated(t) and not t.dep_.startswith("aux")
           for t in tok.sent):
        return None  # «Без вариантов — приедем завтра» promises
    return tok


def _may_be_genitive(tok) -> bool:
    """The tagger's genitive, or a form that can be one («компенсации»)."""
    if morph(tok, "Case") == "Gen":
        return True
    return any("gent" in p.tag and p.tag.POS == "NOUN" for p in analyzer().parse(tok.text))


def _no_way(tok, asked):
    """«Перенести бронь уже никак»: «никак» as the whole predicate of an infinitive."""
    if tok.lower_ not in words("no_way") or negated(tok):
        return None
    head = tok.head
    if head.i == tok.i:
        verb = next((c for c in tok.children if morph(c, "VerbForm") == "Inf"), None)
    else:
        verb = head if morph(head, "VerbForm") == "Inf" and head.dep_ == "ROOT" else None
    if verb is None and _otherwise_no(tok):
        return tok
    if verb is None:
        # «Сегодня никак, очередь забита», «С собаками к нам никак»: a verbless
        # clause answering a request
        if asked and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("не", "ни") for t in clause_window(tok)
                             if t.i != tok.i):
            return tok
        return None
    if negated(verb) or any(c.dep_.startswith("aux") or c.dep_ == "nsubj" for c in verb.children):
        return None  # «никак не связано», «Вы никак не могли знать»
    return tok


def _otherwise_no(tok) -> bool:
    """«Иначе никак», «По-другому никак»: a verbless clause that shuts every
    other way."""
    if tok.lower_ not in words("no_way"):
        return False
    window = clause_window(tok)
    return any(t.lower_ in words("otherwise_words") and t.i < tok.i for t in window) \
        and not any(t.pos_ in ("VERB", "AUX") for t in window)


def _unavailable(tok, asked):
    """«Тариф недоступен для Вашего региона», «Услуга Вам недоступна»; not an
    outage notice («Сервис временно недоступен»)."""
    unavailable = has_lemma(tok, words("unavailable")) and not negated(tok)
    not_available = has_lemma(tok, words("available")) and negated(tok)  # «вам не доступен»
    if not (unavailable or not_available) or morph(tok, "Variant") != "Short" or not _non_past_or_short(tok):
        return None
    subj = subject(tok)
    if subj is not None and lemmas(subj) & asked:
        return tok  # «Оплата при получении недоступна» after «Можно оплатить при получении?»
    for c in tok.children:
        if any(x.lower_ == "для" for x in c.children) or (lemma(c) == "вы" and morph(c, "Case") == "Dat"):
            return tok
    return None


def _kept(tok, asked):
    """«Штраф остаётся в силе», «Решение остаётся без изменений»,
    «Блокировка сохраняется»: a decision kept against the Клиент's request."""
    if not has_lemma(tok, words("keep_verbs")) or negated(tok) or not _non_past(tok):
        return None
    subj = subject(tok)
    if subj is None or not has_lemma(subj, words("sanction_nouns")):
        return None
    kept = words("kept_words")
    said = [c for c in tok.children if c.dep_ in ("obl", "xcomp", "advmod", "nmod")]
    if lemma(tok).startswith("сохран") and not said:
        return tok  # «Штраф сохраняется»
    return tok if any(has_lemma(c, kept) for c in said) else None


def _passive_future(tok, asked):
    """«Блокировка снята не будет», «Деньги возвращены не будут»: a negated
    short passive in the future tense, of a verb of service."""
    if morph(tok, "Variant") != "Short" or morph(tok, "VerbForm") != "Part":
        return None
    if not has_lemma(tok, words("service_verbs") | words("service_verbs_active")):
        return None
    aux = [c for c in tok.children if c.dep_.startswith("aux") and c.lower_ in ("будет", "будут")]
    if not aux or not (negated(tok) or negated(aux[0]) or any(c.lower_ == "не" for c in tok.children)):
        return None
    subj = subject(tok)
    if subj is None and tok.head.i < tok.i and is_noun(tok.head):
        subj = tok.head  # «Штраф … начислен не будет» parsed with the noun as the root
    if subj is not None and morph(subj, "Animacy") == "Anim":
        return None
    if subj is not None and has_lemma(subj, words("good_absence")) != has_lemma(tok, words("removal_verbs")):
        return None  # «Штраф начислен не будет» is good news, «Блокировка снята не будет» is not
    return tok


def _deed(verb) -> set[str]:
    """The lemma of a verb and its action noun («удаляет», «удалил» →
    «удаление»), to match a deed across aspects."""
    out = {lemma(verb)}
    noun = action_noun(verb) if verb.pos_ in ("VERB", "AUX") else None
    return out | {noun} if noun else out


def _accused_deeds(ctx) -> frozenset[str]:
    """What the Клиент says the company did («Ваш сервис удалил мою базу!»,
    «Вы списали деньги дважды»): a past verb, not negated. The draft saying
    the company does not do that is a denial (``blame-shifting`` and
    ``distrust`` judge it), not a refusal of a service."""
    doc = ctx.incoming_doc
    if doc is None:
        return frozenset()
    out = set()
    for t in doc:
        if t.pos_ == "VERB" and morph(t, "Tense") == "Past" and morph(t, "VerbForm") == "Fin" and not negated(t) \
                and morph(t, "Person") != "1" and not any(lemma(c) in ("я", "мы") for c in t.children if c.dep_ == "nsubj"):
            out |= _deed(t)
    return frozenset(out - {"быть", "стать"})


def _requested_nouns(ctx) -> frozenset[str]:
    """Nouns of the Клиент's message when it asks for something («Можно …?»,
    «Хочу …», «Пришлите …», «Как скачать …?»): «нет» + one of them refuses."""
    doc = ctx.incoming_doc
    if doc is None or not _is_request(doc):
        return frozenset()
    out = {lemma(t) for t in doc if t.pos_ in ("NOUN", "PROPN") and len(t.text) > 2}
    out |= {noun for t in doc if t.pos_ == "VERB" and (noun := action_noun(t))}  # «заморозить» → «заморозка»
    out |= {_ATTR + _stem(lemma(t)) for t in doc if t.pos_ in ("ADJ", "ADV") and len(t.text) > 4}
    return frozenset(out)


_ATTR = "attr:"  # marks a request's adjective or adverb stem among the asked nouns


def _stem(word: str) -> str:
    """«пробный», «бесплатно» → «пробн», «бесплатн»: an adjective and its
    adverb compared by stem."""
    for ending in ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "о", "е"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


def _relational_asked(noun, asked: frozenset[str]) -> bool:
    """The request named the thing by its relational adjective: «диски» after
    «дисковые тормоза», «газ» after «газовый котёл»."""
    base = lemma(noun)
    suffixes = _words("relational_suffixes", "derivation")
    return len(base) >= 3 and any(
        a.startswith(_ATTR + base) and a[len(_ATTR) + len(base):] in suffixes for a in asked)


def _asked_kind(thing, asked: frozenset[str]) -> bool:
    """The absent thing is of the kind asked for: «Бесплатных пробных занятий
    нет» after «Можно на пробный урок бесплатно?» (its modifiers repeat the
    request's)."""
    mods = [c for c in thing.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
    return any(_ATTR + _stem(lemma(m)) in asked for m in mods)


def _is_request(doc) -> bool:
    markers = words("request_words")
    for t in doc:
        if has_lemma(t, markers) and not negated(t):
            return True
        if morph(t, "Mood") == "Imp" and lemma(t) not in words("greeting_verbs"):
            return True
        if t.lower_ in ("как", "где") and any(morph(c, "VerbForm") == "Inf" for c in t.head.subtree):
            return True
    return False


def _walkthrough(ctx) -> bool:
    """The draft is a how-to in the inclusive «we» («Открываем настройки.
    Нажимаем „Сохранить“.»): two or more sentences start with a 1st-person
    plural present verb and no «мы»."""
    count = 0
    for sent in ctx.sentences:
        first = next((t for t in sent if t.is_alpha), None)
        if first is not None and _inclusive_we(first) and not negated(first):
            count += 1
    return count >= 2


def _inclusive_we(verb) -> bool:
    return (verb.pos_ == "VERB" and morph(verb, "Person") == "1" and morph(verb, "Number") == "Plur"
            and morph(verb, "Tense") == "Pres" and subject(verb) is None)


def _explains(ctx) -> bool:
    """The draft explains what something is («Модерация — это проверка …»):
    an impersonal rule stated in such an explanation describes how things
    work, it does not refuse the Клиент. Judged on the draft alone: the
    Клиент's question never silences a refusal."""
    doc = ctx.doc
    for dash in doc[1:-2]:
        if dash.text not in ("—", "–", "-") or doc[dash.i + 1].lower_ != "это":
            continue
        term, defined = doc[dash.i - 1], doc[dash.i + 2]
        if is_noun(term) and _may_be_nominative(term) and (is_noun(defined) or defined.pos_ == "ADJ") \
                and _may_be_nominative(defined):
            return True  # «X — это Y», read by the words (the parse of a long definition is unreliable)
    return False


def _may_be_nominative(tok) -> bool:
    if morph(tok, "Case") in ("Nom", ""):
        return True
    return any("nomn" in p.tag for p in analyzer().parse(tok.lower_))


def _caveat(sent, pred) -> bool:
    """«Обратите внимание: восстановить видео после удаления нельзя» warns
    about a consequence; nobody asked for it. Only for impersonal refusals."""
    text = sent.text.lower()
    return any(marker in text for marker in words("caveat_markers"))


# --- alternatives -----------------------------------------------------------

def _mitigated(prev, sent, nxt, pred) -> bool:
    """An alternative is offered in the same sentence or in the next one, or
    the previous sentence already said what can be done («Название можно
    поменять. Сам видеофайл заменить нельзя»)."""
    if _offers(sent, pred) or _contrast_offer(sent, pred) or _route(sent):
        return True
    if prev is not None and (_offers(prev, pred, can_only=True) or _route(prev)):
        return True
    return nxt is not None and (_offers(nxt, pred) or _contrast_offer(nxt, None) or _route(nxt) or _dated_plan(nxt))


def _dated_plan(span) -> bool:
    """«Мы сами проверим возможность повышения 3 июля и пришлём предложение»:
    what the company will do, with a date — a way forward."""
    if not has_concrete_time(list(span)):
        return False
    return any(t.pos_ == "VERB" and _first_person_non_past(t) and not negated(t) and morph(t, "Mood") != "Imp"
               and not is_question(t) and not in_condition(t) for t in span)


def _route(span) -> bool:
    """«Для восстановления видео необходимо подтвердить права»: what it takes
    to get what was asked for is a way forward, not a flat no."""
    for t in span:
        if not has_lemma(t, words("route_words")) or negated(t) or is_question(t) or in_condition(t):
            continue
        if morph(t, "Tense") == "Past" or any(lemma(c) == "быть" and morph(c, "Tense") == "Past" for c in t.children):
            continue
        for c in t.children:
            if c.dep_ in ("obl", "nmod") and any(x.lower_ == "для" for x in c.children):
                return True
            if c.dep_ == "advcl" and any(x.lower_ in ("чтобы", "чтоб") for x in c.children):
                return True
    return False


def _offers(span, pred, can_only: bool = False) -> bool:
    for t in span:
        if t.i == pred.i or t.is_punct or t.is_space:
            continue
        if (is_question(t) and not _offer_question(t)) or in_condition(t):
            continue
        if not can_only and has_lemma(t, words("offer_words")) and t.pos_ not in ("VERB",):
            if any(c.lower_ in ("без", "нет", "никаких", "ни") for c in t.children) or (
                    t.i > 0 and t.doc[t.i - 1].lower_ in ("без", "никаких", "ни")):
                continue  # «тут без вариантов», «никаких альтернатив»: none offered
            if _correction(t):
                continue  # «это не брак, а вариант исполнения» describes what it is
            return True
        if negated(t) or _aux_negated(t):
            continue
        if not can_only and has_lemma(t, words("offer_verbs")) and t.pos_ in ("VERB", "ADJ", "AUX"):
            if morph(t, "Person") != "3" and morph(t, "Tense") != "Past" and not _for_next_time(t):
                return True
        if has_lemma(t, words("can_words")) and morph(t, "Tense") != "Past" and t.dep_ != "amod":
            predicative = lemma(t) == "возможный" and morph(t, "Variant") == "Short"  # «Посмотреть их возможно …»
            if lemma(t) in ("можно", "возможно") or predicative or t.pos_ in ("VERB", "AUX"):
                if lemma(t) == "возможно" and t.dep_ == "parataxis":
                    continue  # «возможно» as «perhaps»
                return True
    return False


def _correction(word) -> bool:
    """«Это не дефект, а вариант нормы», «не оригинал, а аналог»: the offer
    word is the second half of a correction «не X, а Y» (X a noun or an
    adjective, not a verb) — it says what a thing is, it offers nothing.
    Read by the words: the parser hangs such a «Y» anywhere."""
    sent_start = word.sent.start
    k = word.i - 1
    while k > sent_start and word.doc[k].pos_ in ("ADJ", "DET") and k >= word.i - 3:
        k -= 1  # «а штатный вариант»
    if k <= sent_start or word.doc[k].lower_ != "а":
        return False
    for j in range(k - 1, max(sent_start, k - 8) - 1, -1):
        t = word.doc[j]
        if t.text in (".", ";", ":", "—", "–", "!", "?") or t.lower_ in ("но", "зато", "однако"):
            return False
        if t.lower_ == "не" and j + 1 < k:
            return word.doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PRON")
    return False


def _without(pred, asked: frozenset[str]) -> bool:
    """The refusal holds only without proof: «Без видео вскрытия претензии не
    принимаются», «без чека возврат не производится» — a demand for proof
    (``distrust`` judges it), not a flat no. «Без залога автомобили не
    выдаются» is a rule, and refuses; so does «Без справки заявление не
    примут» to «Можно без справки?» (doing without it was what was asked)."""
    # «без чека», «без подписанного акта» anywhere in the clause of the refusal, or
    # hung on it or on its infinitive («Без такого видео доказать, что …, невозможно»)
    window = clause_window(pred)
    near = _own_words(pred)
    for t in {*window, *near}:
        lo = window[0].i if t in window else pred.sent.start
        if has_lemma(t, words("proof_nouns")) and not lemmas(t) & asked and any(
                x.lower_ == "без" for x in pred.doc[max(lo, t.i - 3):t.i]):
            return True
    sent = [t for t in pred.sent if not t.is_space]
    before = [t for t in sent if t.i < pred.i]
    # «пришлите фото … — без этого возврат не оформляем»: «без этого» after a request for proof
    for k, t in enumerate(sent[:-1]):
        if t.lower_ == "без" and sent[k + 1].lower_ in ("этого", "того", "них", "него", "неё", "нее") \
                and (abs(t.i - pred.i) <= 4 or sent[k + 1] in near) \
                and any(has_lemma(x, words("proof_nouns")) for x in before):
            return True
    # «Пришлите фото и чек, иначе претензию не примем»: the same demand put the other way
    for t in window:
        if t.i < pred.i and t.lower_ in words("otherwise_words") \
                and any(has_lemma(x, words("proof_nouns")) for x in before if x.i < t.i):
            return True
    # «Перерасчёт делается только при наличии оригинала справки; копии не принимаются»
    for k, t in enumerate(before[:-1]):
        if t.lower_ == "только" and before[k + 1].lower_ in ("при", "после", "по") and any(
                has_lemma(x, words("proof_nouns") | words("condition_nouns")) for x in before[k + 1:k + 6]):
            return True
    return False


def _own_words(pred) -> list:
    """The words hung on the predicate or on its infinitive (subject clause or
    complement), whatever the commas between them."""
    out = [c for c in pred.children if c.dep_ in ("obl", "advmod")]
    for c in pred.children:
        if c.dep_ in ("csubj", "xcomp") and morph(c, "VerbForm") == "Inf":
            out += [c, *(g for g in c.children if g.dep_ in ("obl", "advmod"))]
    return out


def _on_trust(pred) -> bool:
    """«Принять Вашу версию на веру мы не можем», «на слово такие вещи не
    принимаем»: what is refused is belief in the Клиент's word — distrust
    (``distrust`` judges it), not a service."""
    window = clause_window(pred)
    return any(has_lemma(t, words("trust_nouns")) and t.i > window[0].i and pred.doc[t.i - 1].lower_ == "на"
               for t in window)


def _wh(pred) -> bool:
    """«Что нельзя публиковать:»: a question word in the refusal's own clause
    (the parser may hang a «где» of an earlier clause on it: «Чтобы узнать,
    где водитель, позвоните ему, — мы такую информацию не даём»)."""
    if not wh_clause(pred):
        return False
    wh = _words("wh_words")
    return any(t.lower_ in wh for t in clause_window(pred) if t.i < pred.i)


def _indirect_question(pred) -> bool:
    """«Узнайте у банка, почему платёж отклонён»: the refusal word stands in a
    clause opened by a question word after a comma, whatever the parser hung
    it on — a question asked, not a no given."""
    window = clause_window(pred)
    first = next((t for t in window if not t.is_punct), None)
    if first is None or first.i >= pred.i or first.i == pred.sent.start:
        return False
    prev = pred.doc[first.i - 1]
    return prev.text == "," and first.lower_ in (_words("wh_words") | {"зачем", "откуда"}) - {"что", "чем", "чего", "как"}


def _gives_client(pred) -> bool:
    """A positive statement of what the Клиент gets: a short passive or a
    future verb with the Клиент in its clause («закреплено за Вами», «Вам
    принесут обед»)."""
    if pred.pos_ not in ("VERB", "ADJ") or negated(pred):
        return False
    if not (morph(pred, "Variant") == "Short" or morph(pred, "Tense") == "Fut"):
        return False
    return any(lemma(t) in ("вы", "ваш") for t in pred.subtree)


def _for_next_time(verb) -> bool:
    """«Рекомендуем в будущем включать синхронизацию»: advice for next time
    offers nothing for the problem at hand."""
    return bool(next_time(verb.subtree))


def _offer_question(tok) -> bool:
    """A question that offers: «Можем выставить счёт или прислать ссылку —
    как Вам удобнее?» — the company says what it can do (1st person, not
    negated) and asks which the Клиент prefers."""
    return any(has_lemma(t, words("can_words") | words("offer_verbs")) and _first_person_non_past(t)
               and not negated(t) for t in tok.sent)


def _first_person_non_past(tok) -> bool:
    """«привезём», «можем»: by the tagger or, when it is lost, by pymorphy3."""
    if morph(tok, "Person") == "1" and morph(tok, "Tense") != "Past":
        return True
    parse = top_parse(tok)
    return parse is not None and "1per" in parse.tag and "past" not in parse.tag


def _contrast_offer(sent, pred) -> bool:
    """«… нет в наличии, но привезём аналог завтра»: after a contrast
    conjunction, a positive statement of what the company will do or has.
    ``pred`` None: the whole sentence («Но привезём завтра»)."""
    seen = False
    for t in sent:
        if pred is not None and t.i <= pred.i:
            continue
        if t.lower_ in words("contrast"):
            seen = True
            continue
        if not seen or negated(t):
            continue
        if t.pos_ == "VERB" and _first_person_non_past(t):
            return True
        if t.pos_ == "VERB" and morph(t, "Tense") in ("Pres", "Fut") and morph(t, "Mood") in ("Ind", "") \
                and _company_subject(t):
            return True  # «…, но наш мастер соберёт тренажёр за 1 500 ₽»
        if lemma(t) in ("есть", "быть") and morph(t, "Tense") != "Past" and t.dep_ in ("ROOT", "conj", "parataxis"):
            return True
        if has_lemma(t, words("available_words")) and t.dep_ in ("ROOT", "conj", "parataxis", "advcl"):
            return True  # «…, но для них действует своя скидка»
        if t.dep_ in ("ROOT", "conj", "parataxis") and _gives_client(t):
            return True  # «…, но место у окна уже закреплено за Вами»
        if pred is not None and lemmas(t) & lemmas(pred) - {"не"} and not negated(pred):
            return True  # «недоступна для физлиц, однако доступна для самозанятых»
        if pred is not None and lemma(t) == lemma(pred)[2:] and lemma(pred).startswith("не"):
            return True
    return False


# --- rewrite: options instead of the refusal -----------------------------------

def _rewrite(sent, pred, span, subjects: bool = True):
    """((start, end), text): the refusing clause replaced by an offer built
    from what was refused («Вместо изменения адреса можем предложить
    [альтернатива]»). ``subjects=False``: a subject is not what was refused
    («Грузчики не работают» → «Вместо этого …», not «Вместо грузчиков …»)."""
    root = pred
    while root.dep_ in ("xcomp", "csubj") and root.head.i != root.i:
        root = root.head
    first, last = clause_bounds(sent, root, _LEX_LEAD_IN(), include=(span[0], span[-1]))
    if _bare_no(pred):
        variants = [("bare", {})]
    else:
        extra = [c for c in root.children if c.dep_ == "obl" and c.pos_ in ("NOUN", "PROPN")
                 and any(x.dep_ == "case" for x in c.children) and c.i < root.i]
        variants = [("instead", {"thing": t if isinstance(t, Phrase) else
                                 Phrase(t, extra=[x for x in extra if x.i > t.i])})
                    for t in _refused(pred, root)
                    if subjects or isinstance(t, Phrase) or not (t.dep_.startswith("nsubj") or t.head.dep_.startswith("nsubj"))
                    ] + [("other", {})]
    for variant, slots in variants:
        text = render("refusal", variant, **slots)
        if text:
            return replacement(sent, first, last, text, prefix=contrast(sent, first, root))
    return None


def _LEX_LEAD_IN() -> frozenset[str]:
    return frozenset(templates("refusal").get("lead_in", []))


def _not_things() -> frozenset[str]:
    """«возможность», «право»: what is lacking, not what was asked for."""
    return frozenset(templates("refusal").get("not_things", []))


def _refused(pred, root) -> list:
    """What the Клиент is refused, best first: the action asked for (an
    infinitive: «Изменить адрес … нельзя»), the thing refused («Оплата
    частями не предусмотрена», «Выписки … мы не оформляем»), or what
    «отказать в …» names."""
    out = []
    if morph(pred, "VerbForm") == "Part" and any(c.lower_ in ("будет", "будут") for c in pred.children):
        subj = next((x for x in pred.children if x.dep_.startswith("nsubj") and is_noun(x)
                     and not has_lemma(x, _not_things())), None)
        if subj is not None:  # «Сертификат продлён не будет» → «продления сертификата»
            out.append(Phrase(pred, of=subj))
    seen = set()
    queue = [pred, root]
    while queue:
        node = queue.pop(0)
        if node.i in seen:
            continue
        seen.add(node.i)
        for c in sorted(node.children, key=lambda t: t.i):
            if c.dep_ in ("xcomp", "csubj", "nmod", "acl", "obj", "ccomp") and morph(c, "VerbForm") == "Inf":
                out += _refused_action(c)
                queue.append(c)
            elif c.dep_ in ("obj", "xcomp", "nsubj", "nsubj:pass") and is_noun(c) and (
                    has_lemma(c, words("option_nouns")) or has_lemma(c, _not_things())):
                queue.append(c)  # «не имеем возможности принять …», «возможность скачивать … не предусмотрена»
            elif morph(c, "VerbForm") == "Part" and morph(c, "Voice") == "Pass" and c.dep_ in ("xcomp", "csubj"):
                subj = next((x for x in pred.children if x.dep_.startswith("nsubj") and is_noun(x)), None)
                if subj is not None:  # «фильм не может быть опубликован» → «публикации фильма»
                    out.append(Phrase(c, of=subj))
    if has_lemma(pred, words("refuse_verbs")):
        # «отказать в возврате»; what was turned down («платёж отклонили») is
        # not what an alternative replaces
        return out + [c for c in pred.children if c.dep_ == "obl" and is_noun(c)
                      and any(x.lower_ == "в" for x in c.children)]
    if has_lemma(pred, words("exclude_verbs")) and any(
            c.dep_ == "obl" and any(x.lower_ == "из" for x in c.children) for c in pred.children):
        return out  # «Товар исключён из акции»: the thing is not what was refused
    agents = words("rule_nouns") | words("means_nouns")
    for node in (pred, root):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubj:pass") and is_noun(c) and not has_lemma(c, _not_things()) \
                    and not has_lemma(c, agents):  # «Правила запрещают …», «Система не поддерживает …»
                out.append(c)
            if c.dep_ == "obj" and is_noun(c) and not has_lemma(c, _not_things()):
                out += [node, c] if node.pos_ in ("VERB", "AUX") and node.i == pred.i else [c]
    return [t for t in out if t is not None]  # tokens, or phrases built here


def _refused_action(verb) -> list:
    if has_lemma(verb, words("refuse_verbs")):
        return [c for c in verb.children if c.dep_ == "obl" and is_noun(c)]
    obj = [c for c in verb.children if c.dep_ == "obj" and is_noun(c)]
    return [verb, *obj]


# --- a negative answer to a yes/no request ------------------------------------

def _polar_request(ctx) -> bool:
    """The Клиент asks whether the company can or will do something: «Можно
    перенести запись?», «Сможете привезти завтра?», «Есть ли у вас …?»,
    «Хочу вернуть …», «Прошу пересчитать …». Not a question for information
    («Можно узнать, где заказ?», «Можете подсказать …?»)."""
    doc = ctx.incoming_doc
    if doc is None:
        return False
    for t in doc:
        if any(c.lower_ in ("не", "ни") and c.i < t.i for c in t.children) or (t.i > 0 and doc[t.i - 1].lower_ == "не"):
            continue  # «Нельзя ли …» aside; «а не только …» after it negates something else
        if has_lemma(t, words("polar_request_words")):
            if lemma(t) not in words("polar_statement_words") and not is_question(t):
                continue  # «можно» in a statement: «Можно было предупредить!»
            if morph(t, "Person") == "3" and t.pos_ in ("VERB", "AUX"):
                continue  # «курьер может …»: about someone else
            inf = [c for c in t.children if morph(c, "VerbForm") == "Inf"]
            if inf and all(has_lemma(i, words("info_verbs")) for i in inf):
                continue
            if not inf and lemma(t) in words("polar_statement_words"):
                continue  # «Хочу пожаловаться»: wants nothing done
            return True
        if lemma(t) == "быть" and is_question(t) and (
                (any(c.lower_ == "ли" for c in t.children) and any(lemma(c) in ("вы", "наличие") for c in t.subtree))
                or any(lemma(c) == "вы" and any(x.lower_ == "у" for x in c.children) for c in t.children)):
            return True  # «Есть ли у вас …?», «Есть ли в наличии …?», «У вас есть …?»
        if t.pos_ == "VERB" and is_question(t) and morph(t, "Person") == "2" and morph(t, "Number") == "Plur" \
                and morph(t, "Tense") in ("Pres", "Fut") and morph(t, "Mood") != "Imp" \
                and not has_lemma(t, words("info_verbs")) and not _wh(t):
            return True  # «Привезёте сегодня вечером?», «А вы кожаные сумки чистите?»
    return False


def _answer_no(ctx):
    """The answer to the request is a negated predicate: the main predicate of
    the first sentence that is not a greeting, thanks or sympathy («По
    субботам контролёры не выезжают», «Исходники мы не отдаём», «Нет, место
    уже не поменять», «Показов по воскресеньям нет»). Not when anything in the
    draft says what can be done instead, nor for what needs no doing («Вам
    ничего не нужно делать»), a reassurance or the Клиент's own deeds."""
    doc = ctx.doc
    sentences = ctx.sentences
    deeds = frozenset(d for t in ctx.incoming_doc if t.pos_ == "VERB" for d in _deed(t))
    for k, sent in enumerate(sentences):
        root = sent.root
        if root.is_punct or root.is_space or not speaker_ok(ctx, root):
            continue
        if _positive_answer(root):
            return None
        if _starts_with_no(root):
            root = next(t for t in sent if not t.is_space)  # «Нет, на сегодня всё занято»
        if has_lemma(root, words("social_words")):
            # «Простите, но чужие оправы мы не берём»: the apology heads the answer
            clauses = [c for c in sent if c.i > root.i and c.dep_ in ("conj", "parataxis", "ccomp")
                       and c.pos_ in ("VERB", "AUX") and not in_condition(c) and _negative_predicate(c, deeds)]
            root = clauses[0] if clauses else root
        if root.pos_ in ("NOUN", "PROPN", "ADJ", "ADV"):
            # «Рейс … уже не поменять» parsed with the noun as the root
            verbs = [c for c in root.children if c.pos_ in ("VERB", "AUX") and negated(c)
                     and c.dep_ in ("xcomp", "conj", "parataxis", "csubj", "ccomp")]
            root = verbs[0] if verbs else root
        neg = _negative_predicate(root, deeds)
        if not neg and not _social(sent):
            # «Сад работает до 19:00, позже дети у нас не остаются»: the no in the second clause
            later = [c for c in root.children if c.dep_ in ("conj", "parataxis") and c.i > root.i
                     and c.pos_ in ("VERB", "AUX") and not in_condition(c) and _negative_predicate(c, deeds)
                     and not _disclaims(c)]
            if later:
                root, neg = later[0], True
        if not neg and _social(sent):
            continue  # «Спасибо за вопрос.», «Понимаем Ваше волнение.»
        if not neg or is_question(root) or in_condition(root):
            return None  # the answer is not a no
        prev = sentences[k - 1] if k > 0 else None
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        anchor = root if root.lower_ != "нет" else next(
            (t for t in sent if t.i > root.i and t.pos_ in ("VERB", "AUX", "ADJ")), root)  # «Нет, на сегодня всё занято»
        own = {t.i for t in clause_window(anchor)}  # «в субботу не успеем»: the refused slot itself
        later = [t for t in sent if t.i > anchor.i and t.i not in own] + (list(nxt) if nxt is not None else [])
        if _mitigated(prev, sent, nxt, root) or _offers(doc[:], root, can_only=True) or _route(doc[:]) \
                or _acts(doc, root) or has_concrete_time(later):
            # the last: another slot named after the no («все заняты, ближайшая дата — 18 июля»)
            return None
        return _with_negation(root)
    return None


def _disclaims(verb) -> bool:
    """«маркетплейс за состояние товара ответственности не несёт», «на это мы не
    влияем»: a disclaimer after naming who did it (``blame-shifting`` judges it)."""
    return has_lemma(verb, words("influence_verbs")) or any(
        c.dep_ in ("obj", "nsubj") and has_lemma(c, _words("responsibility_nouns", "blame_shifting"))
        for c in verb.children)


def _social(sent) -> bool:
    """Greeting, thanks, sympathy or an apology: no answer yet."""
    social = words("social_words")
    return any(has_lemma(t, social) or t.lower_ in social for t in sent) or all(
        not t.is_alpha or t.pos_ in ("PROPN", "INTJ") for t in sent)


def _positive_answer(root) -> bool:
    """«Да», «Конечно», «Разумеется» opening the sentence."""
    first = next((t for t in root.sent if t.is_alpha), None)
    return first is not None and first.lower_ in words("yes_words")


def _negative_predicate(tok, deeds: frozenset[str] = frozenset()) -> bool:
    """The answer predicate says no; ``deeds``: the verbs (and their action
    nouns) of the request, so that «Отключили!» to «Можно отключить …?» is a yes."""
    if tok.lower_ == "нет" and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ",":
        # «Нет, …» answering the request; not «Нет, хештеги не обязательны» (no need)
        return not any(has_lemma(t, words("need_words")) for t in tok.sent)
    if _bare_no_word(tok) or _double_negation(tok):
        return False
    if has_lemma(tok, words("full_words")) and not negated(tok) and morph(tok, "Variant") == "Short" \
            and person(tok) != "2":
        return True  # «Суббота вся расписана», «Билеты распроданы», «Все окна заняты»
    if has_lemma(tok, words("stop_verbs")) and not negated(tok) and morph(tok, "Mood") != "Imp" \
            and person(tok) != "2" and not _deed(tok) & deeds:
        return True  # «Оплату при получении временно отключили»
    absence = lemma(tok) in words("exist_verbs") and not negated(tok)
    if not absence and has_lemma(tok, words("negated_exist_verbs")) and negated(tok):
        absence = True  # «Оснований не имеется», «Показов не бывает»
    if absence:
        absent = [c for c in tok.children if (c.dep_.startswith("nsubj") or c.dep_ == "obj") and is_noun(c)]
        absent = absent[:1] or _nearest_genitive(tok)  # «В аптеках сети этой дозировки нет» (hung elsewhere)
        return bool(absent) and not has_lemma(absent[0], words("good_absence"))
    if not (negated(tok) or _aux_negated(tok)):
        return False
    if has_lemma(tok, words("need_words")) or has_lemma(tok, words("worry_verbs")) or _assurance(tok):
        return False
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    form = morph(tok, "VerbForm")
    if form == "Inf":  # «Место уже не поменять», «сдвигать время мы не будем»
        return tok.dep_ == "ROOT" or tok.head.pos_ not in ("VERB", "AUX") or _aux_negated(tok)
    if form != "Fin" or morph(tok, "Mood") not in ("Ind", "") or morph(tok, "Tense") == "Past":
        return False
    if person(tok) == "2":
        return False
    subj = subject(tok)
    if subj is not None and (_yours(subj) or has_lemma(subj, words("client_nouns"))):
        return False
    if any(c.dep_ in ("obj", "nsubj", "nsubj:pass") and has_lemma(c, words("good_absence")) for c in tok.children):
        return False  # «Комиссия не взимается», «Штраф не берём»: good news
    if person(tok) != "1" and _perfective(tok):
        return False  # «Курьер не опоздает», «Деньги не пропадут»: a prediction, not a policy
    return True


def _perfective(verb) -> bool:
    if morph(verb, "Aspect"):
        return morph(verb, "Aspect") == "Perf"
    parse = top_parse(verb)
    return parse is not None and "perf" in parse.tag


def _acts(doc, pred) -> bool:
    """The company does something for the Клиент somewhere in the draft
    («бронь отменили», «ждём Вас до 20:00», «доставим завтра»), or tells the
    Клиент what to do («откройте раздел …»): the answer is no flat no."""
    for t in doc:
        if t.i == pred.i or t.pos_ not in ("VERB", "AUX") or negated(t) or _aux_negated(t):
            continue
        if has_lemma(t, words("social_words")) or has_lemma(t, words("worry_verbs")):
            continue
        if morph(t, "VerbForm") == "Fin" and person(t) == "1" and not is_question(t) and not in_condition(t):
            return True
        if morph(t, "Mood") == "Imp" and lemma(t) not in words("greeting_verbs") and not in_condition(t) \
                and not has_lemma(t, words("contact_verbs")):
            return True  # «откройте раздел …»; not «пишите, если что»
    return False


def _nearest_genitive(tok) -> list:
    """The genitive noun nearest before «нет» in its clause, without a
    preposition of its own, whatever the parser hung it on."""
    before = [t for t in clause_window(tok) if t.i < tok.i and is_noun(t) and morph(t, "Case") == "Gen"
              and not any(c.dep_ == "case" for c in t.children)]
    return before[-1:]

