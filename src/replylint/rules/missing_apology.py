"""Ответ на жалобу или проблему без извинения.

Что делает
----------
Решает по разбору, есть ли жалоба:
- в сообщении Клиента (``incoming``): слова проблемы («задержка», «брак»,
  «трещина», «обман»), глаголы плохого исхода («сломался», «опоздал»,
  «потерялся», «списали»), отрицаемые глаголы доставки и работы («не
  привезли», «не пришёл», «не работает», «не хватает», «так и не
  позвонили»), «не тот товар», признаки плохого состояния — причастия глаголов
  повреждения и слова, образованные от слов проблемы («продавлен»,
  «поцарапан», «сломан», «бракованный», «дефектный», «чужой чек»), плохая
  оценка («Очень плохой сервис», «не понравилось», «не устраивает»,
  «разочарована»), долгое ожидание («жду уже две недели»), требование вернуть
  деньги («Верните деньги!», «требую возврата»), эмоции («Отвратительно!»);
  и без таких слов: упрёк вопросом («Почему у вас такой медленный
  интернет?», «За что меня забанили?»), появившийся признак неисправности
  («на экране появилась полоса», «появился гул»), неотданное («не отдал
  сдачу», «так и не выплатили»), списание вопреки отмене («списали, хотя я
  отменял»), наказание и невиновность («меня оштрафовали», «Я ничего не
  нарушал»), не то место («не в тот подъезд», «отправили не туда»),
  повторное обращение («Третий раз пишу»), «Сколько можно ждать?», сарказм
  («Спасибо за «быструю» доставку»), невыполненное («Заказ должен был прийти
  вчера»), посторонний предмет («попалась косточка»), сбой («Наушники шипят
  и отключаются», «игра не запускается», «промокод не действует»), сделанное
  без спроса («перенесли без предупреждения»), хуже обещанного («скорость
  ниже заявленной», «дольше, чем обещали»), вещь или человек не делает своего
  («Окно не закрывается», «Менеджер так и не перезвонил»), перемена к худшему
  («цепочка потемнела», «начала стучать»), сделанное не по заказу («не по
  рецепту»), затянувшееся («в ремонте уже три недели», «кружит уже час»),
  двойное списание («счёт пришёл дважды»), мошенничество («Я не совершал этот
  платёж», «Это мошенники!»), испорченная еда и цветы («холодная пицца»,
  «розы завяли»), сделанное много позже («привезли спустя два часа»),
  недовоз по счёту («Заказала 3 пачки, пришло 2»), чужая ошибка («курьер по
  ошибке отдал соседке»), не то вместо обещанного («5 Мбит вместо 100!»),
  посылка, отправленная назад («вернулась отправителю»), запись, отменённая
  Клиенту снова или с возмущением («Второй урок подряд отменяют», «Мне
  отменили бронь!»), чужая вещь («Курьер доставил не мой заказ»), штраф
  («начислены пени» — с «!» или упрёком), неисправность перед вопросом «что
  происходит?» («Свет моргает каждый вечер, что происходит?»), возвращение
  без вещей («Сын вернулся из лагеря без куртки»), нарушенное обещание («обещали
  вчера», «обещали неделю», «а договаривались …»; спокойное «оператор обещал
  мне скидку» — напоминание, не жалоба). Черновик сам признаёт жалобу («Претензия принята»,
  «Претензию рассмотрим после проверки»)
  или отмену записи, рейса, доставки не по просьбе Клиента («Запись на 14.06
  отменена»), приостановку услуги («доставка по Вашему адресу
  приостановлена»), задержку на сколько-то («будет готов на день позже»),
  поломку («вышла из строя печь»).
  Собственный промах Клиента («Я случайно заказал не тот размер», «я не смогла
  прийти», «участник не пришёл», «я забыла отключить автоплатёж», «сама
  виновата») — не жалоба, если в письме нет грубости, порчи или возмущения;
  своя потеря без подлежащего («Хочу вернуть билет, но потеряла чек») — тоже.
  Пересказ решения компании в будущем («Вы написали, что скидку не дадите»),
  похвала образа действия («Мастер всё сделал очень аккуратно!») и спокойное
  «нет газа с утра», когда черновик объясняет плановую остановку, — не жалоба.
  Спокойное «Почему мне отказали / заблокировали / списали …?» спрашивает
  о причине решения и жалобой не считается (в отличие от «За что …?», «??» и
  «!»). Не жалоба и вкус при спокойном возврате («Можно сдать? Не
  понравились»), и «ещё не отправлен» как условие просьбы («Хочу добавить
  подушку, заказ ещё не отправлен»), и «плановое отключение». Своя вещь,
  принесённая в ремонт («Возьмётесь починить синтезатор? Не включается»), —
  просьба, а не жалоба, если письмо не связывает поломку с компанией («после
  вашего ремонта», «купила у вас», «снова течёт», «что делать?»); не жалобы и
  «свидетельство о браке», «не любит чужих», «Прошу списать пени», «штраф за
  просрочку», «Дочка обожает ваши занятия!», «Опоздала на сеанс».
  Вопрос («Где мой заказ?»), спокойная просьба («Хочу вернуть платье,
  передумала») или благодарность без таких признаков — не жалоба; условие
  («если не подойдёт») и вопрос о будущем («Будут ли задержки в
  праздники?») — тоже;
- или в самом черновике: компания признаёт проблему («задержка», «брак»,
  «бракованный», «поцарапан», «повреждение», «неудобства», «ошибка в заказе»,
  «обнаружилась / произошла / закралась ошибка», «мы допустили ошибку», «мы
  ошиблись», «напутали», «Ваша жалоба», «Заказ не доставлен», «Доставка
  задерживается», «приехал позже обещанного», «привезли не тот диван», «не
  уложились в срок», «по нашей вине», «оператор неверно оформил», «курьер
  забыл», «списались дважды», «мастер не смог приехать», «Вам доставили не
  Ваш заказ», «Интернет в Вашем доме восстановим»), кроме отрицаний и предупреждений («без задержек», «чтобы
  избежать неудобств», «запись будет повреждена»), условий («в случае
  поломки», «при повреждении упаковки»), вопросов, того, что Клиента просят
  подтвердить («Подтвердите, что посылка не пришла»), жалобы как основания
  чужого действия («заблокировал по жалобе») и плановых остановок («подача
  приостановлена для плановой проверки»).

Извинение — «извините», «простите», «приносим / примите извинения»,
«просим/прошу прощения», «нам (очень) жаль», «мы виноваты»; «извиняюсь» и
«извиняемся» тоже считаются (их форму проверяет ``apology-form``).
«Сожалеем» и «К сожалению» извинением не считаются. «Не» после извинения
относится к следующему придаточному: «Простите, что мы не сдержали обещание» —
извинение, даже если разбор повесил «не» на «Простите».

Где находка: если проблема названа в самом черновике — на первом слове
проблемы (там просится извинение); если жалоба известна только из письма
Клиента — на первом предложении ответа после приветствия (с него и стоит
начать с извинения).

Правка (``replylint rewrite``) вставляет после приветствия извинение, которое
называет проблему: «Извините, пожалуйста, за повреждение упаковки.», «…за
разбитую вазу.», «…за то, что Вам привезли диван не того цвета.» (слова
Клиента обращены к нему самому).

Почему это важно
----------------
Стандарт 003 «Прежде всего — извинения»: «Приучите своих менеджеров сначала
приносить свои извинения, а потом разбираться в сути проблемы». Стандарт 000,
§6: Клиенту нужно извиниться, немедленно заняться решением проблемы и
предоставить компенсацию.

Примеры
-------
Срабатывает:
- Новый стол привезём в субботу. || incoming=Стол приехал со сколом на столешнице!
- Отправление задерживается на сортировке, ожидаемая дата — 12 марта.
- Сломанный чайник заберём при доставке нового.
- Мы ошиблись при расчёте скидки, разницу вернём на карту.
- Новый стол привезём в субботу. || incoming=Столешница поцарапана, ножка шатается.
- Мастер приедет в четверг. || incoming=Через неделю на экране появилась полоса
- Курьер приехал позже обещанного, деньги за доставку вернём.
- Сожалеем, что так вышло. Новый стол привезём в субботу. || incoming=Стол приехал со сколом!
- Бонусы уже на счёте. || incoming=Привезли холодную пиццу спустя два часа.
- Новая запись на 12 мая. || incoming=Опять отменили тренировку, уже надоело.
- Подачу воды восстановим сегодня к 18:00.
Не срабатывает:
- Новый стол привезём в субботу. || incoming=Когда привезут стол?
- Простите за скол! Новый стол привезём в субботу. || incoming=Стол приехал со сколом на столешнице!
- Нам очень жаль, что так вышло. Новый стол привезём в субботу. || incoming=Стол приехал со сколом!
- Отправим заказ без задержек, завтра до 12:00.
- Новый стол привезём в субботу. || incoming=Хочу вернуть стол, передумала.
- Заказ приедет 2 мая. || incoming=Будут ли задержки с доставкой в праздники?
- В случае поломки обращайтесь в наш сервисный центр.
- Карта заблокирована после трёх неверных вводов ПИН-кода. || incoming=Почему моя карта заблокирована?
- Автоплатёж отключили, деньги вернём. || incoming=Списали за тариф, я забыла отключить автоплатёж.
- Чек не нужен, найдём покупку по телефону. || incoming=Хочу вернуть билет, но потеряла чек.
- Подтвердите, что посылка не пришла, и пришлите фото.
"""

from __future__ import annotations

from ..model import Severity
from ..rewrite import (
    Phrase,
    action_noun,
    antecedent,
    attribute_phrase,
    clause_tokens,
    noun_phrase,
    participle_phrase,
    render,
    sentence_word,
    templates,
    to_you,
)
from . import Rule
from ._clauses import (
    has_lemma,
    in_condition,
    is_question,
    lemma,
    lemmas,
    morph,
    negated,
    negated_span,
    speaker_ok,
    top_parse,
    union,
)
from ._clauses import words as _words
from ._ru import fold, parses

_LEX = "missing_apology"


def words(key: str) -> frozenset[str]:
    return _words(key, _LEX)


class MissingApology(Rule):
    __doc__ = __doc__
    id = "missing-apology"
    severity = Severity.ERROR
    seed = "000 §6, 003"

    def check(self, ctx):
        if has_apology(ctx):
            return
        problem = _draft_problem(ctx)
        if problem is not None:
            rewrite = _apology(ctx, [problem], incoming=False)
            span = _problem_span(problem)
            yield ctx.hit(
                span,
                message=f"Ответ признаёт проблему («{span.text}»), но в нём нет извинения",
                suggestion=None if rewrite else "Начните с извинения: «Извините, пожалуйста, за …»",
                rewrite=rewrite,
            )
            return
        complaint = _incoming_complaint(ctx.incoming_doc, strict=True)
        if complaint is None or _planned_stop_explained(ctx):
            return
        span = negated_span(complaint)
        sent = _first_sentence(ctx)
        if sent is None:
            return
        rewrite = _apology(ctx, _complaints(ctx.incoming_doc, strict=True), incoming=True)
        yield ctx.hit(
            sent,
            message=f"Клиент жалуется («{span.text}»), а в ответе нет извинения",
            suggestion=None if rewrite else "Начните ответ с извинения: «Извините, пожалуйста, за …»",
            rewrite=rewrite,
        )


def _planned_stop_explained(ctx) -> bool:
    """«Почему в доме нет газа с утра?» + «Подача газа приостановлена для
    плановой проверки»: the Клиент calmly reports a utility missing and the
    draft shows the stop was planned — a schedule, no failure to apologise
    for. Only when every complaint word of the message is the missing thing
    itself («нет газа») and the message has no «!», «??»."""
    incoming = ctx.incoming_doc
    if incoming is None or _emphatic_message(incoming):
        return False
    found = _complaints(incoming, strict=True)
    if not found or not all(lemma(t) in ("нет", "быть", "было") and _missing(t) for t in found):
        return False
    for sent in ctx.sentences:
        stop = [t for t in sent if (has_lemma(t, words("suspend_verbs")) or has_lemma(t, words("cancel_verbs"))
                                    or has_lemma(t, words("stop_nouns"))) and not negated(t)]
        if stop and any(has_lemma(t, words("planned_modifiers")) for t in sent) and speaker_ok(ctx, stop[0]):
            return True
    return False


# --- apology ---------------------------------------------------------------

def has_apology(ctx) -> bool:
    """The company apologises somewhere in the draft."""
    return any(is_apology(t) and (speaker_ok(ctx, t) or (
        not ctx.is_quoted(t) and (t.lower_ in words("apology_forms") or _carried(t)))) for t in ctx.doc)
    # «Вы написали, что посылка не пришла, — простите»: «простите» is said to
    # the Клиент even where the parse hangs it on the reported clause


def _carried(tok) -> bool:
    """An apology noun with its own verb just before it: «и примите наши
    извинения», «приносим свои извинения», «просим прощения» — said by the
    company even where the parse hangs it on a clause of the Клиент
    («Спасибо, что сообщили, и примите …»)."""
    if tok.pos_ != "NOUN" or not has_lemma(tok, words("apology_nouns")):
        return False
    carriers = words("apology_carriers")
    for t in tok.doc[max(tok.sent.start, tok.i - 6):tok.i]:  # «примите, пожалуйста, наши искренние извинения»
        if t.lower_ in carriers or (has_lemma(t, carriers) and (
                morph(t, "Mood") == "Imp" or morph(t, "Person") == "1" and morph(t, "Tense") != "Past")):
            return not negated(t)
    return False


