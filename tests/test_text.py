import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrmap import matcher as matcher_module
from scrmap import text as text_module
from scrmap.text import (
    acronym_form,
    actor_spans,
    first_spellings,
    item_label,
    normalise,
    subject_spans,
    tokenize,
)


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


@pytest.mark.parametrize(
    "text, number, rest",
    [
        ("Recommendation 1: Agencies should share", "1", "Agencies should share"),
        ("Recommendation 12 - The LSCP should", "12", "The LSCP should"),
        ("R3. Health visitors should ask", "3", "Health visitors should ask"),
        ("3) The Board must", "3", "The Board must"),
        ("Key finding 4b: Drift", "4b", "Drift"),
        ("1.1 Agencies should", "1.1", "Agencies should"),
        ("Agencies should share", None, "Agencies should share"),
        ("Recommendations", None, "Recommendations"),
        # Whose item it is, a number in words, learning as a label (issue 18).
        ("Multi-agency recommendation 1: The Board", "1", "The Board"),
        ("Single agency recommendation 2. Police", "2", "Police"),
        ("LSCB Recommendation 5 - All", "5", "All"),
        ("Key learning 1: Agencies should", "1", "Agencies should"),
        ("Recommendation Three: GPs should", "Three", "GPs should"),
        ("Recommendation iv) The LSCP", "iv", "The LSCP"),
        ("Lesson C. The Board", "C", "The Board"),
        # A letter or a number word with no stop after it is the sentence's own word.
        ("Finding a suitable placement should be a priority.", None,
         "Finding a suitable placement should be a priority."),
        ("Learning one thing from this review is hard.", None,
         "Learning one thing from this review is hard."),
        ("Learning from reviews should be shared.", None,
         "Learning from reviews should be shared."),
        ("Actions: The Board should", None, "Actions: The Board should"),  # a plural, no "s"
        ("Learning one-to-one with the child", None, "Learning one-to-one with the child"),
        ("Finding I.T. systems should", None, "Finding I.T. systems should"),
        ("Action A-Z of services", None, "Action A-Z of services"),
        ("Recommendation 1(a): The LSCP", "1(a)", "The LSCP"),
        ("Recommendation A1: Agencies", "A1", "Agencies"),
        ("SCR Recommendation 1: Agencies", "1", "Agencies"),
        ("Lessons learned 2: Agencies", "2", "Agencies"),
        # A number with no stop: a label before a capital, the sentence's own words else.
        ("Recommendation 3 The LSCP should", "3", "The LSCP should"),
        ("Recommendations 1 and 2 should be read together.", None,
         "Recommendations 1 and 2 should be read together."),
        ("Recommendation 4 of the 2019 review is done.", None,
         "Recommendation 4 of the 2019 review is done."),
        ("Finding 3 shows that agencies", None, "Finding 3 shows that agencies"),
        ("RECOMMENDATIONS 1 AND 2 SHOULD BE READ TOGETHER.", None,
         "RECOMMENDATIONS 1 AND 2 SHOULD BE READ TOGETHER."),
        ("Recommendations 1 To 4 Are For The Board.", None,
         "Recommendations 1 To 4 Are For The Board."),
        ("RECOMMENDATION 3 THE LSCP SHOULD", "3", "THE LSCP SHOULD"),
    ],
)  # fmt: skip
def test_item_label(text: str, number: str | None, rest: str) -> None:
    found, start = item_label(text)
    assert (found, text[start:]) == (number, rest)


