"""Readers and decoding: encodings, mojibake, ids, dates, metadata."""

import io
import json

import pytest

from newsgraph.ingest import Columns, InputError, article_id, make_article, read_inputs
from newsgraph.ingest.decode import UnreadableInput, decode_bytes


def test_utf8_with_bom_and_utf16():
    assert decode_bytes("\ufeffHello “world”".encode("utf-8")).text == "Hello “world”"
    assert decode_bytes("Hello “world”".encode("utf-16")).text == "Hello “world”"


def test_mojibake_is_repaired_and_recorded():
    decoded = decode_bytes("Russia’s war and the minister’s reply".encode("utf-8").decode("cp1252").encode("utf-8"))
    assert decoded.text == "Russia’s war and the minister’s reply"
    assert decoded.warnings and decoded.warnings[0].startswith("repaired mojibake")


def test_clean_text_is_left_alone():
    text = "Mr Müller said the “café” deal was done – for now."
    assert decode_bytes(text.encode()).text == text
    assert decode_bytes(text.encode()).warnings == []


def test_binary_is_refused():
    with pytest.raises(UnreadableInput, match="binary"):
        decode_bytes(b"\x00\x01\x02PK" * 100)


def test_id_is_stable_and_depends_on_outlet_url_and_text():
    assert article_id("Some  text\n") == article_id("some text")
    assert article_id("text", source="A") != article_id("text", source="B")
    assert article_id("text", url="u1") != article_id("text", url="u2")


def test_make_article_normalises_dates_and_keeps_unknown_fields():
    article = make_article("Headline\n\nBody.", date="27 June 2009", desk="world", id="x1")
    assert (article.id, article.date, article.title, article.metadata) == ("x1", "2009-06-27", "Headline",
                                                                          {"desk": "world"})
    odd = make_article("Headline\n\nBody.", date="sometime soon")
    assert odd.date == "sometime soon" and "unrecognised date" in odd.warnings[0]


def test_stdin_sniffs_jsonl():
    data = "\n".join(json.dumps({"id": str(i), "text": f"Story {i}\n\nBody {i}."}) for i in range(3)).encode()
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [item.id for item in items] == ["0", "1", "2"]


def test_record_without_text_is_an_error(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{"id": "a", "text": "Fine\n\nBody."}, {"id": "b", "body": "no text field"}]))
    items = list(read_inputs([str(path)]))
    assert items[0].id == "a"
    assert isinstance(items[1], InputError) and items[1].reason == "no text in field 'text'"


def test_custom_columns(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"story": "Hi\n\nThere.", "headline": "H", "pub": "2024-01-02T10:00:00Z"}))
    [article] = read_inputs([str(path)], Columns(text="story", title="headline", date="pub"))
    assert (article.title, article.date, article.path) == ("H", "2024-01-02", str(path))


def test_nul_characters_in_json_text_are_removed_with_a_warning():
    record = {"id": "n1", "text": "Harbour\x00 talks\n\nThe mayor met\x00 envoys on Monday.", "title": "Har\x00bour"}
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(json.dumps(record).encode())))
    assert "\x00" not in article.text and "\x00" not in article.title
    assert article.text.startswith("Harbour talks") and "NUL characters removed" in article.warnings