def is_apology(tok) -> bool:
    if tok.is_punct or tok.is_space:
        return False
    if tok.lower_ in words("apology_forms"):
        return not _neg_before(tok)
    if lemmas(tok).isdisjoint(union(_LEX, "apology_verbs", "apology_reflexive", "apology_nouns",
                                    "pity", "guilty")):
        return False
    if has_lemma(tok, words("apology_verbs")) and tok.pos_ in ("VERB", "INTJ", "ADV", "X") \
            and morph(tok, "Mood") in ("Imp", "") and not tok.lower_.endswith(("ся", "сь")):
        return not _neg_before(tok)  # «Извините», «Простите нас»
    if has_lemma(tok, words("apology_reflexive")):
        if _neg_before(tok) or morph(tok, "Mood") == "Imp":
            return False  # «не извиняйтесь» is said to the Клиент
        if morph(tok, "Person") == "1" and morph(tok, "Tense") != "Past":
            return True  # «извиняюсь», «извиняемся»
        head = tok.head
        return morph(tok, "VerbForm") == "Inf" and head.i != tok.i and morph(head, "Person") == "1"
    if has_lemma(tok, words("apology_nouns")) and tok.pos_ == "NOUN":
        return not _neg_before(tok) and not any(c.lower_ == "без" for c in tok.children)
    if has_lemma(tok, words("pity")) and not _neg_before(tok):
        dat = [c for c in tok.children if morph(c, "Case") == "Dat" and c.pos_ in ("PRON", "NOUN")]
        return not dat or any(lemma(c) in ("мы", "я") for c in dat)
    if has_lemma(tok, words("guilty")) and not _neg_before(tok):
        return any(c.dep_.startswith("nsubj") and lemma(c) in ("мы", "я") for c in tok.children)
    return False


def _neg_before(tok) -> bool:
    """A «не»/«ни» that negates the apology word itself: before it («не
    извиняйтесь», «нам не жаль»). A «не» after it belongs to the clause that
    follows, even where the parse hangs it on the apology («Простите, что мы
    не сдержали обещание»)."""
    if any(c.lower_ in ("не", "ни") and tok.i - 3 <= c.i < tok.i for c in tok.children):
        return True
    return tok.i > tok.sent.start and tok.nbor(-1).lower_ == "не"


# --- complaint in the draft -----------------------------------------------

def _prevented(tok) -> bool:
    """«без задержек», «избежать неудобств», «не допустить ошибок»."""
    prevent = words("prevent_words")
    if any(c.lower_ in prevent for c in tok.children):
        return True
    if tok.dep_ == "conj" and tok.head.i != tok.i and _prevented(tok.head):
        return True  # «без размытости и дефектов»
    for k in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
        prev = tok.doc[k]
        if prev.lower_ in prevent:
            return True
        if prev.pos_ not in ("ADJ", "DET", "ADV"):
            break
    head = tok.head
    return head.i != tok.i and (has_lemma(head, prevent) or (negated(head) and lemma(head) == "допустить"))


def _hypothetical(tok) -> bool:
    """«может содержать ошибки»: a possibility, not a fact."""
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if lemma(node) in ("мочь", "смочь", "возможный", "возможно") and not negated(node):
            return True
    return False


def _counts(ctx, tok) -> bool:
    return (speaker_ok(ctx, tok) and not is_question(tok) and not in_condition(tok)
            and not _prevented(tok) and not _hypothetical(tok) and not _future(tok) and not _case_frame(tok)
            and not _asked_to_confirm(tok))


def _asked_to_confirm(tok) -> bool:
    """«Подтвердите, что посылка не пришла», «Опишите, какие детали
    повреждены»: the problem is in a clause the company asks the Клиент to
    confirm or describe — his claim, not the company's admission."""
    node = tok
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "obj", "advcl") and has_lemma(head, words("confirm_verbs")) \
                and morph(head, "Mood") == "Imp":
            return True
        node = head
    return False


def _case_frame(tok) -> bool:
    """A problem named as a case that may happen: «в случае поломки», «на
    случай задержки» (the noun hangs on «случай» with «в/на»), «при
    повреждении упаковки» (its own preposition «при»)."""
    if tok.pos_ != "NOUN":
        return False
    node = tok
    for _ in range(3):  # up a chain of genitives: «при обнаружении брака»
        if any(c.dep_ == "case" and c.lower_ in words("case_frame_preps") for c in node.children):
            return True
        head = node.head
        if head.i == node.i or node.dep_ != "nmod" or head.pos_ != "NOUN":
            return False
        if has_lemma(head, words("case_frame_nouns")) and (any(c.lower_ in ("в", "на") for c in head.children) or (
                head.i > 0 and tok.doc[head.i - 1].lower_ in ("в", "на"))):
            return True  # the parse may hang «в» elsewhere: «Подскажите, в случае поломки …»
        node = head
    return False


def _about_the_order(noun) -> bool:
    """«Задержка доставки», «Повреждение упаковки», «задержка» on its own —
    not a technical term qualified by something else («Задержка потока»)."""
    for c in noun.children:
        if c.dep_ == "nmod" and morph(c, "Case") == "Gen" and not any(x.dep_ == "case" for x in c.children):
            return has_lemma(c, words("order_nouns"))
    return True


def _draft_problem(ctx):
    for tok in ctx.doc:
        if tok.is_punct or tok.is_space:
            continue
        if _draft_problem_word(tok) and _counts(ctx, tok) and not _asked_for(ctx, tok):
            return tok
    return None


def _draft_problem_word(tok) -> bool:
    if tok.is_alpha and not tok.is_stop and _damaged_state(tok) and not negated(tok) and not _future(tok):
        return True  # «бракованную кофемашину», «экран поцарапан»
    if _own_mistake(tok):
        return True  # «мы ошиблись», «мы напутали с размером»
    if _later_than_agreed(tok):
        return True  # «Курьер приехал позже обещанного»
    if lemma(tok) == "тот" and (negated(tok) or _wrong_place(tok)) and _wrong_thing(tok):
        return True  # «Вам привезли не тот диван», «доставили не на тот адрес»
    if has_lemma(tok, words("owner_words")) and negated(tok) and _wrong_thing(tok) \
            and any(_delivered(t) for t in tok.sent):
        return True  # «Вам доставили не Ваш заказ»
    if _restored(tok):
        return True  # «Интернет в Вашем доме восстановим к 18:00»
    if _late_failure(tok):
        return True  # «Заказ не может быть доставлен в срок», «не успеем вовремя»
    if _complaint_handled(tok) or _cancelled_by_us(tok):
        return True  # «Претензия принята», «Для рассмотрения жалобы …», «Запись на 14.06 отменена»
    if _late_by(tok) or _out_of_order(tok):
        return True  # «будет готов на день позже», «вышла из строя печатная машина»
    if _our_fault(tok) or _done_wrong(tok) or _staff_slip(tok) or _charged_twice(tok) or _could_not(tok):
        return True  # «по нашей вине», «неверно оформил», «курьер забыл», «списались дважды», «не смог приехать»
    if lemmas(tok).isdisjoint(union(_LEX, "draft_problem_nouns", "draft_owned_nouns", "draft_problem_adjectives",
                                    "draft_problem_verbs", "draft_negated_verbs")):
        return False
    if tok.pos_ == "NOUN":
        neutral = words("neutral_modifiers")
        before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        if negated(tok) or any(has_lemma(c, neutral) for c in tok.children) or (
                before is not None and before.pos_ == "ADJ" and has_lemma(before, neutral)):
            return False  # «минимально возможная задержка»
        if has_lemma(tok, words("draft_problem_nouns")):
            return _about_the_order(tok) or _happened(tok)  # «Сбой почты вызван ошибкой провайдера»
        if has_lemma(tok, words("draft_owned_nouns")):
            owners = {lemma(c) for c in tok.children} & {"ваш", "наш"}
            if owners == {"ваш"} and has_lemma(tok, words("mistake_nouns")):
                return False  # «Это Ваша ошибка» blames the Клиент (blame-shifting); no apology «за Вашу ошибку»
            owned = bool(owners)
            in_order = any(c.dep_ == "nmod" and has_lemma(c, words("order_nouns"))
                           and any(x.lower_ == "в" for x in c.children) for c in tok.children)
            cause = any(x.lower_ in ("из-за", "по", "вследствие") for x in tok.children) and not has_lemma(
                tok, words("complaint_nouns"))  # «Из-за ошибки склада», not «заблокировал по жалобе» (a basis)
            return owned or in_order or cause or _happened(tok)
        return False
    if tok.pos_ in ("ADJ", "VERB") and morph(tok, "VerbForm") == "Part" or tok.pos_ == "ADJ":
        if has_lemma(tok, words("draft_problem_adjectives")):
            return True
    if tok.pos_ == "VERB":
        if has_lemma(tok, words("draft_problem_verbs")) and not negated(tok):
            if any(has_lemma(c, words("request_nouns")) for c in tok.children if c.dep_ == "obl"):
                return False  # «Заказ сдвинулся на завтра по Вашей просьбе»
            return morph(tok, "Mood") != "Imp"
        if has_lemma(tok, words("draft_negated_verbs")) and negated(tok) and not _own_absence(tok):
            return morph(tok, "Tense") == "Past" and morph(tok, "Person") != "1"
    return False


def _late_failure(tok) -> bool:
    """A deadline missed, in the draft: «в срок» / «вовремя» under a negated
    verb or modal — «Заказ не может быть доставлен в срок», «не сможем
    привезти вовремя» — not a condition or a question."""
    if tok.lower_ == "срок" and tok.i and tok.doc[tok.i - 1].lower_ == "в":
        pass
    elif tok.lower_ != "вовремя":
        return False
    node, steps = tok.head, 0
    while steps < 4:
        if node.pos_ in ("VERB", "AUX", "ADJ") and (negated(node) or _negated_modal(node)):
            return morph(node, "Mood") != "Imp" and not is_question(node) and not in_condition(node)
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    return False


def _complaint_handled(tok) -> bool:
    """The draft handles the Клиент's own complaint: «Претензия принята»,
    «Ваша жалоба зарегистрирована», «Для рассмотрения жалобы пришлите …» — a
    complaint noun in the singular that was received or is being considered,
    not complaints in general («Претензии принимаются по почте», «Жалоб не
    поступало»)."""
    if not has_lemma(tok, words("complaint_nouns")) or morph(tok, "Number") == "Plur" or negated(tok):
        return False
    head = tok.head
    if head.i == tok.i or not has_lemma(head, words("handling_words")) or negated(head):
        return False
    if head.pos_ == "NOUN":
        return tok.dep_ == "nmod" and morph(tok, "Case") == "Gen"
    perfective = morph(head, "Aspect") == "Perf" or morph(head, "Variant") == "Short"
    ours = morph(head, "Tense") == "Fut" and morph(head, "Person") == "1" and morph(head, "Number") == "Plur" \
        and tok.dep_ == "obj" and not in_condition(head) and not is_question(head)  # «Претензию примем после …»
    return tok.dep_ in ("nsubj", "nsubj:pass", "obj") and perfective and (morph(head, "Tense") != "Fut" or ours)


def _cancelled_by_us(tok) -> bool:
    """The company cancelled or moved what the Клиент had booked: «Запись на
    14.06 отменена», «Ваш рейс перенесён» — a short passive participle of a
    cancelling verb with a booking as its subject, or a stated past or present
    («визит переносится», «рейс отменили»), not at the Клиент's request («по
    Вашей просьбе») and not after a message that asked for it."""
    suspended = has_lemma(tok, words("suspend_verbs"))
    if not (has_lemma(tok, words("cancel_verbs")) or suspended) or negated(tok) or tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    short = morph(tok, "Variant") == "Short"
    stated = morph(tok, "VerbForm") == "Fin" and morph(tok, "Mood") == "Ind" and morph(tok, "Tense") in ("Past", "Pres")
    if not short and not stated:
        return False  # not «перенесём», «можно перенести», «перенесите»
    booked = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "obj")]
    if not booked or not (has_lemma(booked[0], words("booked_nouns")) or suspended and has_lemma(
            booked[0], words("served_nouns"))):
        return False  # «двойное начисление отменено» is good news
    if stated and any(c.dep_ == "nsubj" and lemma(c) in ("вы", "я") for c in tok.children):
        return False  # «Вы перенесли запись»
    if any(has_lemma(t, words("planned_modifiers")) for t in tok.sent):
        return False  # «Подача газа приостановлена для плановой проверки»: a schedule
    # a clause joined to the cancelling is the company's next step, not a
    # request («…отменена из-за работ, новую дату согласуем завтра»)
    joined = {c.i for c in tok.children if c.dep_ in ("parataxis", "conj")}
    return not any(has_lemma(t, words("on_request")) for t in tok.sent if t.i not in joined)


def _restored(tok) -> bool:
    """The company restores a utility, which admits it failed: «Интернет в
    Вашем доме восстановим к 18:00», «подачу воды возобновили» — stated, not
    asked, not in a condition, not after a planned stop («после плановых
    работ»)."""
    if not has_lemma(tok, words("restore_verbs")) or negated(tok) or in_condition(tok) or is_question(tok):
        return False
    if morph(tok, "Mood") == "Imp" or morph(tok, "VerbForm") == "Inf":
        return False
    near = [t for t in tok.sent if abs(t.i - tok.i) <= 6 and t.i != tok.i]
    if not any(has_lemma(t, words("utility_nouns")) and t.pos_ in ("NOUN", "PROPN") for t in near):
        return False
    return not any(has_lemma(t, words("planned_modifiers")) for t in tok.sent)