@pytest.mark.parametrize(
    "text, actors",
    [
        ("Health visitors should ask about fathers", ["Health visitors "]),
        (
            "The Designated Nurse will deliver training to all health visitors",
            ["The Designated Nurse "],
        ),
        ("Training should be reviewed so that staff are confident", []),  # passive: a topic
        ("Training should be made mandatory", []),  # an irregular participle
        ("The MASH protocol should be drawn up with health", []),
        ("The policy should be co-ordinated across agencies", []),
        ("The audit should be upheld", []),
        (
            "Health partners should be mindful of information sharing",  # the actor's state
            ["Health partners "],
        ),
        ("Staff must be able to escalate", ["Staff "]),
        ("Managers should be fully aware of the risks", ["Managers "]),
        ("Practitioners should be prepared to challenge", ["Practitioners "]),
        ("Children returning home should have a plan", []),  # no actor word: a topic
        ("The ICB and NHS England must agree", ["The ICB and NHS England "]),
        # A list of who acts, its items set off by commas.
        ("Health visitors, GPs and midwives should ask", ["Health visitors, GPs and midwives "]),
        ("Police, health and children's social care must attend",
         ["Police, health and children's social care "]),
        ("It is agreed that schools, GPs, and midwives will ask",
         ["schools, GPs, and midwives "]),
        # Not a list: an introductory phrase, a clause with its own modal, no *and* or *or*,
        # an item that names nobody.
        ("In light of this, the police and health should agree", ["the police and health "]),
        ("Health visitors should ask, GPs and midwives should record",
         ["Health visitors ", "GPs and midwives "]),
        ("Following the review, GPs should ask", ["GPs "]),
        ("Where possible, GPs and midwives should ask", ["GPs and midwives "]),
        # A name alone between commas is an item; at a sentence's start a capital says
        # nothing ("Training" would be one too).
        ("Schools, Ofsted, the DfE and the CQC should act",
         ["Schools, Ofsted, the DfE and the CQC "]),
        ("In Norfolk, Training and the police should agree", ["Training and the police "]),
        ("Following the review, Norfolk, the LSCB and the police should agree",
         ["Norfolk, the LSCB and the police "]),
        # A list longer than a subject's twelve words, every item naming who acts.
        ("Health visitors, school nurses, GPs, practice nurses, community midwives, hospital "
         "midwives and the ambulance service should ask",
         ["Health visitors, school nurses, GPs, practice nurses, community midwives, hospital "
          "midwives and the ambulance service "]),
        # A line broken in mid-sentence, as a library's block of lines keeps it, is no
        # clause start; a line that starts with a capital or a mark still is.
        ("Health visitors, GPs\nand midwives should ask", ["Health visitors, GPs\nand midwives "]),
        ("Health\nvisitors, GPs and midwives should ask", ["Health\nvisitors, GPs and midwives "]),
        ("- Health visitors\n- GPs should ask", ["- GPs "]),
        # A centre, a nursery, a setting, a college, a charity and a prison are bodies too.
        ("The children's centre should extend its hours", ["The children's centre "]),
        ("Early years settings should record concerns", ["Early years settings "]),
    ],
)  # fmt: skip
def test_actor_spans(text: str, actors: list[str]) -> None:
    assert [text[a:b] for a, b in actor_spans(text)] == actors


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("Ofsted should inspect the front door.", ["Ofsted "]),  # no agency word: still a subject
        ("The Ministry of Justice must review its guidance.", ["The Ministry of Justice "]),
        ("Training should be reviewed.", []),  # passive: a topic
        ("Children returning home should have a plan.", ["Children returning home "]),
        # Set off from its modal by an aside; not where the modal is passive.
        ("The DfE, with Ofsted, should act.", ["The DfE"]),
        ("The DfE, with Ofsted, should be told.", []),
        # The subject of a verb asked for after "recommends that", with no modal.
        ("It is recommended that the DfE reviews it.", ["the DfE"]),
        ("We recommend that the DfE publishes data.", ["the DfE"]),
        ("We recommend that the DfE and Ofsted jointly review it.", ["the DfE and Ofsted"]),
        ("It is recommended that DfE guidance is read.", []),  # no verb asked for
        ("It is recommended that the DfE review of data is read.", []),  # 'review of': a noun
        ("It is recommended that the DfE, in time, reviews it.", []),  # punctuation first
        # A noun before a noun ("review recommendations are"), and a past participle, are
        # no verb asked for; an object's own *is* leaves the verb a verb.
        ("It is recommended that the DfE review recommendations are read.", []),
        ("It is recommended that the guidance reviewed by the DfE is read.", []),
        ("It is recommended that the DfE review whether guidance is read.", ["the DfE"]),
        ("It is recommended that the DfE clarifies its guidance.", ["the DfE"]),
        ("It is recommended that the DfE examines its guidance.", ["the DfE"]),
        ("The panel recommends that NHS England scrutinises the data.", ["NHS England"]),
        # After *the*, a verb's form is a noun: the subject runs on to the verb.
        ("It is recommended that the review process engages fathers.", ["the review process"]),
        # A list of bodies: the whole list, whoever is first.
        ("The MASH, the CQC and HMICFRS should act.", ["The MASH, the CQC and HMICFRS "]),
        # Not a list: an opening word or phrase that names nobody.
        ("Going forward, the DfE and the CQC should act.", ["the DfE and the CQC "]),
        ("Nationally, the DfE and the CQC should act.", ["the DfE and the CQC "]),
        # After "recommends that", a verb's -s form before a noun is still the verb.
        ("It is recommended that the DfE ensures schools have a lead.", ["the DfE"]),
        (
            "Health visitors, Ofsted and the CQC should act.",
            ["Health visitors, Ofsted and the CQC "],
        ),
    ],
)
def test_subject_spans(text: str, subjects: list[str]) -> None:
    """``actor_spans`` without its test for an agency's word, and the subjects an aside or
    "recommends that" leaves without a modal beside them."""
    assert [text[a:b] for a, b in subject_spans(text)] == subjects


