"""refusal: options instead of a «no» — the refusing clause is replaced by an
offer built from what was refused (standard 000 §3)."""

import pytest

from replylint import fixes
from replylint.engine import Message
from replylint.options import Options

from .conftest import findings

RULE = "refusal"


def rewritten(text, **kw):
    return fixes.rewrite_message(Message(text, channel=kw.get("channel", "email"), incoming=kw.get("incoming")),
                                 Options())


def only(text, **kw):
    (f,) = findings(text, RULE, **kw)
    return f


@pytest.mark.parametrize("text,expected", [
    # an infinitive is named by its action noun, its object goes to the genitive
    ("Спасибо за обращение! Перенести запись на воскресенье не получится.",
     "Вместо переноса записи на воскресенье можем предложить [альтернатива]"),
    ("Спасибо за вопрос! Продлить акцию для Вас невозможно.",
     "Вместо продления акции для Вас можем предложить [альтернатива]"),
    # a plural object with agreeing adjectives after a verb of sending
    ("Спасибо за обращение! Мы не можем выслать Вам бумажные каталоги новой коллекции.",
     "Вместо отправки бумажных каталогов новой коллекции можем предложить [альтернатива]"),
    # the subject of a passive refusal: feminine adjective and noun in the genitive
    ("Спасибо за письмо! Бесплатная доставка на этот товар не предусмотрена.",
     "Вместо бесплатной доставки на этот товар можем предложить [альтернатива]"),
    # a light verb («принимаем оплату») is named by its object
    ("Спасибо за вопрос! Мы не принимаем оплату наличными.",
     "Вместо оплаты наличными можем предложить [альтернатива]"),
    # what «нет» refuses
    ("Спасибо за вопрос! Подарочной упаковки у нас нет.",
     "Вместо подарочной упаковки можем предложить [альтернатива]"),
    # a plural participle of a prohibition: «уценённых товаров»
    ("Спасибо за письмо! Возврат уценённых товаров запрещён.",
     "Вместо возврата уценённых товаров можем предложить [альтернатива]"),
    # a passive complement: the participle's action with its subject in the genitive
    ("Спасибо за вопрос! Без модерации фильм не может быть опубликован.",
     "Вместо публикации фильма можем предложить [альтернатива]"),
    # «возможность …» is what is lacking; the action it governs is what was asked for
    ("Спасибо за вопрос! Возможность скачивать видео не предусмотрена.",
     "Вместо скачивания видео можем предложить [альтернатива]"),
])
def test_rewrite_names_what_was_refused(text, expected):
    f = only(text, incoming="Можно это сделать?")
    assert f.rewrite is not None
    assert f.rewrite.replacement == expected
    assert f.suggestion == expected + "."


def test_rewrite_replaces_the_clause_with_its_lead_in():
    text = "Здравствуйте, Олег!\n\nСпасибо за вопрос. К сожалению, бесплатную доставку крупногабаритной мебели мы не предоставляем.\n"
    f = only(text, incoming="Можно бесплатно доставить шкаф?")
    assert text[f.rewrite.offset:f.rewrite.offset + f.rewrite.length] == \
        "К сожалению, бесплатную доставку крупногабаритной мебели мы не предоставляем"
    assert rewritten(text, incoming="Можно бесплатно доставить шкаф?") == (
        "Здравствуйте, Олег!\n\nСпасибо за вопрос. Вместо бесплатной доставки крупногабаритной мебели "
        "можем предложить [альтернатива].\n")


def test_refusal_inside_a_sentence_keeps_what_precedes_and_is_joined_by_but():
    text = "Спасибо за вопрос! Новые тарифы для старых абонентов недоступны, отключить их нельзя."
    assert rewritten(text) == ("Спасибо за вопрос! Новые тарифы для старых абонентов недоступны, "
                               "но вместо отключения их можем предложить [альтернатива].")


def test_explanation_after_a_colon_goes_with_the_refusal():
    assert rewritten("Спасибо за письмо! Отменить заказ 8150 уже нельзя: он собран.") == \
        "Спасибо за письмо! Вместо отмены заказа 8150 можем предложить [альтернатива]."


def test_refused_in_the_locative_after_otkazat():
    text = "Приносим извинения за опоздание курьера. Однако вынуждены отказать Вам в возврате стоимости доставки. Спасибо!"
    assert rewritten(text) == ("Приносим извинения за опоздание курьера. Вместо возврата стоимости доставки "
                               "можем предложить [альтернатива]. Спасибо!")


def test_bare_no_gets_an_offer_to_find_another_way():
    f = only("Спасибо за вопрос! Нет.", incoming="Можно оплатить заказ наличными?")
    assert f.rewrite.replacement == "Давайте подберём другой вариант: [альтернатива]"


@pytest.mark.parametrize("text", [
    "Спасибо за вопрос! Такой возможности у нас нет.",
    # what was turned down is not what an alternative replaces
    "Спасибо за письмо! Ваш платёж отклонили.",
    "Спасибо за письмо! Товар исключён из акции.",
])
def test_nothing_to_name_falls_back_to_instead_of_this(text):
    f = only(text, incoming="Можно оплатить заказ частями?")
    assert f.rewrite.replacement == "Вместо этого можем предложить [альтернатива]"


def test_rewrite_is_quiet_for_the_rule_and_adds_no_error():
    text = "Здравствуйте, Алла!\n\nСпасибо за обращение. Изменить адрес после передачи заказа в доставку нельзя.\n"
    out = rewritten(text, incoming="Можно изменить адрес доставки?")
    assert out == ("Здравствуйте, Алла!\n\nСпасибо за обращение. Вместо изменения адреса после передачи заказа "
                   "в доставку можем предложить [альтернатива].\n")
    assert not [f for f in findings(out, incoming="Можно изменить адрес доставки?")
                if f.rule == RULE or f.severity.label == "error"]