def _asked_for(ctx, tok) -> bool:
    """A cancellation the Клиент's message asked for («Отмените запись»)."""
    incoming = ctx.incoming_doc
    if incoming is None or not has_lemma(tok, words("cancel_verbs")):
        return False
    if any(has_lemma(t, words("cancel_verbs")) or has_lemma(t, words("cancel_nouns")) for t in incoming):
        return True
    # «хочу поменять дату доставки» → «Перенесли доставку на субботу»: the
    # Клиент asked for a change to the very booking that was moved
    booked = {lemma(c) for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "obj")}
    return bool(booked) and _requests(incoming) and any(lemma(t) in booked for t in incoming)


def _problem_span(tok):
    """What to report for a problem word of the draft: «не в то время», «По
    нашей вине», «не смог приехать», else the word with its «не»."""
    doc = tok.doc
    span = negated_span(tok)
    if lemma(tok) == "тот" and tok.i + 1 < len(doc):
        start = span.start - 2 if span.start >= 2 and doc[span.start - 1].pos_ == "ADP" \
            and doc[span.start - 2].lower_ == "не" else span.start
        return doc[start:tok.i + 2]
    if _our_fault(tok):
        start = tok.i
        while start - 1 >= tok.sent.start and (lemma(doc[start - 1]) == "наш" or doc[start - 1].lower_ == "по"):
            start -= 1
        return doc[start:tok.i + 1]
    if _could_not(tok):
        return doc[negated_span(tok.head).start:tok.i + 1]
    return span


def _our_fault(tok) -> bool:
    """«По нашей вине заказ ушёл на другой адрес», «это наша вина» — not «Это
    не наша вина»."""
    if tok.pos_ != "NOUN" or lemma(tok) != "вина" or negated(tok):
        return False
    own = [c for c in tok.children if lemma(c) == "наш"]
    return bool(own) and not any(negated(c) for c in own)


def _not_the_client(verb) -> bool:
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return not (subj and lemma(subj[0]) in ("вы", "ты", "я"))


def _done_wrong(tok) -> bool:
    """«Оператор неверно оформил заявку», «Сотрудник повёл себя некорректно»,
    «Вам выставили неправильный счёт» — someone other than the Клиент did
    it wrong, in the past."""
    if not has_lemma(tok, words("wrong_manner")) or negated(tok):
        return False
    verb = tok.head if tok.head.i != tok.i else tok
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        if tok.head.dep_ != "obj":
            return False  # «связаны с неправильным произношением» describes, it admits nothing
        verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or morph(verb, "Tense") != "Past" or morph(verb, "Mood") == "Cnd" \
            or morph(verb, "VerbForm") != "Fin":
        return False
    return _not_the_client(verb)


def _staff_slip(tok) -> bool:
    """«Курьер забыл положить соус», «Сборщик перепутал пакеты»: a mistake of
    the company's people."""
    if tok.pos_ not in ("VERB", "AUX") or not has_lemma(tok, words("own_mistake_verbs")) or negated(tok):
        return False
    parse = top_parse(tok)
    if morph(tok, "Tense") != "Past" and (parse is None or "past" not in parse.tag):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    return bool(subj) and has_lemma(subj[0], words("staff_nouns"))


def _charged_twice(tok) -> bool:
    """«Деньги списались дважды», «оплата прошла повторно»."""
    if tok.lower_ not in words("twice_words"):
        return False
    verb = tok.head
    if morph(verb, "Tense") != "Past" or negated(verb):
        return False
    # «Деньги списались дважды», or any verb with a charge as its subject or
    # object: «счёт пришёл дважды», «платёж провели повторно»
    return has_lemma(verb, words("charge_verbs")) or any(
        c.dep_ in ("nsubj", "nsubj:pass", "obj") and has_lemma(c, words("charge_nouns")) for c in verb.children)


def _could_not(tok) -> bool:
    """«Мастер не смог приехать в назначенное время»: a failure through a
    negated «смочь / успеть / удаться»."""
    if not has_lemma(tok, words("draft_negated_verbs")) or negated(tok) or morph(tok, "VerbForm") != "Inf":
        return False
    head = tok.head
    return head.i != tok.i and lemma(head) in ("смочь", "мочь", "успеть", "удаться") and negated(head) \
        and morph(head, "Tense") == "Past" and _not_the_client(head) and not any(
            lemma(c) in ("мы", "я") for c in head.children if c.dep_.startswith("nsubj"))


def _later_than_agreed(tok) -> bool:
    """«позже обещанного», «позднее назначенного срока» — not «не позже 18:00»."""
    if fold(tok.text) not in words("late_words") or negated(tok):
        return False
    nxt = [t for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 3)] if not t.is_punct]
    return bool(nxt) and has_lemma(nxt[0], words("agreed_words"))