_PIECES = st.lists(
    st.one_of(
        st.text(alphabet="ab\u00e9\u00b2X1_'-", min_size=1, max_size=70),
        st.text(alphabet=" \t\n", min_size=1, max_size=70),
        st.sampled_from([".", ",", "(", "health ", "the "]),
    ),
    max_size=12,
)


@given(_PIECES, st.integers(min_value=0, max_value=3))
@settings(max_examples=400, deadline=None)
def test_a_role_modifier_is_found_as_a_search_of_the_whole_reach_finds_it(
    pieces: list[str], back: int
) -> None:
    """``_modifier`` searches from the start of the last run of word characters before
    the spaces: digits, underscores, apostrophes and hyphens in the run, runs and spaces
    as long as the reach, and none at all, are found where the full search finds them."""
    text = "".join(pieces)
    start = max(0, len(text) - back)
    full = text_module._MODIFIER.search(text, max(0, start - 200), start)
    found = text_module._modifier(text, start)
    assert (found and (found.start(), found.group(1))) == (full and (full.start(), full.group(1)))


def test_first_spellings_keep_each_word_once_as_first_written() -> None:
    assert first_spellings(["Taxi", "licensing", "taxi", "TAXI"]) == ("Taxi", "licensing")


_CASELESS = [
    text_module._MODAL,
    text_module._ROLE,
    matcher_module._NEGATION_BEFORE,
    matcher_module._NEGATION_WORD,
    matcher_module._NEGATION_BEFORE_START,
    matcher_module._NEGATION_AFTER_START,
    matcher_module._CLAUSE_BREAK,
]
_CASED_WORDS = st.sampled_from(
    [
        "Health",
        "VISITORS",
        "Nurse's",
        "should",
        "Must",
        "be",
        "ABLE",
        "not",
        "No",
        "Ruled",
        "out",
        "However",
        "GPs",
        "staff",
        "evidence",
        "of",
        "\u017ftaff",
        "\u212aept",
        "x_gp",
        "2",
    ]
)
_CASED_TEXT = st.lists(
    st.one_of(_CASED_WORDS, st.sampled_from([" ", "  ", ", ", ". ", "\n", "-", "'"])),
    max_size=30,
).map("".join)


@given(_CASED_TEXT, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=200))
@settings(max_examples=400, deadline=None)
def test_caseless_patterns_match_where_case_insensitive_ones_do(
    text: str, pos: int, endpos: int
) -> None:
    """``Caseless`` reads ASCII text in lower case with a case-sensitive twin: the same
    matches, at the same places, as the case-insensitive pattern (which reads the rest:
    the long s and the Kelvin sign match "s" and "k" only case-insensitively)."""
    for caseless in _CASELESS:
        reference = caseless._any
        expected = [(m.span(), m.lastindex) for m in reference.finditer(text, pos, endpos)]
        assert [(m.span(), m.lastindex) for m in caseless.finditer(text, pos, endpos)] == expected
        first = reference.search(text, pos, endpos)
        found = caseless.search(text, pos, endpos)
        assert (found and found.span()) == (first and first.span())
        at = reference.match(text, pos, endpos)
        matched = caseless.match(text, pos, endpos)
        assert (matched and matched.span()) == (at and at.span())


