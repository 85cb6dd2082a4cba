"""distrust: trust instead of proof — the doubting sentence is replaced whole;
a photo is asked for only to help, in the accusative whatever form the draft
used (standard 000 §5)."""

import pytest

from ._rewrite_helpers import rewritten, roundtrip_ok
from .conftest import findings

RULE = "distrust"


@pytest.mark.parametrize("text,expected", [
    # a demand for proof with nothing named: a photo, if convenient
    ("Докажите, что товар пришёл с браком.",
     "Мы верим Вам. Если удобно, пришлите фото — так мы быстрее [решение]."),
    # the evidence named after a colon in the nominative goes to the accusative:
    # adjective and feminine noun agree («чёткую фотографию»)
    ("Предоставьте доказательства брака: чёткая фотография коробки и видеозапись распаковки.",
     "Мы верим Вам. Если удобно, пришлите чёткую фотографию коробки и видеозапись распаковки — "
     "так мы быстрее [решение]."),
    # a numeral keeps the form it governs
    ("Пришлите две фотографии упаковки как доказательство брака.",
     "Мы верим Вам. Если удобно, пришлите две фотографии упаковки — так мы быстрее [решение]."),
    # a check of the Клиент that asks for a photo
    ("Сначала пришлите фото чека и пакета, чтобы мы убедились, что морса действительно не было.",
     "Мы верим Вам. Если удобно, пришлите фото чека и пакета — так мы быстрее [решение]."),
])
def test_proof_becomes_a_photo_for_our_own_sake(text, expected):
    assert rewritten(text, RULE) == expected


@pytest.mark.parametrize("text,expected", [
    ("Мы сомневаемся, что курьер вёл себя грубо.", "Мы верим Вам и уже [решение]."),
    # the company's own records are not evidence the Клиент sends
    ("Мы проверим Ваши слова по записи с камеры и решим, что делать.", "Мы верим Вам и уже [решение]."),
    ("По закону обратную доставку оплачиваете Вы, а деньги вернём после экспертизы.",
     "Расходы на доставку и возврат мы берём на себя: [решение]."),
])
def test_doubt_becomes_trust(text, expected):
    assert rewritten(text, RULE) == expected


def test_whole_sentence_wins_over_a_rewrite_inside_it():
    # customer-legwork rewrites «Обратитесь в сервисный центр…»; the distrust
    # rewrite of the whole sentence takes it in
    text = ("Здравствуйте, Олег!\n\nНам жаль, что чайник сломался. Обратитесь в сервисный центр за актом "
            "проверки: пока мы сомневаемся, что дефект заводской.\n\nСпасибо, что написали,\nМагазин")
    rules = {f.rule for f in findings(text)}
    assert {"distrust", "customer-legwork"} <= rules
    ok, new = roundtrip_ok(text, RULE)
    assert ok, new
    assert "Нам жаль, что чайник сломался. Мы верим Вам и уже [решение].\n" in new


@pytest.mark.parametrize("text,expected", [
    # a cost other than shipping is named in the accusative
    ("Сначала автомобиль должен пройти диагностику, и по закону её оплачивает владелец.",
     "Расходы на диагностику мы берём на себя: [решение]."),
    ("Если проверка покажет, что брака нет, стоимость экспертизы ляжет на Вас.",
     "Расходы на экспертизу мы берём на себя: [решение]."),
    ("Если выяснится, что поломка возникла по Вашей вине, ремонт оплатите Вы.",
     "Расходы на ремонт мы берём на себя: [решение]."),
    # proof demanded in other words: a photo if convenient, the evidence kept
    ("Если уверены, что его нет, пришлите фото содержимого коробки.",
     "Мы верим Вам. Если удобно, пришлите фото содержимого коробки — так мы быстрее [решение]."),
    ("Пришлите видео распаковки, иначе мы не сможем подтвердить, что вмятина не появилась позже.",
     "Мы верим Вам. Если удобно, пришлите видео распаковки — так мы быстрее [решение]."),
    ("Нам потребуется подтверждение того, что флакон куплен именно у нас.",
     "Мы верим Вам. Если удобно, пришлите фото — так мы быстрее [решение]."),
    # doubt: trust instead
    ("Акт осмотра Вы сами подписали без замечаний.", "Мы верим Вам и уже [решение]."),
])
def test_other_words_rewritten(text, expected):
    assert rewritten(text, RULE) == expected