def _wrong_thing(tok) -> bool:
    """«не тот диван», «не того цвета» — a noun follows, not «не в том дело»."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and lemma(nxt) not in ("дело", "суть", "смысл")


def _happened(noun) -> bool:
    """The mistake or problem is told as something that happened:
    «обнаружилась / произошла / закралась ошибка», «возникла проблема с
    оплатой», «была допущена ошибка», «мы допустили ошибку»."""
    head = noun.head
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if negated(head) or morph(head, "Mood") in ("Imp", "Cnd") or morph(head, "VerbForm") == "Inf":
        return False
    past = morph(head, "Tense") == "Past" or morph(head, "Variant") == "Short"
    if not past:
        return False
    if noun.dep_.startswith("nsubj") and has_lemma(head, _words("cause_predicates", "clauses")):
        # a cause given says it happened: «Сбой вызван ошибкой провайдера»; not a habit «Сбои обычно вызваны …»
        return morph(noun, "Number") != "Plur" and not any(has_lemma(t, words("habit_adverbs")) for t in head.children)
    if noun.dep_.startswith("nsubj") and has_lemma(head, words("occurrence_verbs") | words("commit_verbs")):
        return True
    if noun.dep_ == "obj" and has_lemma(head, words("commit_verbs")):
        subj = [c for c in head.children if c.dep_.startswith("nsubj")]
        return not subj or lemma(subj[0]) in ("мы", "я")
    return False


def _future(tok) -> bool:
    """«трансляция будет поломана»: a consequence foretold, not a fact."""
    before = tok.doc[max(tok.sent.start, tok.i - 2):tok.i]
    # «будет» as an auxiliary or just before; not a predicate of its own
    # («Курьер опоздал из-за пробок, будет через 20 минут»)
    aux = [c for c in tok.children if c.dep_ in ("aux", "aux:pass", "cop")]
    return any(lemma(c) == "быть" and (morph(c, "Tense") == "Fut" or c.lower_.startswith("буд"))
               for c in [*aux, *before])


def _own_mistake(tok) -> bool:
    """The company says it made a mistake: «мы ошиблись», «напутали с
    размером», «я забыл приложить чек»."""
    if tok.pos_ not in ("VERB", "AUX") or not has_lemma(tok, words("own_mistake_verbs")):
        return False
    if negated(tok) or morph(tok, "VerbForm") != "Fin" or is_question(tok):
        return False
    parse = top_parse(tok)
    if morph(tok, "Tense") != "Past" and (parse is None or "past" not in parse.tag):
        return False  # the tagger misses some pasts («напутали» as present)
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subj:
        return lemma(subj[0]) in ("мы", "я")
    return morph(tok, "Number") == "Plur" and tok.dep_ in ("ROOT", "conj", "parataxis") and not any(
        c.dep_ in ("obl", "iobj") and lemma(c) in ("вы", "ты") for c in tok.children)


def _damaged_state(tok, adjectives_key: str = "draft_problem_adjectives") -> bool:
    """A participle or adjective of a bad state, known by its lemma or by
    derivation: a passive participle of a damage verb («продавлен»,
    «поцарапанный», «сломан»), an adjective or participle made from a problem
    noun («брак» → «бракованный», «дефект» → «дефектный»)."""
    damage = words("damage_verbs")
    nouns = [n for n in words("problem_nouns") if len(n) >= 4]
    adj_suffixes = tuple(words("adjective_suffixes"))
    verb_suffixes = tuple(words("verb_suffixes"))
    for p in parses(tok):
        pos = p.tag.POS
        nf = fold(p.normal_form)
        if pos in ("PRTF", "PRTS"):
            if nf in damage or any(nf.startswith(n) and nf[len(n):] in verb_suffixes for n in nouns):
                return True
        elif pos in ("ADJF", "ADJS"):
            if nf in words(adjectives_key):
                return True
            if any(nf.startswith(n) and nf[len(n):] in adj_suffixes for n in nouns):
                return True
    return False


# --- complaint in the Клиент's message ------------------------------------

def _incoming_complaint(doc, strict: bool = False):
    """The first word that makes the Клиент's message a complaint, or None.
    ``strict``: a calm «Почему мне отказали / списали …?» asks the reason of
    a decision and needs no apology; for the other rules it is still a
    grievance (a consent recalled against it shifts the blame)."""
    found = _complaints(doc, strict)
    return found[0] if found else None


def _kept(tok, slip: bool, choice: bool, request: bool) -> bool:
    """Whether a complaint word stands in the message as a whole: after the
    Клиент's own slip («я забыла отключить автоплатёж») only rudeness, damage,
    distress or an outcry still complain; a judgement of taste in a return
    of choice («Можно сдать? Не понравились») is none; «ещё не отправлен» is
    the premise of a request («Хочу добавить …, он ещё не отправлен»)."""
    if slip and not _strong(tok):
        return False
    if choice and has_lemma(tok, words("taste_verbs")) and negated(tok):
        return False
    return not (request and _not_yet(tok))


def _strong(tok) -> bool:
    return (has_lemma(tok, words("rude_words") | words("upset_verbs")) or tok.lower_ in words("emotion_words")
            or _damaged_state(tok, "problem_adjectives") or _exclaimed(tok))


def _own_slip(doc) -> bool:
    """The Клиент tells his own slip: «я забыла отключить», «Я ошибся в
    адресе», «не проверила дату», «по своей невнимательности», «сама
    виновата», «моя ошибка» — said of himself, stated, not asked."""
    for tok in doc:
        if is_question(tok) and not _rhetorical(tok.sent) or in_condition(tok):
            continue
        if tok.pos_ in ("VERB", "AUX") and _mine(tok) and (
                has_lemma(tok, words("own_slip_verbs")) and not negated(tok)
                or has_lemma(tok, words("own_unchecked_verbs")) and negated(tok)):
            parse = top_parse(tok)
            if morph(tok, "Tense") == "Past" or (parse is not None and "past" in parse.tag):
                return True
        if tok.pos_ == "NOUN" and has_lemma(tok, words("own_slip_nouns")) and not negated(tok) and (any(
                lemma(c) in ("свой", "мой", "наш") for c in tok.children) or any(
                c.lower_ == "по" for c in tok.children) and _said_of_me(_verb_above(tok))):
            return True  # «по своей невнимательности», «моя ошибка», «я по ошибке отключил»
        if has_lemma(tok, words("own_slip_adjectives")) and not negated(tok) and any(
                lemma(c) in ("я", "сам", "сама", "мы") for c in tok.children):
            return True
    return False


def explained_no_complaint(doc) -> bool:
    """The message is what the constructions know as no complaint, whatever
    its words: the Клиент's own slip, a return by choice, his own thing
    brought for repair, a calm reminder of a promise («Мне обещали бесплатную
    настройку»). The second opinion defers to this."""
    if doc is None:
        return False
    if _own_slip(doc) or _choice_return(doc) or _repair_request(doc):
        return True
    return any((has_lemma(t, words("promise_verbs")) and morph(t, "Tense") == "Past") and not is_question(t)
               and not _broken(t) for t in doc) and not _complaints(doc, strict=True)


def _outcry(tok) -> bool:
    """Rudeness, distress or an exclamation: what still complains when the
    message is otherwise a request."""
    return (has_lemma(tok, words("rude_words") | words("upset_verbs")) or tok.lower_ in words("emotion_words")
            or _exclaimed(tok))


def _repair_request(doc) -> bool:
    """The Клиент brings his own broken thing to be repaired: «Возьмётесь
    починить синтезатор? Не включается», «Сломался домофон, можете
    починить?». The fault is the reason for the request, not a grievance,
    unless the message ties it to the company — «после вашего ремонта», «у
    вас купила», «снова течёт» — or the Клиент asks what to do about it."""
    asked = False
    for t in doc:
        if has_lemma(t, words("repair_verbs")) and not negated(t) and morph(t, "Tense") != "Past" and (
                is_question(t) or morph(t, "Mood") == "Imp"
                or any(has_lemma(a, words("repair_request_heads")) for a in t.ancestors)):
            asked = True
        if lemma(t) == "ваш" or t.lower_ in words("tie_words") or has_lemma(t, words("what_to_do_words")):
            return False
        if lemma(t) in ("вы", "у") and t.head.pos_ == "VERB" and morph(t.head, "Tense") == "Past":
            return False  # «вы поменяли», «купила у вас»
        if lemma(t) == "вы" and any(c.lower_ == "у" for c in t.children) and any(
                morph(v, "Tense") == "Past" for v in t.ancestors):
            return False
    return asked


def _mine(verb) -> bool:
    """The Клиент is the doer: «я» / «мы» as the subject, a 1st person, or a
    singular past with no subject («Забыл продлить подписку»)."""
    if _said_of_me(verb):
        return True
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if subj:
        return False
    if morph(verb, "Person") == "1":
        return True
    return morph(verb, "Tense") == "Past" and morph(verb, "Number") == "Sing"


def _choice_return(doc) -> bool:
    """The message asks calmly to return or exchange a purchase: «Можно сдать
    …?», «Хочу обменять …», «Верну куртку» — not a demand («Верните деньги,
    курс не понравился», «Требую возврата»)."""
    if any(has_lemma(t, words("demand_verbs")) or (morph(t, "Mood") == "Imp" and has_lemma(
            t, words("choice_return_words"))) for t in doc):
        return False
    return any(has_lemma(t, words("choice_return_words")) for t in doc)


def _requests(doc) -> bool:
    """The Клиент asks for something: «Хочу добавить …», «Прошу отменить …»,
    «Можно изменить …?», «нельзя ли …»."""
    for t in doc:
        if negated(t):
            continue
        if has_lemma(t, words("wish_verbs")) and (morph(t, "Person") == "1" or lemma(t) == "хотеться") \
                and morph(t, "Tense") != "Past":
            return True
        if lemma(t) in words("permission_words") and any(morph(c, "VerbForm") == "Inf" for c in t.children):
            return True
        if t.lower_ == "можно":
            return True
        if has_lemma(t, words("ask_verbs")) and (morph(t, "Mood") == "Imp" or t.lower_.endswith("те")):
            return True  # «подскажите трек», «уточните, пожалуйста»
    return False


def _not_yet(tok) -> bool:
    """«ещё не отправлен», «пока не передана»: not yet, not «всё ещё не»,
    «до сих пор», «так и не»."""
    if not negated(tok):
        return False
    near = tok.doc[max(tok.sent.start, tok.i - 3):tok.i]
    yet = [t for t in near if t.lower_ in ("ещё", "еще", "пока")]
    if not yet:
        return False
    return not any(t.lower_ in words("still_words") for t in tok.doc[max(tok.sent.start, yet[0].i - 2):yet[0].i])


def _exclaimed_statement(sent):
    """«Оператор положил трубку во время разговора!»: an exclamation that
    states what happened — not a greeting, thanks, praise or a request.
    Returns the verb that states it."""
    toks = [t for t in sent if not t.is_space]
    if not toks or "!" not in toks[-1].text or len(toks) < 4:
        return None
    if any(has_lemma(t, words("praise_words")) or has_lemma(t, words("request_words")) for t in toks):
        return None
    if any(has_lemma(t, words("praise_manner")) and not negated(t) and t.pos_ in ("ADV", "ADJ") for t in toks):
        return None  # «Мастер всё сделал очень аккуратно!»: the manner praised
    if any(morph(t, "Mood") == "Imp" for t in toks):
        return None
    return next((t for t in toks if _finite_not_mine(t)), None)


def _finite_not_mine(tok) -> bool:
    """A stated verb about somebody else (pymorphy3 when the tagger is lost)."""
    if not tok.is_alpha:
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subj and lemma(subj[0]) in ("я", "мы"):
        return False
    parse = top_parse(tok)
    if parse is None or parse.tag.POS != "VERB":
        return False
    tag = parse.tag
    return ("past" in tag or "pres" in tag) and "1per" not in tag


def _asks_reason(tok) -> bool:
    """«Почему мне отказали в рассрочке?» asks the reason of a decision."""
    return has_lemma(tok, words("decision_verbs")) and _plain_why(tok)


def _complaint_word(tok) -> bool:
    if _more_complaint(tok):
        return True
    if tok.is_alpha and not tok.is_stop and _damaged_state(tok, "problem_adjectives"):
        # «Диван продавлен», «пришёл поцарапанный», «Прислали бракованный чайник?!»,
        # not «Повреждённые товары вы меняете?» (a kind of goods asked about)
        if negated(tok) or _future(tok) or (_asked_kind(tok) and not any(_delivered(t) for t in tok.sent)):
            return False
        return True
    if _wants_money_back(tok):
        return True  # «хочу вернуть», «Верните деньги!», «требую возврата»
    if tok.pos_ == "NOUN" and has_lemma(tok, words("problem_nouns")):
        if negated(tok) or _prevented(tok) or _denied(tok) or _foreseen(tok) or _case_frame(tok) or _planned(tok) \
                or _penalised_for(tok):
            return False  # «Не будет проблем …?», «без задержек», «Будут ли задержки в праздники?»
        if any(c.lower_ == "по" for c in tok.children):  # «по ошибке» = by mistake: whose?
            return has_lemma(tok, words("error_nouns")) and _by_others(_verb_above(tok))
        return True
    if tok.pos_ in ("ADJ", "VERB") and has_lemma(tok, words("wrong_thing_adjectives")) and not negated(tok):
        if not _of_a_thing(tok):
            return False  # «не любит чужих», «чужие люди ходят»: strangers, not a wrong item
        return not is_question(tok) or any(_delivered(t) for t in tok.sent)
    if tok.pos_ in ("ADJ", "VERB", "ADV") and has_lemma(tok, words("problem_adjectives")) and not negated(tok):
        return not _asked_kind(tok) or any(_delivered(t) for t in tok.sent)
    if tok.pos_ in ("ADJ", "VERB") and has_lemma(tok, words("spoilt_states")) and not negated(tok) \
            and not any(has_lemma(t, words("praise_words")) for t in tok.sent) and not _future(tok):
        return not _asked_kind(tok) and not (is_question(tok) and not _rhetorical(tok.sent))
    if tok.lower_ in words("emotion_words") or (lemma(tok) in words("emotion_words") and tok.pos_ != "NOUN"):
        return True
    if tok.lower_ in words("barely_words") and not is_question(tok) and not in_condition(tok):
        return True  # «Интернет еле работает», «кофе был еле тёплый»
    if tok.lower_ == "а" and _reality_follows(tok):
        return True  # «на бирке 48, а по факту 44»
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        stated = morph(tok, "Mood") not in ("Imp", "Cnd") and not _really_infinitive(tok)
        mood_ok = (stated or _negated_modal(tok)) and not _polite(tok)
        attributive = morph(tok, "VerbForm") == "Part" and morph(tok, "Variant") != "Short"
        if has_lemma(tok, words("problem_verbs") | words("damage_verbs") | words("upset_verbs")) \
                and not negated(tok) and stated and not attributive \
                and not (is_question(tok) and morph(tok, "Tense") == "Fut" and not _rhetorical(tok.sent)) \
                and not _infinitive(tok) and not _feared(tok):
            subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
            if not subj and _own_loss(tok):
                return False  # «Хочу вернуть билет, но потеряла чек»: the Клиент lost it
            if not subj or lemma(subj[0]) not in ("я", "мы") or has_lemma(tok, words("upset_verbs")):
                return True
        if has_lemma(tok, words("negated_verbs")) and (negated(tok) or _negated_modal(tok)) and mood_ok \
                and not _own_absence(tok) and not _reported_decision(tok):
            return True
        if has_lemma(tok, words("negated_verbs_by_others")) and (negated(tok) or _negated_modal(tok)) and mood_ok:
            doer = tok.head if _negated_modal(tok) else tok
            subj = [c for c in doer.children if c.dep_.startswith("nsubj")]
            return bool(subj) and lemma(subj[0]) not in ("я", "мы")  # «Курьер не нашёл», not «Не смог найти»
        if has_lemma(tok, words("wait_verbs")) and _long_wait(tok):
            return True
    if tok.pos_ not in ("VERB", "AUX", "ADJ") and has_lemma(tok, words("problem_verbs") | words("damage_verbs")) \
            and not negated(tok) and _finite_not_mine(tok):
        return True  # the tagger lost the verb: «Ножка у стула отломилась»
    if _past_read_as_adjective(tok) and not negated(tok) and not is_question(tok):
        return True  # «Куртка полиняла» tagged as a short adjective
    if _below_promised(tok):
        return True  # «Скорость в три раза ниже заявленной», «дольше, чем обещали»
    if lemma(tok) == "тот" and negated(tok) and not _own_choice(tok):
        return True  # «не тот товар», «не того цвета»; not «Я заказал не тот размер»
    if tok.lower_ in ("вместо", "без") and _delivered(_verb_above(tok)) and not (
            tok.lower_ == "без" and tok.head.i != tok.i and has_lemma(tok.head, words("problem_nouns"))):
        # not «Посылка пришла без повреждений»: a problem absent
        return True  # «Вместо колы положили спрайт», «Привезли роллы без соуса»
    if lemma(tok) in ("нет", "быть", "было") and _missing(tok) and not (
            any(has_lemma(t, words("problem_nouns")) for t in tok.sent)
            and any(has_lemma(t, words("praise_words")) for t in tok.sent)):
        return True  # «Второй день нет интернета», «В заказе не было роллов»; not «не было проблем, всё отлично»
    if has_lemma(tok, words("delivery_verbs")) and _delivered(tok) and _bad_state(tok):
        return True  # «Пицца приехала перевёрнутой»
    if (has_lemma(tok, words("promise_verbs")) and morph(tok, "Tense") == "Past"
            or _verb_reading_past(tok, words("promise_verbs"))) and not is_question(tok) and _broken(tok):
        return True  # «обещали неделю», «а договаривались на 10», «Обещали вчера.» (tagged a name)
    if (_still_not(tok) or _time_passed(tok) or _already_for(tok)) and not any(has_lemma(t, words("praise_words")) for t in tok.sent):
        return True  # «до сих пор не готов», «Прошло уже 2 месяца»; not «До сих пор не было проблем, всё отлично!»
    if has_lemma(tok, words("double_words")) and tok.i + 1 < len(tok.doc) \
            and has_lemma(tok.doc[tok.i + 1], words("charge_nouns")) and not _prevented(tok.doc[tok.i + 1]) \
            and not any(has_lemma(t, words("prevent_words")) for t in tok.sent):
        return True  # «двойное начисление за воду», not «Как избежать двойного списания?»
    if has_lemma(tok, words("expectation_verbs")) and morph(tok, "Tense") == "Past" and _contrasted(tok):
        return True  # «а я заказывал 42», «хотя я писала про аллергию»
    if tok.lower_ in ("раз",) and any(morph(c, "NumType") == "Ord" or lemma(c) in ("второй", "третий", "который")
                                       for c in tok.children):
        if any(has_lemma(t, words("praise_words")) for t in tok.sent):
            return False  # «Второй раз заказываю у вас, всё отлично!»
        # «Третий раз пишу по одному вопросу»: contacting again and again
        return _exclaimed(tok) or any(has_lemma(t, words("contact_verbs")) and morph(t, "Tense") != "Past"
                                      and morph(t, "Person") == "1" for t in tok.sent)
    if tok.lower_ in ("опять", "снова"):
        # «Вы снова перенесли доставку»: again, something was done to the Клиент
        if any(has_lemma(t, words("praise_words")) for t in tok.sent):
            return False  # «Снова здравствуйте!», «Опять всё отлично!»
        return _exclaimed(tok) or (not is_question(tok) and any(
            t.pos_ == "VERB" and morph(t, "Tense") == "Past" and lemma(t) not in ("быть",) and _done_to_me(t)
            for t in tok.sent))
    if tok.lower_ in ("больше", "дороже") and any(t.lower_ == "чем" for t in tok.sent):
        return _exclaimed(tok)  # «списали больше, чем положено!»
    if tok.lower_ == "долго" and any(c.lower_ in ("так", "слишком", "очень") for c in tok.children):
        return True
    if tok.pos_ == "NOUN" and has_lemma(tok, words("symptom_nouns")) and _appeared(tok):
        return True  # «на экране появилась полоса», «пошёл дым»
    if tok.pos_ == "NOUN" and has_lemma(tok, words("foreign_nouns")) and _found(tok):
        return True  # «В салате попалась косточка»
    if _malfunction(tok):
        return True  # «Наушники шипят и отключаются»
    if _someone_forgot(tok):
        return True  # «Сборщик забыл положить хлеб», «забыли привезти соус»
    if _came_late_by(tok):
        return True  # «Врач принял на сорок минут позже»
    if _charged_twice(tok):
        return True  # «счёт пришёл дважды», «платёж провели повторно»
    if _fails(tok):
        return True  # «Окно не закрывается», «ключ не подходит», «Вы так и не ответили»
    if _worse_change(tok):
        return True  # «Цепочка потемнела через неделю», «краска пожелтела»
    if _not_as_ordered(tok):
        return True  # «Очки сделали не по рецепту», «собрали не по схеме»
    if tok.lower_ == "без" and _unasked(tok):
        return True  # «перенесли доставку без предупреждения»
    if _unmet_duty(tok):
        return True  # «Заказ должен был прийти вчера»
    if _innocent(tok):
        return True  # «Я ничего не нарушал!», «Я эту подписку не подключал»
    if _wrong_place(tok) and not _own_choice(tok):
        return True  # «Доставили не в тот подъезд», «отправили не туда»
    if tok.lower_ == "сколько" and _how_long_still(tok):
        return True  # «Сколько можно ждать?»
    if _sarcastic(tok):
        return True  # «Спасибо за «быструю» доставку»
    return _s15_complaint(tok)


def _s15_complaint(tok) -> bool:
    """Complaints of session 15: a booking cancelled by the company, a thing
    that is not the Клиент's, a penalty charged, coming back without one's
    things."""
    if _cancelled_on_me(tok):
        return True  # «Второй урок подряд отменяют», «Мне отменили запись»
    if has_lemma(tok, words("owner_words")) and negated(tok) and _wrong_thing(tok) \
            and any(_delivered(t) for t in tok.sent):
        return True  # «Курьер доставил не мой заказ»
    if _penalty_charged(tok):
        return True  # «Почему у меня начислены пени? Я плачу вовремя!»
    return tok.lower_ == "без" and _came_back_without(tok)  # «Сын вернулся из лагеря без куртки»


def _broken(promise) -> bool:
    """A promise recalled as broken: shouted, set against what happened («а»,
    «но», «хотя»), for a time gone by («обещали вчера», «ещё в мае») or a
    span («обещали неделю») — not a calm reminder of what was promised
    («оператор обещал мне скидку на полгода», «вы обещали прислать превью до
    праздников»)."""
    sent = promise.sent
    if _exclaimed(promise) or any(t.lower_ in words("contrast_words") for t in sent):
        return True
    if any(has_lemma(t, words("past_time_words")) or t.lower_ in words("past_time_words") for t in sent):
        return True
    return any(c.dep_ in ("obj", "obl") and lemma(c) in words("time_units") and not any(
        x.dep_ == "case" for x in c.children) for c in promise.children)  # «обещали неделю»


def _own_loss(verb) -> bool:
    """A transitive verb of loss or damage with no subject in the singular past
    or the 1st person: «потеряла чек», «разбил экран» — the Клиент's own
    doing, not «потеряли посылку» (plural: somebody else)."""
    return has_lemma(verb, words("own_damage_verbs")) and not fold(verb.lower_).endswith(("ся", "сь")) \
        and _mine(verb)


def _reported_decision(verb) -> bool:
    """«Вы написали, что скидку не дадите»: a negated future in a clause that
    reports somebody's words is a decision told, not a failure that happened
    (unless shouted)."""
    if morph(verb, "Tense") != "Fut" and not (morph(verb, "Aspect") == "Perf" and morph(verb, "Tense") == "Pres"):
        return False
    head = verb.head
    return verb.dep_ in ("ccomp", "conj") and head.i != verb.i and has_lemma(head, words("report_verbs")) \
        and not _exclaimed(verb)


def _cancelled_on_me(tok) -> bool:
    """The company cancelled what the Клиент booked: «Второй урок подряд
    отменяют», «Мне отменили запись», «Рейс аннулировали» — stated (past or
    present), not by the Клиент («я отменила заказ»), not at his request («по
    моей просьбе»), not a plain question («Почему отменили рейс?»)."""
    if tok.pos_ not in ("VERB", "AUX") or not has_lemma(tok, words("cancel_only_verbs")) or negated(tok):
        return False
    if morph(tok, "VerbForm") != "Fin" or morph(tok, "Mood") != "Ind" or morph(tok, "Tense") not in ("Past", "Pres"):
        return False
    parse = top_parse(tok)
    other = parse is not None and ("2per" in parse.tag or "3per" in parse.tag)  # «отменяете» mis-tagged as a past
    if in_condition(tok) or (is_question(tok) and not _emphatic_message(tok.doc)) or (_mine(tok) and not other) \
            or (parse is not None and "1per" in parse.tag):
        return False  # «Отменила занятие заранее», «так поздно отменяю запись»
    booked = [c for c in tok.children if c.dep_ in ("obj", "nsubj", "nsubj:pass")]
    if not any(has_lemma(c, words("booked_nouns")) for c in booked):
        return False
    if any(has_lemma(t, words("on_request")) for t in tok.sent):
        return False
    # done to the Клиент, again, or shouted — not a flight cancelled by an
    # airline in a story that asks for something else («отменили рейс, хочу вернуть полис»)
    return _exclaimed(tok) or any(t.lower_ in words("again_markers") or has_lemma(t, words("ordinal_words"))
                                  for t in tok.sent) or any(
        c.dep_ in ("iobj", "obl") and lemma(c) in ("я", "мы") and morph(c, "Case") == "Dat" for c in tok.children)


def _penalised_for(noun) -> bool:
    """«штраф за просрочку», «пени за задержку оплаты»: the Клиент's own
    lapse a penalty is for — the complaint, if any, is the penalty."""
    return any(c.dep_ == "case" and c.lower_ == "за" for c in noun.children) and noun.head.i != noun.i \
        and has_lemma(noun.head, words("penalty_nouns"))


def _of_a_thing(adj) -> bool:
    """The adjective qualifies a thing: «чужой заказ», «Заказ чужой!» — not
    a person («чужие люди») and not standing for one («не любит чужих»)."""
    if adj.head.pos_ in ("NOUN", "PROPN") and adj.head.i != adj.i:
        return morph(adj.head, "Animacy") != "Anim"  # «Заказ чужой!» is parsed as a modifier too
    return not adj.dep_.startswith(("obj", "nsubj", "obl", "iobj"))


def _penalty_charged(tok) -> bool:
    """A penalty charged to the Клиент, stated: «начислены пени», «выставили
    штраф», «пришёл штраф» — the charging verb is the complaint word, so a
    calm «Почему начислены пени?» still asks the reason (strict mode)."""
    if tok.pos_ not in ("VERB", "AUX") or not has_lemma(tok, words("penalty_verbs")) or negated(tok):
        return False
    if not any(c.dep_ in ("obj", "nsubj", "nsubj:pass") and (has_lemma(c, words("penalty_nouns")) or fold(
            c.lower_) in words("penalty_nouns")) for c in tok.children):
        return False
    if in_condition(tok) or _future(tok) or morph(tok, "Tense") == "Fut" or morph(tok, "Mood") in ("Imp", "Cnd"):
        return False
    if morph(tok, "VerbForm") == "Inf":
        return False  # «Прошу списать пени»: asked for, not done
    if is_question(tok) and not _rhetorical(tok.sent):
        return False  # «Будет ли начислен штраф?»
    return not _said_of_me(tok)


def _came_back_without(tok) -> bool:
    """«Сын вернулся из лагеря без куртки», «Ребёнок пришёл из сада без
    шапки»: somebody came back without his things — not «без проблем», «без
    опозданий», «без предупреждения» (another class), nor «я вернулся без
    покупки»."""
    noun = tok.head
    if noun.i == tok.i or noun.pos_ not in ("NOUN", "PROPN") or has_lemma(noun, words("problem_nouns")) \
            or has_lemma(noun, words("unasked_nouns")):
        return False
    verb = _verb_above(tok)
    if not has_lemma(verb, words("arrival_verbs")) or negated(verb) or morph(verb, "Tense") != "Past":
        return False
    if in_condition(verb) or (is_question(verb) and not _rhetorical(verb.sent)):
        return False
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return bool(subj) and lemma(subj[0]) not in ("я", "мы") and subj[0].pos_ in ("NOUN", "PROPN") \
        and morph(subj[0], "Animacy") == "Anim"


def _more_complaint(tok) -> bool:
    """Complaints of session 13: fraud, something late by a long time after
    the fact, a count short of the order, somebody else's mistake, what came
    instead of what was due, a parcel sent back."""
    if tok.pos_ == "NOUN" and has_lemma(tok, words("fraud_nouns")):
        return _fraud(tok)  # «Это мошенничество», «мошенники оплатили покупки»
    if _late_after(tok):
        return True  # «привезли спустя два часа», «перезвонил только через три дня»
    if _count_short(tok):
        return True  # «Заказывала 10 роз, а в букете 7»
    if tok.lower_ in words("error_manner") and not negated(tok):
        return _by_others(_verb_above(tok))  # «Деньги ошибочно списали с другой карты»
    if tok.lower_ == "вместо" and _instead(tok):
        return True  # «Скорость 5 Мбит вместо 100!», «одна кровать вместо двух»
    if has_lemma(tok, words("refuse_verbs")) and tok.pos_ in ("VERB", "AUX") and _stated_past(tok) \
            and not (is_question(tok) and not _emphatic_message(tok.doc)):
        subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
        return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN") and not _said_of_me(tok)  # «Сотрудник отказался принять»
    if has_lemma(tok, frozenset({"другой", "иной"})) and _one_and_another(tok):
        return True  # «На сайте одна цена, а в чеке другая»
    return _sent_back(tok)  # «Посылку отправили обратно отправителю»


def _plain_why(tok) -> bool:
    """A calm «Почему / Зачем / Отчего …?» — one question mark, no «!», no
    «??» — asks the reason."""
    if not is_question(tok):
        return False
    sent = tok.sent
    toks = [t for t in sent if not t.is_space]
    why = words("why_words") - {"сколько"}
    if not any(t.lower_ in why for t in toks) or any(
            a.lower_ == "за" and b.lower_ == "что" and b.i == a.i + 1 for a, b in zip(toks, toks[1:])):
        return False  # «За что …?» reproaches: what did I do to deserve it
    return not _emphatic_message(tok.doc)  # «Почему мне отказали? Я же потерял работу!» protests


def _emphatic_message(doc) -> bool:
    text = doc.text.replace(" ", "")
    return "!" in text or "??" in text


def _one_and_another(tok) -> bool:
    """«одна цена, а в чеке другая», «в приложении одно, а на кассе другое»:
    two things that should agree do not."""
    doc = tok.doc
    if negated(tok) or in_condition(tok) or (is_question(tok) and not _rhetorical(tok.sent)):
        return False
    before = doc[tok.sent.start:tok.i]
    contrast = [t for t in before if t.lower_ == "а"]
    return bool(contrast) and any(has_lemma(t, frozenset({"один"})) and t.i < contrast[-1].i for t in before)


def _planned(noun) -> bool:
    """«плановое отключение», or a stop the Клиент asks to move («Можно
    перенести отключение?»): a schedule, not a failure."""
    if any(has_lemma(c, words("planned_modifiers")) for c in noun.children):
        return True
    head = noun.head
    return head.i != noun.i and noun.dep_ == "obj" and has_lemma(head, words("reschedule_verbs")) \
        and morph(head, "VerbForm") == "Inf"


def _by_others(verb) -> bool:
    """A past verb done by somebody other than the Клиент, stated: «Оператор
    по ошибке закрыл заявку», «по ошибке отдали соседке»."""
    if verb.pos_ not in ("VERB", "AUX") or negated(verb) or in_condition(verb):
        return False
    parse = top_parse(verb)
    if morph(verb, "Tense") != "Past" and (parse is None or "past" not in parse.tag):
        return False
    if is_question(verb) and not _rhetorical(verb.sent):
        return False
    if _said_of_me(verb):
        return False
    return _done_to_me(verb)


def _said_of_me(verb) -> bool:
    """«я» / «мы» is a subject of the verb, or stands just before it (the
    parse may give the verb a second subject: «добрый день, я по ошибке
    отключил …»)."""
    if any(c.dep_.startswith("nsubj") and lemma(c) in ("я", "мы") for c in verb.children):
        return True
    return any(lemma(t) in ("я", "мы") and morph(t, "Case") == "Nom"
               for t in verb.doc[max(verb.sent.start, verb.i - 4):verb.i])


def _really_infinitive(tok) -> bool:
    """The tagger's infinitive, unless pymorphy3 reads the word otherwise
    («чайник потёк» tagged as an infinitive)."""
    if morph(tok, "VerbForm") != "Inf":
        return False
    parse = top_parse(tok)
    return parse is None or parse.tag.POS == "INFN"


def _fraud(noun) -> bool:
    """Fraud stated, not asked about or guarded against («Как защититься от мошенников?»)."""
    if negated(noun) or in_condition(noun) or (is_question(noun) and not _rhetorical(noun.sent)):
        return False
    return not any(has_lemma(t, words("protect_words")) or t.lower_ in words("protect_words") for t in noun.sent
                   if t.i < noun.i)


def _late_after(tok) -> bool:
    """A past deed late by a long time: «привезли спустя два часа»,
    «перезвонил только / лишь через три дня» — not «приедет через час»."""
    if lemma(tok) not in words("time_units"):
        return False
    doc = tok.doc
    case = [c for c in tok.children if c.dep_ == "case"]
    if not case:
        return False
    prep = case[0]
    if prep.lower_ in words("after_preps"):
        pass
    elif prep.lower_ == "через" and any(t.lower_ in words("only_words")
                                         for t in doc[max(tok.sent.start, prep.i - 2):prep.i]):
        pass
    else:
        return False
    if any(has_lemma(t, words("praise_words")) for t in tok.sent):
        return False
    return _by_others(_verb_above(tok)) or (_verb_above(tok).pos_ in ("VERB", "AUX") and _stated_past(_verb_above(tok))
                                            and not _mine(_verb_above(tok)))


def _stated_past(verb) -> bool:
    parse = top_parse(verb)
    past = morph(verb, "Tense") == "Past" or (parse is not None and "past" in parse.tag)
    return past and not negated(verb) and not in_condition(verb) and not (
        is_question(verb) and not _rhetorical(verb.sent))


def _number(tok):
    """The value of a numeral written in digits or in words, else None."""
    if tok.text.isdigit():
        return int(tok.text)
    ordered = list(_number_words())
    for form in lemmas(tok) | {lemma(tok), fold(tok.lower_)}:
        if form in ordered:
            return ordered.index(form) + 1
    return None


def _number_words():
    from ..lexicon import load
    return [fold(w) for w in load(_LEX)["number_words"]]


def _count_short(tok) -> bool:
    """An ordered count set against a smaller one that came: «Заказывала 10
    роз, а в букете 7», «Оплатил пять билетов, пришло четыре»."""
    if not has_lemma(tok, words("order_verbs")) or negated(tok) or not _stated_past(tok):
        return False
    ordered, end = None, tok.i + 1
    for c in tok.children:
        if c.dep_ not in ("obj", "obl", "nsubj:pass"):
            continue
        for n in [c, *c.children]:
            if n.pos_ == "NUM" or n.dep_.startswith("nummod"):
                ordered = _number(n)
                if ordered is not None:
                    break
        if ordered is not None:
            end = max(t.i for t in c.subtree) + 1
            break
    if ordered is None:
        return False
    if any(has_lemma(t, words("praise_words")) for t in tok.doc[end:]):
        return False
    for t in tok.doc[end:min(len(tok.doc), end + 12)]:
        if t.pos_ != "NUM" and not t.text.isdigit() and _number(t) is None:
            continue
        if t.pos_ not in ("NUM", "ADJ", "DET", "PRON") and not t.text.isdigit():
            continue
        if has_lemma(t.head, words("time_units") | words("since_words")):
            continue
        got = _number(t)
        if got is not None and got < ordered:
            return True
    return False


def _instead(tok) -> bool:
    """«Скорость 5 Мбит вместо 100!», «одна кровать вместо двух», «Заплатил
    3000 вместо 2000» — stated; not a request («Можно вместо курьера
    самовывоз?», «Хочу вместо синего зелёный»), nor the Клиент's own choice
    («Я выбрал самовывоз вместо доставки»)."""
    sent = tok.sent
    if in_condition(tok) or (is_question(tok) and not _rhetorical(sent)):
        return False
    if any(morph(t, "Mood") == "Imp" or has_lemma(t, words("request_words")) or has_lemma(t, words("praise_words"))
           for t in sent):
        return False
    return not _own_choice(tok)


def _sent_back(tok) -> bool:
    """A parcel sent back: «посылка вернулась отправителю», «отправили
    обратно», «уехал назад к продавцу» — not by the Клиент, not asked for."""
    if not has_lemma(tok, words("sent_back_verbs")) or tok.pos_ not in ("VERB", "AUX") or not _stated_past(tok):
        return False
    back = words("back_words")
    doc = tok.doc
    if not any((has_lemma(t, back) or t.lower_ in back) and not (
            t.i > 0 and has_lemma(doc[t.i - 1], words("time_units")))  # «пять дней назад» is «ago»
            for t in tok.children):
        return False
    if any(has_lemma(t, words("request_words")) for t in tok.sent):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subj:
        return lemma(subj[0]) not in ("я", "мы")
    # «посылка вернулась» (the parse may hang the subject elsewhere) or «отправили»
    return morph(tok, "Number") == "Plur" or (tok.lower_.endswith(("ся", "сь")) and morph(tok, "Person") != "1")


def _own_choice(tok) -> bool:
    """«Я купил билет не на тот ряд», «случайно заказал не тот размер»: the
    Клиент's own slip, a request to fix it, not a complaint."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.head.i == node.i:
            return False
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return False
    subj = [c for c in node.children if c.dep_.startswith("nsubj")]
    if subj:
        return lemma(subj[0]) in ("я", "мы")
    return morph(node, "Person") == "1" or any(c.lower_ == "случайно" for c in node.children)