_PLAIN = [  # (pattern, its plain form, whether the plain form's matches are empty)
    (
        matcher_module._NEGATION_BEFORE_START,
        r"(?=no|never|neither|absence|unrelated|did|free|ruled)",
        True,
    ),
    (matcher_module._NEGATION_AFTER_START, r"(?=ruled out|excluded|not )", True),
    (matcher_module._CLAUSE_BREAK, r"[,.;:!?()\n]|\bbut\b|\bhowever\b|\balthough\b", False),
]
_BREAKING_WORDS = st.sampled_from(
    [
        "but",
        "BUT",
        "rebut",
        "however",
        "However",
        "although",
        "Although",
        "abut",
        "halthough",
        "did",
        "didn't",
        "free",
        "freely",
        "never",
        "neither",
        "absence",
        "unrelated",
        "excluded",
        "ruled",
        "ruled out",
        "notable",
        "not ",
        "ha",
        "b",
        "(",
        ")",
        "!",
        "?",
        ":",
        ";",
        "that",
        "That",
        "thatch",
        "where",
        "WHERE",
        "somewhere",
        "when",
        "whenever",
        "\n",
    ]
)
_BREAKING_TEXT = st.lists(
    st.one_of(_BREAKING_WORDS, _CASED_WORDS, st.sampled_from([" ", ", ", "_"])), max_size=30
).map("".join)


@given(st.one_of(_BREAKING_TEXT, _CASED_TEXT))
@settings(max_examples=400, deadline=None)
def test_fast_patterns_find_what_their_plain_forms_find(text: str) -> None:
    """The places where negations can start and the clause breaks are found by patterns
    that begin with a letter or a character class, which ``re`` skips to: the same places
    as their plain forms find, case-insensitively, in ASCII text and in the rest (the
    places to start from are read by their start, a clause break by its span)."""
    for fast, plain, empty in _PLAIN:
        expected = [m.span() for m in re.finditer(plain, text, re.IGNORECASE)]
        found = [(m.start(), m.start()) if empty else m.span() for m in fast.finditer(text)]
        assert found == expected


_WHOLE_WORDS = [
    sorted(text_module.ROLE_WORDS),
    ["no", "not", "never", "nor", "neither", "did", "free", "ruled", "excluded"],
    ["a", "an", "and", "s", "k", "staff"],
]


@given(st.one_of(_BREAKING_TEXT, _CASED_TEXT), st.integers(min_value=0, max_value=40))
@settings(max_examples=400, deadline=None)
def test_whole_words_finds_what_word_boundaries_find(text: str, pos: int) -> None:
    """``whole_words`` begins with each word's first letter, which ``re`` skips to: the
    same matches as ``\\b(?:word|...)\\b``, case-insensitively, in ASCII text and in the
    rest (the long s and the Kelvin sign), from any place."""
    for words in _WHOLE_WORDS:
        plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        fast = text_module.Caseless(text_module.whole_words(words))
        assert [m.span() for m in fast.finditer(text, pos)] == [
            m.span() for m in plain.finditer(text, pos)
        ]


@given(st.one_of(_BREAKING_TEXT, _CASED_TEXT), st.integers(min_value=0, max_value=200))
@settings(max_examples=400, deadline=None)
def test_clause_starts_are_where_the_plain_pattern_finds_them(text: str, endpos: int) -> None:
    """Where ``actor_spans`` reads a clause as starting, up to a modal verb: the same
    matches as the plain case-insensitive pattern, in ASCII text and in the rest."""
    plain = re.compile(r"(?:^|[.;:!?\n]|\bthat\b|\bwhere\b|\bwhen\b|,)\s*", re.IGNORECASE)
    found = text_module._CLAUSE_START.finditer(text, 0, endpos)
    assert [m.span() for m in found] == [m.span() for m in plain.finditer(text, 0, endpos)]
