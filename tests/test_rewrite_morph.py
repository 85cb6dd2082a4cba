"""Morphology used by rewrites: cases, the company's voice, numerals."""

import json

import pytest
from click.testing import CliRunner

from replylint import rewrite as rw
from replylint.cli import main
from replylint.nlp import get_nlp


def head(text, word):
    doc = get_nlp()(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,case,expected", [
    ("Мы не можем предоставить Вам бесплатный каталог без цен.", "каталог", "gent", "бесплатного каталога без цен"),
    ("Мы не можем предоставить Вам бесплатный каталог без цен.", "каталог", "ablt", "бесплатным каталогом без цен"),
    ("Произошла долгая задержка доставки.", "задержка", "accs", "долгую задержку доставки"),
    ("Курьер повредил новые коробки.", "коробки", "gent", "новых коробок"),
    ("Ваше новое кресло пришло с браком.", "кресло", "datv", "Вашему новому креслу"),
])
def test_inflect_phrase(text, word, case, expected):
    assert rw.inflect_phrase(head(text, word), case) == expected


def test_inflect_plain_word():
    assert rw.inflect_phrase("задержка", "accs") == "задержку"
    assert rw.inflect_phrase("Опоздание", "accs") == "Опоздание"


@pytest.mark.parametrize("verb,expected", [
    ("Обратитесь", "обратимся"), ("отследите", "отследим"), ("следите", "следим"),
    ("связаться", "свяжемся"), ("позвоните", "позвоним"), ("заполнить", "заполним"),
])
def test_to_we(verb, expected):
    assert rw.to_we(verb) == expected


@pytest.mark.parametrize("noun,n,expected", [("день", 1, "день"), ("день", 2, "дня"), ("день", 5, "дней"),
                                             ("неделя", 3, "недели"), ("час", 21, "час"), ("час", 11, "часов")])
def test_agree_with_number(noun, n, expected):
    assert rw.agree_with_number(noun, n) == expected


def test_match_case_and_capitalise():
    assert rw.match_case("Клиент", "клиента") == "Клиента"
    assert rw.match_case("ВАШ", "вашего") == "ВАШЕГО"
    assert rw.capitalise_first("  вместо каталога") == "  Вместо каталога"
    assert rw.capitalise_first("[время] сегодня") == "[время] сегодня"


def test_rewrite_command_json_one_result_per_record(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "a", "text": "Мы ценим клиентов."}\n{"text": "Всё готово."}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["rewrite", str(batch), "--format", "json", "--select", "client-lowercase"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data == {"version": 1, "results": [
        {"path": str(batch), "id": "a", "text": "Мы ценим Клиентов."},
        {"path": str(batch), "id": 2, "text": "Всё готово."},
    ]}


def test_rewrite_diff(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Мы ценим клиентов.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["rewrite", "--diff", str(f), "--select", "client-lowercase"])
    assert "-Мы ценим клиентов.\n+Мы ценим Клиентов.\n" in r.output
    assert f.read_text(encoding="utf-8") == "Мы ценим клиентов.\n"


def test_rewrite_reads_the_config_file(tmp_path):
    (tmp_path / ".replylint.toml").write_text('ignore = ["client-lowercase"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("Спасибо! Мы ценим клиентов.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["rewrite", str(f)])
    assert r.exit_code == 0
    assert r.output == "Спасибо! Мы ценим клиентов.\n"


@pytest.mark.parametrize("text,word,case,expected", [
    ("Изменить адрес после передачи заказа нельзя.", "Изменить", "gent", "изменения адреса после передачи заказа"),
    ("Мы не можем выслать бумажные каталоги.", "выслать", "gent", "отправки бумажных каталогов"),
    ("Мы не можем принять возврат после окончания срока.", "принять", "gent", "возврата после окончания срока"),
    ("Нужно было проверить комплектность.", "проверить", "loct", "проверке комплектности"),
])
def test_action_phrase(text, word, case, expected):
    assert rw.action_phrase(head(text, word), case) == expected


def test_action_phrase_unknown_verb():
    # no action noun: the object names it, and without one there is nothing
    assert rw.action_phrase(head("Прочитать условия стоило заранее.", "Прочитать"), "gent") == "условий"
    assert rw.action_phrase(head("Прочитать их стоило заранее.", "Прочитать"), "gent") is None


@pytest.mark.parametrize("text,verb,noun,expected", [
    ("Курьер разбил вазу.", "разбил", "вазу", "разбитую вазу"),
    ("Курьер помял коробки.", "помял", "коробки", "помятые коробки"),
    ("Курьер повредил новый стол.", "повредил", "стол", "повреждённый новый стол"),
])
def test_participle_phrase(text, verb, noun, expected):
    assert rw.participle_phrase(head(text, verb), head(text, noun), "accs") == expected


def test_attribute_phrase_from_a_short_form():
    doc = get_nlp()("Праздник испорчен.")
    assert rw.attribute_phrase(doc[1], doc[0], "accs") == "испорченный праздник"


@pytest.mark.parametrize("text,word,expected", [
    ("Курьерская служба не успела.", "успела", "успели"),
    ("Виновата транспортная компания.", "Виновата", "Виноваты"),
    ("За брак отвечает производитель.", "отвечает", "отвечаем"),
])
def test_we_form(text, word, expected):
    assert rw.we_form(head(text, word)) == expected


def test_to_you_turns_the_clients_words_to_him():
    doc = get_nlp()("Мне от вас не пришло письмо про мою посылку, а я жду.")
    assert rw.to_you(doc) == "Вам от нас не пришло письмо про Вашу посылку, а Вы ждёте."


def test_render_with_phrases_and_euphony(monkeypatch):
    monkeypatch.setattr(rw, "templates", lambda rule: {"t": "Вместо {x|gent} и о {y|loct}", "u": "за {x|accs}"})
    doc = get_nlp()("Мы не можем оформить оплату частями.")
    verb = next(t for t in doc if t.text == "оформить")
    assert rw.render("r", "t", x=rw.Phrase(verb), y=rw.Phrase(verb)) == "Вместо оплаты частями и об оплате частями"
    assert rw.render("r", "u", x=rw.Phrase.ready("разбитую вазу")) == "За разбитую вазу"
    verb = get_nlp()("Прочитать их стоило.")[0]
    assert rw.render("r", "u", x=rw.Phrase(verb)) is None  # no noun for the action: the caller tries another