def _past_read_as_adjective(tok) -> bool:
    """A past verb of a bad outcome that the tagger took for a short
    adjective («полиняла», «облезла»): pymorphy3's verb reading decides."""
    if tok.pos_ != "ADJ" or morph(tok, "Variant") != "Short":
        return False
    wanted = words("problem_verbs") | words("damage_verbs")
    return any(p.tag.POS == "VERB" and "past" in p.tag and fold(p.normal_form) in wanted for p in parses(tok))


def _below_promised(tok) -> bool:
    """A comparative measured against what was promised: «ниже заявленной»,
    «дороже указанной», «дольше, чем обещали» — stated, not asked."""
    if morph(tok, "Degree") != "Cmp" and not any(p.tag.POS == "COMP" for p in parses(tok)[:1]):
        return False
    if negated(tok) or in_condition(tok) or (is_question(tok) and not _rhetorical(tok.sent)):
        return False
    doc = tok.doc
    nxt = [t for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 5)] if not t.is_punct]
    if nxt and nxt[0].lower_ == "чем":
        nxt = nxt[1:]
        if nxt and nxt[0].pos_ == "ADP":
            nxt = nxt[1:]  # «больше, чем в прошлом месяце»
    if nxt and has_lemma(nxt[0], words("usual_words")):
        return fold(tok.text) not in words("late_words")  # «дороже обычного», not the schedule «позже обычного»
    return bool(nxt) and has_lemma(nxt[0], words("agreed_words"))


