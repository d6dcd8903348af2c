import pytest

from scrmap.text import acronym_form, normalise, tokenize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("father", "fathers"),
        ("father", "father's"),
        ("Father", "FATHERS"),
        ("child", "children"),
        ("recognise", "recognize"),
        ("organisation", "organizations"),
        ("centred", "centered"),
        ("judgement", "judgment"),
        ("behaviour", "behavior"),
        ("analyse", "analyze"),
        ("neglect", "neglectful"),
        ("share", "sharing"),
        ("referral", "referrals"),
    ],
)
def test_variants_meet(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_acronyms_only_in_capitals() -> None:
    assert acronym_form("MASH") == "MASH"
    assert acronym_form("IDVAs") == "IDVA"
    assert acronym_form("Mash") is None
    assert acronym_form("A") is None


def test_tokens_keep_spans_and_sentences() -> None:
    text = "Child-centred plans. Fathers\u2019 views"
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens] == [
        "Child",
        "centred",
        "plans",
        "Fathers",
        "views",
    ]
    assert [t.sentence for t in tokens] == [0, 0, 0, 1, 1]
