"""Arabic folding keeps every folded character tied to its original offset."""

from factfinder.arabic import arabic_share, fold, fold_key, has_arabic, strip_clitics


def test_fold_normalises_letters_digits_and_drops_marks() -> None:
    assert fold_key("إستشهادُ") == "استشهاد"
    assert fold_key("مدرسةٌ") == "مدرسه"
    assert fold_key("مستشفى") == "مستشفي"
    assert fold_key("قتلـــى") == "قتلي"
    assert fold_key("٢٦ مدنياً") == "26 مدنيا"
    assert fold_key("۱۴") == "14"


def test_fold_maps_back_to_the_original_span() -> None:
    text = "قُتِلَ ٢٦ مدنياً في إدلب"
    f = fold(text)
    i = f.text.index("26")
    a, b = f.span(i, i + 2)
    assert text[a:b] == "٢٦"
    j = f.text.index("ادلب")
    a, b = f.span(j, j + 4)
    assert text[a:b] == "إدلب"
    assert f.offset(len(f.text)) == len(text)


def test_strip_clitics_lists_stems_longest_first() -> None:
    assert strip_clitics("والرقه") == ("والرقه", "الرقه", "رقه")
    assert strip_clitics("بادلب") == ("بادلب", "ادلب")
    assert strip_clitics("للمدنيين")[:2] == ("للمدنيين", "المدنيين")
    assert "مدنيين" in strip_clitics("للمدنيين")
    assert strip_clitics("في") == ("في",)


def test_share_of_arabic_letters() -> None:
    assert arabic_share("Copy link to Tweet") == 0.0
    assert arabic_share("غارة on Idlib") < 0.5
    assert arabic_share("قصف مدفعي تركي") == 1.0
    assert has_arabic("Afrin عفرين") and not has_arabic("Afrin")


def test_direction_of_a_block() -> None:
    from factfinder.arabic import text_direction

    assert text_direction("قصف مدفعي تركي على قرية في ريف الحسكة") == "rtl"
    # An Arabic post among a platform's English furniture is still right to left.
    assert (
        text_direction("Copy link to Tweet\nقتل ثلاثة مدنيين بقصف تركي على ريف عين العرب") == "rtl"
    )
    assert text_direction("Three civilians were killed in Ain al-Arab (عين العرب)") == "ltr"
    assert text_direction("") == "ltr"


def test_conjunction_then_preposition_then_article() -> None:
    assert strip_clitics("وبادلب") == ("وبادلب", "بادلب", "ادلب")
    assert strip_clitics("وبالرقه") == ("وبالرقه", "بالرقه", "الرقه", "رقه")
    assert strip_clitics("وللمدنيين", min_stem=3)[:3] == ("وللمدنيين", "للمدنيين", "المدنيين")