def _verb_reading_past(tok, wanted) -> bool:
    """A past-tense verb of ``wanted`` by pymorphy3 when the tagger, misled by
    the capital at the start of a sentence, took it for a name («Обещали вчера.»)."""
    if tok.pos_ != "PROPN" or tok.i != tok.sent.start:
        return False
    return any(p.tag.POS == "VERB" and "past" in p.tag and p.normal_form in wanted for p in parses(tok))


def _still_not(tok) -> bool:
    """«до сих пор не готов», «всё ещё не отправлен»: a wait not over."""
    doc = tok.doc
    if tok.lower_ in ("ещё", "еще") and tok.i > tok.sent.start and doc[tok.i - 1].lower_ in ("всё", "все"):
        return any(t.lower_ in ("не", "нет") for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 3)]) \
            and not is_question(tok) and not in_condition(tok)
    if tok.lower_ != "пор" or tok.i < 2 or doc[tok.i - 1].lower_ != "сих" or doc[tok.i - 2].lower_ != "до":
        return False
    return any(t.lower_ in ("не", "нет", "ни") for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 4)])


def _time_passed(tok) -> bool:
    """«Прошло уже 2 месяца», «прошла уже неделя»: time gone by waiting."""
    if lemma(tok) != "пройти" or morph(tok, "Tense") != "Past" or negated(tok):
        return False
    near = tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 5)]
    return any(t.lower_ == "уже" for t in near) and any(lemma(t) in words("time_units") for t in near)


def _ordinal(tok) -> bool:
    return tok.pos_ == "ADJ" and has_lemma(tok, words("ordinal_words"))


def _reality_follows(tok) -> bool:
    """«…, а по факту 44», «а на деле — 10 Мбит»: reality set against a promise."""
    rest = " ".join(t.lower_ for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 5)])
    return any(rest.startswith(marker) for marker in words("reality_markers"))


def _already_for(tok) -> bool:
    """«телефон в ремонте уже три недели», «болит уже пятый день»: a state that
    has lasted — «уже» next to a counted time unit — in a message with no
    1st-person present verb («Пользуюсь вашими услугами уже пять лет»)."""
    if lemma(tok) not in words("time_units"):
        return False
    near = tok.doc[max(tok.sent.start, tok.i - 3):tok.i]
    counted = any(c.pos_ == "NUM" or morph(c, "NumType") == "Ord" or c.dep_ == "nummod" or _ordinal(c)
                  for c in tok.children)
    if not counted:
        # «кружит уже час», «Лифт стоит уже неделю»: one unit, right after «уже»,
        # in a sentence that is not about the Клиент («Я ваш клиент уже год»)
        prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        if prev is None or prev.lower_ != "уже" or morph(tok, "Number") != "Sing" or any(
                c.dep_ == "case" for c in tok.children) or any(
                lemma(t) in ("я", "мы") and t.dep_.startswith("nsubj") for t in tok.sent):
            return False
    if any(t.lower_ in ("назад", "через") for t in tok.sent):
        return False
    if not any(t.lower_ == "уже" for t in near):
        # «Третий день сижу без интернета», «везут вторую неделю»: an ordinal
        # count of days in the accusative, no preposition («на третий день»)
        if not (any(_ordinal(c) for c in tok.children) and morph(tok, "Case") == "Acc"
                and not any(c.dep_ == "case" for c in tok.children)):
            return False
        return not any(has_lemma(t, words("praise_words")) for t in tok.sent)
    return not any(t.pos_ == "VERB" and _first_present(t) and not negated(t) for t in tok.sent)


def _first_present(verb) -> bool:
    """A 1st-person present, by the tagger or by pymorphy3 («Пользуюсь»
    tagged as a gerund)."""
    if morph(verb, "Person") == "1" and morph(verb, "Tense") == "Pres":
        return True
    parse = top_parse(verb)
    return parse is not None and "1per" in parse.tag and "pres" in parse.tag


def _infinitive(tok) -> bool:
    """An infinitive by pymorphy3 when the tagger took it for something else
    («Как забанить спамера?»)."""
    parse = top_parse(tok)
    return parse is not None and parse.tag.POS == "INFN"


def _rhetorical(sent) -> bool:
    """A question that reproaches: «Почему …?», «За что …?», «Зачем …?»."""
    toks = [t for t in sent if not t.is_space]
    why = words("why_words") - {"сколько"}
    if "??" in "".join(t.text for t in toks) or "?!" in "".join(t.text for t in toks):
        return True  # «Посылка вернулась отправителю??»
    return any(t.lower_ in why for t in toks) or any(
        a.lower_ == "за" and b.lower_ == "что" and b.i == a.i + 1 for a, b in zip(toks, toks[1:])) or any(
        t.lower_ == "сколько" and _how_long_still(t) for t in toks)


def _feared(tok) -> bool:
    """A problem the Клиент fears might happen: «Боюсь, что пропадут данные»,
    «Переживаю, не сломается ли …» — a worry to answer, not a complaint."""
    if morph(tok, "Tense") == "Past":
        return False
    head, steps = tok.head, 0
    while head.i != tok.i and steps < 4:
        if has_lemma(head, words("worry_verbs")):
            return True
        if head.head.i == head.i:
            break
        head, steps = head.head, steps + 1
    return False


def _foreseen(tok) -> bool:
    """A problem asked about in advance: «Будут ли задержки в праздники?»,
    «Бывают ли перебои?» — not «Почему опять задержка?»."""
    if not is_question(tok) or _rhetorical(tok.sent):
        return False
    near = [t for t in tok.sent if abs(t.i - tok.i) <= 4 and t.i != tok.i]
    doc = tok.doc
    return any(has_lemma(t, words("foresee_words")) or (lemma(t) == "быть" and (
        morph(t, "Tense") == "Fut" or t.lower_.startswith("буд"))) or (
        lemma(t) == "мочь" and not negated(t) and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("ли", "быть"))
        for t in near)


def _appeared(noun) -> bool:
    """The symptom appeared: «появилась полоса», «пошёл дым» (stated, not asked about in advance)."""
    head = noun.head
    if head.i == noun.i or not has_lemma(head, words("appear_verbs")) or negated(head):
        return False
    if morph(head, "Mood") in ("Imp", "Cnd") or morph(head, "VerbForm") == "Inf":
        return False
    return noun.dep_.startswith("nsubj") and not (is_question(noun) and morph(head, "Tense") == "Fut")


def _done_to_me(verb) -> bool:
    """A past verb whose doer is not the Клиент: a subject other than «я /
    мы», or a plural with none («перенесли»); «Снова заказала у вас» is his own."""
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if subj:
        return lemma(subj[0]) not in ("я", "мы")
    return morph(verb, "Number") == "Plur"


def _found(noun) -> bool:
    """A foreign body found: «попалась косточка», «нашла в супе волос»."""
    head = noun.head
    if head.i == noun.i or not has_lemma(head, words("found_verbs") | words("appear_verbs")) or negated(head):
        return False
    if is_question(noun) or morph(head, "VerbForm") == "Inf" or morph(head, "Mood") == "Imp":
        return False
    return noun.dep_.startswith("nsubj") or noun.dep_ == "obj"


def _malfunction(tok) -> bool:
    """«Наушники шипят и отключаются», «Приложение вылетает» — stated, not a
    how-to question («Как отключается автоплатёж?»)."""
    if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or not has_lemma(tok, words("malfunction_verbs")):
        return False
    parse = top_parse(tok)
    if parse is None or parse.tag.POS != "VERB" or "impr" in parse.tag or negated(tok) or in_condition(tok):
        return False
    if is_question(tok) and not _rhetorical(tok.sent) and not _stated_before_question(tok):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    return not (subj and lemma(subj[0]) in ("я", "мы"))


def _fails(tok) -> bool:
    """Something or somebody other than the Клиент does not do what it should,
    stated: a negated finite verb in the present or past whose subject is not
    «я»/«мы» — «Окно не закрывается», «Холодильник не морозит», «ключ не
    подходит», «Менеджер так и не перезвонил». A plain question («Это не
    влияет на гарантию?») needs a reproach («Почему …?») to count; praise
    («ничего не сломалось, спасибо»), a condition or purpose, a polite
    request and verbs of thinking or needing («не требуется») are no failure."""
    if tok.pos_ not in ("VERB", "AUX") or not negated(tok) or not tok.is_alpha:
        return False
    if morph(tok, "Mood") in ("Imp", "Cnd") or morph(tok, "VerbForm") not in ("Fin", ""):
        return False
    if morph(tok, "Tense") not in ("Pres", "Past") or morph(tok, "Person") == "1":
        return False
    if in_condition(tok) or _polite(tok):
        return False
    if has_lemma(tok, words("not_failure_verbs")) and not _does_not_fit(tok):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subj and (lemma(subj[0]) in ("я", "мы") or has_lemma(subj[0], words("not_yet_words"))):
        return False
    if not subj and morph(tok, "Tense") == "Past" and morph(tok, "Number") == "Sing":
        return False  # «Месяц не заходил на сайт»: most likely the Клиент himself
    if any(has_lemma(c, words("preference_markers")) for c in tok.children):
        return False  # «Мне не подходит время», «не подошёл по размеру»: a preference, not a failure
    if is_question(tok) and not _rhetorical(tok.sent):
        return False
    return not any(has_lemma(t, words("praise_words")) for t in tok.sent)


def _stated_before_question(verb) -> bool:
    """«Свет моргает каждый вечер, что происходит?», «Вода не идёт, в чём
    дело?»: the clause states the trouble and a trailing clause of its own asks
    what is wrong — not «Лампа мигает — это нормально?» nor «Как …?»."""
    if any(c.lower_ in ("ли", "как", "можно", "почему", "когда") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("parataxis", "conj") and c.i > verb.i and has_lemma(c, words("whats_up_words")) \
                and any(x.lower_ in ("что", "чём", "чем") for x in c.subtree):
            return True
    return False


def _does_not_fit(verb) -> bool:
    """«Ключ активации не подходит», «Код из СМС не подходит»: a thing does not
    fit, now, and nobody's taste is named — not «Мне не подходит время», «не
    подходит по размеру», nor «не подошёл оттенок» in a return of choice."""
    if not has_lemma(verb, frozenset({"подходить"})) or morph(verb, "Tense") != "Pres":
        return False
    if any(morph(c, "Case") == "Dat" and not any(x.dep_ == "case" for x in c.children) or c.lower_ == "по"
           or any(x.lower_ == "по" for x in c.children) for c in verb.children):
        return False
    if _choice_return(verb.doc):
        return False
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN") and morph(subj[0], "Animacy") != "Anim"


def _someone_forgot(tok) -> bool:
    """Somebody else forgot: an explicit subject that is not «я»/«мы», or a
    plural past with none («забыли положить соус»); «Забыла пароль» is the
    Клиент's own slip."""
    if not has_lemma(tok, words("forget_verbs")) or negated(tok) or morph(tok, "Tense") != "Past":
        return False
    if is_question(tok) and not _rhetorical(tok.sent) or in_condition(tok):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subj:  # a person who forgot, not «Забыла почта» (the Клиент forgot her e-mail)
        return lemma(subj[0]) not in ("я", "мы") and (
            subj[0].pos_ in ("PRON", "PROPN") or morph(subj[0], "Animacy") == "Anim")
    return morph(tok, "Number") == "Plur"


def _came_late_by(tok) -> bool:
    """«позже на сорок минут», «на час позже»: late by a measured time."""
    if tok.lower_ not in words("late_words") or negated(tok) or in_condition(tok):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.lower_ == "чем" or has_lemma(nxt, {"обычный", "обычно"})):
        return False  # «на час позже обычного» is a schedule
    if _wished(_verb_above(tok)):
        return False  # «Хочу перенести вылет на неделю позже», «Можно на час позже?»
    window = tok.doc[max(tok.sent.start, tok.i - 4):min(tok.sent.end, tok.i + 5)]
    has_by = any(t.lower_ == "на" for t in window)
    return has_by and any(lemma(t) in words("time_units") for t in window) and not is_question(tok)


def _wished(verb) -> bool:
    """The verb is what the Клиент wants or asks for: an infinitive under
    «хочу / прошу / можно», or a verb of moving a date («перенести»)."""
    if has_lemma(verb, words("reschedule_verbs")):
        return True
    if morph(verb, "VerbForm") != "Inf":
        return False
    head = verb.head
    return head.i != verb.i and (has_lemma(head, words("wish_verbs")) or lemma(head) in words("permission_words"))


def _worse_change(tok) -> bool:
    """A change for the worse of a thing, stated: «потемнела», «пожелтел»,
    «помутнели», «выгорела», «начала стучать»."""
    changes = words("worse_change_verbs") | words("spoil_verbs")
    if not has_lemma(tok, changes) and not any(
            p.tag.POS == "VERB" and fold(p.normal_form) in changes for p in parses(tok)):
        return False
    if tok.dep_ == "xcomp" and has_lemma(tok.head, words("phase_verbs")) and _infinitive(tok):
        tok = tok.head  # «начала стучать», «стал вонять»
    if negated(tok) or in_condition(tok) or morph(tok, "Person") == "1":
        return False
    if tok.pos_ in ("VERB", "AUX") and morph(tok, "VerbForm") == "Fin":
        if morph(tok, "Mood") in ("Imp", "Cnd") or morph(tok, "Tense") == "Fut":
            return False
    elif not any(p.tag.POS == "VERB" and "indc" in p.tag and "futr" not in p.tag for p in parses(tok)):
        return False  # not «пожелтела» read as a short adjective
    if is_question(tok) and not _rhetorical(tok.sent):
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    return not (subj and lemma(subj[0]) in ("я", "мы"))


def _not_as_ordered(tok) -> bool:
    """Done contrary to what was ordered: «не по рецепту», «не по размеру
    замера», «не по чертежу» — «не» before «по» + a norm noun, attached to a
    past verb of making or delivering."""
    if tok.lower_ != "по" or tok.i == 0 or tok.doc[tok.i - 1].lower_ != "не":
        return False
    noun = tok.head
    if not has_lemma(noun, words("norm_nouns")):
        return False
    verb = _verb_above(noun)
    return verb.pos_ == "VERB" and morph(verb, "Tense") == "Past" and not in_condition(verb)


def _unasked(tok) -> bool:
    """«без предупреждения», «без объяснений» after a past verb of someone else."""
    doc = tok.doc
    nxt = next((t for t in doc[tok.i + 1:min(len(doc), tok.i + 3)] if t.pos_ == "NOUN"), None)
    if nxt is None or not has_lemma(nxt, words("unasked_nouns")) or is_question(tok) or in_condition(tok):
        return False
    verb = _verb_above(tok)
    while morph(verb, "VerbForm") == "Inf" and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # «отказался принять возврат без объяснения причин»
    return morph(verb, "Tense") == "Past" and not negated(verb) and not any(
        lemma(c) in ("я", "мы") for c in verb.children if c.dep_.startswith("nsubj"))


def _unmet_duty(tok) -> bool:
    """«Заказ должен был прийти вчера», «Курьер должен был позвонить за час»."""
    if lemma(tok) not in ("должный", "должен") or is_question(tok) or in_condition(tok) or negated(tok):
        return False
    doc = tok.doc
    near = doc[max(tok.sent.start, tok.i - 2):min(tok.sent.end, tok.i + 3)]
    was = any(t.lower_ in ("был", "была", "было", "были") for t in near)
    inf = any(morph(t, "VerbForm") == "Inf" for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 4)])
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    return was and inf and not (subj and lemma(subj[0]) in ("я", "мы", "вы"))


def _innocent(tok) -> bool:
    """The Клиент denies having done it: «Я ничего не нарушал!», «Я эту
    подписку не подключал», «Согласия я не давала» — not «Я ещё не заказывал»."""
    if tok.pos_ not in ("VERB", "AUX") or not has_lemma(tok, words("innocence_verbs")) or not negated(tok):
        return False
    parse = top_parse(tok)
    past = morph(tok, "Tense") == "Past" or (parse is not None and "past" in parse.tag)
    if not past or (is_question(tok) and not _rhetorical(tok.sent)) or in_condition(tok):
        return False
    # «Я» as the subject, or just before (the tagger may hang the verb on it)
    if not any(t.lower_ == "я" for t in tok.doc[max(tok.sent.start, tok.i - 5):tok.i + 3]):
        return False
    clause = [t for t in tok.subtree] + [t for t in tok.sent if abs(t.i - tok.i) <= 3]
    return not any(fold(t.text) in words("not_yet_words") for t in clause)


def _wrong_place(tok) -> bool:
    """«не в тот подъезд», «не на тот адрес», «отправили не туда» — not «не в
    том дело» or a question («в тот ли подъезд?»)."""
    doc = tok.doc
    if tok.lower_ == "туда":
        return negated(tok) and not is_question(tok)
    if lemma(tok) != "тот" or tok.i < 2:
        return False
    prev, before = doc[tok.i - 1], doc[tok.i - 2]
    if not (prev.pos_ == "ADP" and before.lower_ == "не"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and lemma(nxt) not in ("дело", "суть") \
        and not any(t.lower_ == "ли" for t in doc[tok.i:min(len(doc), tok.i + 3)])


def _how_long_still(tok) -> bool:
    """«Сколько можно ждать / терпеть / переносить?» — not «Сколько можно
    хранить посылку?»."""
    doc = tok.doc
    nxt = [t for t in doc[tok.i + 1:min(len(doc), tok.i + 4)] if not t.is_space]
    return bool(nxt) and nxt[0].lower_ == "можно" and any(has_lemma(t, words("endure_verbs")) for t in nxt[1:])


def _sarcastic(tok) -> bool:
    """Praise in quotation marks: «Спасибо за «быструю» доставку», «Ну и
    «вежливый» у вас курьер» — not a name («тариф «Быстрый»»)."""
    if tok.pos_ not in ("ADJ", "VERB") or not has_lemma(tok, words("praise_adjectives")) or tok.text[:1].isupper():
        return False
    doc = tok.doc
    quotes = ("«", "»", '"', "“", "”", "„")
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in quotes and doc[tok.i + 1].text in quotes


def _asked_kind(tok) -> bool:
    """An attribute inside a question: a kind of thing asked about — not in a
    reproach («Почему у вас такой медленный интернет?»)."""
    return is_question(tok) and tok.dep_ in ("amod", "acl") and not _rhetorical(tok.sent)


def _wants_money_back(tok) -> bool:
    """The Клиент demands the purchase undone: «требую возврата», «Верните
    деньги!», «хочу вернуть!» — a demand or an exclamation. A calm request
    («Хочу вернуть куртку, не подошла», «Прошу вернуть деньги за абонемент»)
    is not a complaint by itself, nor is a question («Можно вернуть …?»)."""
    if is_question(tok) or negated(tok):
        return False
    if has_lemma(tok, words("demand_verbs")) and morph(tok, "Person") == "1" and morph(tok, "Tense") != "Past":
        return True  # «требую», «настаиваю»
    if not has_lemma(tok, words("return_verbs") | words("return_nouns")) or not _exclaimed(tok):
        return False
    if morph(tok, "Mood") == "Imp" and tok.pos_ == "VERB":
        return True  # «Верните деньги!»
    head = tok.head
    return head.i != tok.i and has_lemma(head, words("want_verbs")) and not negated(head) and (
        morph(head, "Person") == "1" or any(lemma(c) in ("я", "мы") for c in head.children)) \
        and morph(head, "Tense") != "Past" and morph(head, "Mood") != "Cnd" and not any(
            c.lower_ == "бы" for c in head.children)


def _delivered(verb) -> bool:
    """A delivery verb stated in the past: «привезли», «положили», «пришла»."""
    return (has_lemma(verb, words("delivery_verbs")) and morph(verb, "Tense") == "Past"
            and morph(verb, "Mood") != "Imp" and not negated(verb))


def _verb_above(tok):
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ == "VERB":
            return node
    return node


def _bad_state(verb) -> bool:
    """An instrumental state after an arrival verb: «приехала перевёрнутой»."""
    for c in verb.children:
        if c.i < verb.i or has_lemma(c, words("good_states")):
            continue
        if c.pos_ in ("ADJ", "VERB") and morph(c, "Case") == "Ins":
            return True
        # the tagger can miss a participle («приехала перевёрнутой»)
        parse = top_parse(c)
        if parse is not None and parse.tag.POS in ("ADJF", "PRTF") and "ablt" in parse.tag:
            return True
    return False


def _missing(tok) -> bool:
    """Existence negated: «нет интернета», «не было роллов» (not in a question)."""
    if is_question(tok):
        return False
    if lemma(tok) in ("быть", "было") and not negated(tok):
        return False
    return any(c.dep_ in ("nsubj", "obj") and morph(c, "Case") == "Gen" and c.pos_ == "NOUN"
               for c in tok.children)


def _contrasted(tok) -> bool:
    """The clause is set against what happened: «а я заказывал», «хотя я писала»."""
    for c in tok.children:
        if c.lower_ in ("а", "но", "хотя") and c.dep_ in ("cc", "mark"):
            return True
    sent = list(tok.sent)
    return any(t.lower_ in ("а", "хотя") for t in sent) and any(
        t.lower_ in ("а", "но", "хотя") and t.i > tok.i for t in sent)


def _denied(noun) -> bool:
    head = noun.head
    return head.i != noun.i and lemma(head) in ("нет", "быть", "было", "будет") and (
        lemma(head) == "нет" or negated(head))


def _polite(tok) -> bool:
    """«не могли бы вы помочь?», «Не дадите скидку?» are polite requests, not failures."""
    nodes = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    if any(c.lower_ == "бы" for n in nodes for c in n.children):
        return True
    # «Не дадите скидку на второй заказ?», «Не подскажете …?»: a negated
    # 2nd-person future asked calmly
    end = tok.sent.end_char
    shouted = _exclaimed(tok) or "!" in tok.doc.text[end:end + 2]  # «?!» split after «?»
    return negated(tok) and is_question(tok) and not shouted and morph(tok, "Tense") == "Fut" \
        and morph(tok, "Person") == "2"


def _own_absence(tok) -> bool:
    """«Я не смогла прийти», «я не успел на занятие», «участник не пришёл»:
    the Клиент's own absence, no failure of the company."""
    if not has_lemma(tok, words("attend_verbs")):
        return False
    node = tok.head if _negated_modal(tok) else tok
    subj = [c for c in node.children if c.dep_.startswith("nsubj")]
    if subj:
        return lemma(subj[0]) in ("я", "мы") or has_lemma(subj[0], words("client_side_people"))
    parse = top_parse(node)
    return morph(node, "Person") == "1" or (parse is not None and "1per" in parse.tag)


def _late_by(tok) -> bool:
    """«будет готов на день позже», «займёт на два дня дольше»: a delay
    stated by how much (not «на день позже обычного» of a schedule)."""
    if fold(tok.text) not in ("позже", "позднее", "дольше") or negated(tok):
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ == "чем" or has_lemma(nxt, {"обычный", "обычно"})):
        return False
    before = list(doc[max(tok.sent.start, tok.i - 4):tok.i])
    return any(t.lower_ == "на" for t in before) and any(has_lemma(t, words("time_units")) for t in before)


def _out_of_order(tok) -> bool:
    """«вышла из строя печатная машина»."""
    doc = tok.doc
    return has_lemma(tok, {"выйти", "выходить"}) and not negated(tok) and tok.i + 2 < len(doc) \
        and doc[tok.i + 1].lower_ == "из" and doc[tok.i + 2].lower_ == "строя" and morph(tok, "Tense") == "Past"


def _negated_modal(tok) -> bool:
    """«не могу дозвониться», «не удаётся оплатить»."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i != tok.i and negated(head) and lemma(head) in (
        "мочь", "смочь", "удаваться", "удаться", "получаться", "получиться")


def _long_wait(tok) -> bool:
    """«жду уже 40 дней», «идёт уже три дня», «Жду ответа два дня»."""
    has_already = any(t.lower_ == "уже" for t in tok.subtree) or any(
        t.lower_ == "уже" for t in tok.doc[max(tok.sent.start, tok.i - 2):tok.i + 3])
    duration = any(lemma(t) in words("time_units") for t in tok.subtree)
    if lemma(tok) == "ждать":
        return duration or _since(tok)
    return has_already and duration or _since(tok)


def _since(verb) -> bool:
    """«со вчерашнего дня», «с понедельника», «с 5 мая»: waiting since then."""
    for c in verb.subtree:
        if c.lower_ not in ("с", "со") or c.dep_ != "case" or c.i < verb.i - 3:
            continue
        noun = c.head
        if has_lemma(noun, words("since_words")) or any(has_lemma(x, words("since_words")) for x in noun.children) \
                or noun.pos_ == "NUM" or any(x.pos_ == "NUM" for x in noun.children):
            return True
    return False


def _exclaimed(tok) -> bool:
    return any("!" in t.text for t in tok.sent)


def _first_sentence(ctx):
    """The first sentence of the reply that is not a greeting."""
    greetings = words("greetings")
    for sent in ctx.sentences:
        content = [t for t in sent if not t.is_space and not t.is_punct]
        if not content:
            continue
        if len(content) <= 5 and any(t.lower_ in greetings or lemma(t) == "здравствовать" for t in content):
            continue  # «Здравствуйте, Ольга!», «Ирина, добрый день!»
        span = sent
        while span and (span[-1].is_space):
            span = span[:-1]
        return span
    return ctx.sentences[0] if ctx.sentences else None


# --- rewrite: an opening apology that names the problem ------------------------

def _complaints(doc, strict: bool = False) -> list:
    """Every word that makes the Клиент's message a complaint, in order."""
    if doc is None:
        return []
    key = ("missing_apology_complaints", strict)
    if key in doc.user_data:
        return doc.user_data[key]
    out = [t for t in doc if not (t.is_punct or t.is_space or in_condition(t)) and _complaint_word(t)]
    for sent in doc.sents:
        verb = _exclaimed_statement(sent)
        if verb is not None and verb not in out:
            out.append(verb)
    if out:
        slip, choice, request = _own_slip(doc), _choice_return(doc), _requests(doc)
        repair = _repair_request(doc)
        out = [t for t in out if _kept(t, slip, choice, request) and not (strict and _asks_reason(t))
               and not (repair and not _outcry(t))]
    doc.user_data[key] = out
    return out


def _apology(ctx, problems, *, incoming: bool):
    """((at, at), text): the apology sentence inserted after the greeting."""
    at = _opening(ctx)
    if at is None:
        return None
    prefix = "sms_" if ctx.channel == "sms" else ""
    for variant, slots in _variants(problems, incoming):
        if any(v is None for v in slots.values()):
            continue
        text = render("missing-apology", prefix + variant, **slots) or render("missing-apology", variant, **slots)
        if text:
            return (at, at), text + " "
    return None


def _opening(ctx) -> int | None:
    """Where the reply's first sentence after the greeting starts."""
    sent = _first_sentence(ctx)
    if sent is None:
        return None
    first = next((t for t in sent if not t.is_space), None)
    return first.idx if first is not None else None


def _rank(tok, incoming: bool) -> int:
    if has_lemma(tok, _unnamed()) or _said_otherwise(tok):
        return 9
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") or morph(tok, "VerbForm") == "Part":
        return 0
    if has_lemma(tok, words("wait_verbs")):
        return 1
    if is_question(tok) and not any(t.lower_ in ("почему", "зачем", "отчего") for t in tok.sent):
        return 3  # «Мой заказ потерялся?» is not a fact to apologise for
    return 2


def _said_otherwise(tok) -> bool:
    """Complaint words an apology cannot name: what the Клиент did himself
    («а я отключал автоплатёж», «Я ничего не нарушал»), repetition («третий
    раз»), «Сколько можно ждать?», sarcasm («быструю»)."""
    if tok.lower_ in ("раз", "сколько") or _sarcastic(tok) or _innocent(tok):
        return True
    return has_lemma(tok, words("expectation_verbs")) and not negated(tok) and not has_lemma(
        tok, words("problem_verbs") | words("negated_verbs"))


def _variants(problems, incoming: bool):
    ranked = sorted(problems, key=lambda t: _rank(t, incoming))
    for tok in ranked:
        if _rank(tok, incoming) >= 9:
            continue
        yield from _named(tok, incoming)
    yield "generic", {}


def _named(tok, incoming: bool):
    """Ways to name the problem ``tok``, best first."""
    verb = tok if tok.pos_ in ("VERB", "AUX") and (morph(tok, "VerbForm") != "Part" or negated(tok)) else None
    if not incoming and _later_than_agreed(tok):
        yield "late", {}  # «позже обещанного» → «за задержку»
        return
    if incoming and (_already_for(tok) or _late_after(tok)):
        yield "wait", {}  # «в ремонте уже три недели», «спустя два часа» → «за долгое ожидание»
        return
    if incoming and _negated_modal(tok):
        yield "event", {"clause": _clause(tok.head, incoming)}  # «за то, что курьер не может найти …»
        return
    if incoming and _sent_back(tok) and not any(c.dep_.startswith("nsubj") for c in tok.children):
        return  # the parse lost the subject: «за то, что вернулась …» says nothing
    if not incoming and _restored(tok):
        return  # «за восстановленный интернет» would thank for the fix: the generic apology
    if not incoming and _cancelled_by_us(tok):
        yield "event", {"clause": _clause(tok, incoming)}  # «за то, что запись на 14 июня отменена»
        return
    if not incoming and (lemma(tok) == "тот" or _our_fault(tok)):
        yield "wrong_thing", {}  # «привезли не тот диван», «по нашей вине» → «за ошибку»
        return
    if not incoming and _could_not(tok):
        yield "event", {"clause": _clause(tok.head, incoming)}  # «за то, что мастер не смог приехать …»
        return
    if tok.pos_ in ("NOUN", "PROPN") and has_lemma(tok, words("symptom_nouns")) and _appeared(tok):
        yield "event", {"clause": _clause(tok.head, incoming)}  # «за то, что на экране появилась полоса»
    if tok.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        bare = len(noun_phrase(tok).split()) == 1
        exists = lemma(head) in ("быть", "нет", "было") or any(c.dep_ == "cop" for c in head.children)
        if bare and head.i != tok.i and tok.dep_.startswith("nsubj") and exists:
            yield "event", {"clause": _clause(head, incoming)}  # «в пицце был волос»
        yield "problem", {"problem": Phrase(tok)}
        return
    if verb is None and (tok.pos_ == "ADJ" or morph(tok, "VerbForm") == "Part"):
        noun = _described(tok)
        if noun is not None:
            phrase = attribute_phrase(tok, noun, "accs") if tok.dep_ != "amod" else None
            yield "problem", {"problem": Phrase.ready(phrase) if phrase else Phrase(noun)}
        return
    if verb is None:
        node = tok
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.pos_ in ("VERB", "AUX"):
            yield "event", {"clause": _clause(node, incoming)}
        return
    if has_lemma(verb, words("wait_verbs")):
        yield "wait", {}
        return
    subj = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")), None)
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")), None)
    if negated(verb):
        if not incoming and has_lemma(verb, words("draft_negated_verbs")) and subj is not None \
                and morph(subj, "Animacy") != "Anim" and not has_lemma(verb, words("not_delay_verbs")):
            yield "delay", {"whose": Phrase(subj)}  # «Заказ не доставлен»
        yield "event", {"clause": _clause(verb, incoming)}
        return
    forms = []
    if obj is not None:
        participle = participle_phrase(verb, obj, "accs")
        if participle:
            forms.append(("problem", {"problem": Phrase.ready(participle)}))  # «повреждённую вазу»
    noun = action_noun(verb)
    if noun is not None and obj is None:
        forms.append(("problem_of", {"problem": noun, "whose": Phrase(subj)}) if subj is not None
                     else ("problem", {"problem": noun}))
    event = ("event", {"clause": _clause(verb, incoming)})
    if incoming:
        # the Клиент's own words first, but «разбитый экран» rather than
        # «курьер разбил экран» when the participle loses nothing he said
        # («дважды списали деньги» keeps its clause)
        said = [c for c in verb.children if c.dep_ in ("advmod", "obl", "iobj") and not c.is_punct]
        first = [f for f in forms if f[0] == "problem" and obj is not None and not said]
        forms = first + [event] + [f for f in forms if f not in first]
    else:
        forms = [*forms, event]
    yield from forms


def _described(adj):
    """The noun an adjective of a bad state describes: its head («битым
    пикселем»), the subject of the predicate («Праздник испорчен», «Ваза
    пришла разбитой»)."""
    if adj.dep_ == "amod" and adj.head.pos_ in ("NOUN", "PROPN"):
        return adj.head
    for node in (adj, adj.head):
        for c in node.children:
            if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN"):
                return c
    return None


def _clause(root, incoming: bool) -> str | None:
    """The clause of ``root`` to put after «за то, что»: in the Клиент's
    message turned to address him, its pronouns replaced by the nouns they
    stand for. None when it would be too long or unclear."""
    if not _stated(root):
        return None
    lo, hi = root.sent.start, root.sent.end - 1
    for t in root.sent:
        if t.text in _SEPARATORS:
            if t.i < root.i:
                lo = max(lo, t.i + 1)
            elif t.i > root.i:
                hi = min(hi, t.i - 1)
    toks = [t for t in root.doc[lo:hi + 1] if _within(t, root) and not (t.lower_ in _WH and t.i < root.i)
            and not (t.i < root.i and _why_pair(t))]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks.pop(0)
    if not toks:
        return None
    limit = templates("missing-apology").get("max_clause_words", 14)
    if sum(1 for t in toks if not t.is_punct) > limit:
        return None
    replace = {}
    for t in toks:
        if t.pos_ == "PRON" and lemma(t) in ("он", "она", "оно", "они"):
            noun = antecedent(t)
            if noun is None:
                return None
            case = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
                    "Loc": "loct"}.get(morph(t, "Case"), "nomn")
            replace[t.i] = Phrase(noun).in_case(case) or noun.text
    if incoming:
        return to_you(toks, replace)
    return " ".join((replace.get(t.i) or sentence_word(t)) for t in toks).replace(" ,", ",")


def _why_pair(tok) -> bool:
    """«за что» of a reproach («За что меня забанили?»): not repeated in the apology."""
    doc = tok.doc
    if tok.lower_ == "за":
        return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "что"
    return tok.lower_ == "что" and tok.i > 0 and doc[tok.i - 1].lower_ == "за"


_WH = frozenset({"почему", "зачем", "отчего", "когда", "где", "как"})
_SEPARATORS = frozenset({",", ";", ":", "—", "–", "!", "?", "…", ".", "(", ")"})


def _stated(root) -> bool:
    """A finite predicate: a verb in the indicative, a short form, «нет»."""
    if lemma(root) in ("нет", "быть", "было"):
        return True
    if root.pos_ in ("VERB", "AUX"):
        return morph(root, "VerbForm") == "Fin" and morph(root, "Mood") in ("Ind", "") or morph(root, "Variant") == "Short"
    return any(c.dep_ == "cop" for c in root.children) or morph(root, "Variant") == "Short"


def _within(tok, root) -> bool:
    node = tok
    for _ in range(30):
        if node.i == root.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _unnamed() -> frozenset[str]:
    return frozenset(templates("missing-apology").get("unnamed", []))
