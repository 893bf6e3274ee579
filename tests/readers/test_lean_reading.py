"""Big calendars are read without keeping every raw entry: same posts, lines and problems."""
import pytest

from chartercheck.errors import CalendarError

from .helpers import codes, read

POSTS = ("posts:\n"
         "  - id: a\n"
         "    channel: instagram\n"
         "    at: 2026-11-24 09:00\n"
         "    text: Bonjour\n"
         "  - id: b\n"
         "    channel: facebook\n"
         "    at: 2026-11-25 09:00\n"
         "    text: Salut\n")


def test_header_after_the_posts_still_applies_to_every_post():
    before = read("calendar: {timezone: America/New_York, author: lea}\n" + POSTS, "yaml")
    after = read(POSTS + "calendar: {timezone: America/New_York, author: lea}\n", "yaml")
    assert [(p.id, p.at, p.author) for p in after.posts] == [(p.id, p.at, p.author) for p in before.posts]
    assert [p.author for p in after.posts] == ["lea", "lea"]
    assert after.posts[0].at.hour == 14  # 09:00 in New York, stored in UTC


def test_field_lines_survive_the_compact_storage():
    post = read(POSTS, "yaml").posts[1]
    assert post.source.line == 6
    assert post.line_of("at") == 8 and post.line_of("text") == 9 and post.line_of("media") == 6
    assert dict(post.field_lines) == {"id": 6, "channel": 7, "at": 8, "text": 9}


def test_posts_written_alike_share_their_layout_and_repeated_values():
    first, second = read(POSTS.replace("facebook", "instagram"), "yaml").posts
    assert first.field_offsets is second.field_offsets
    assert first.channels is second.channels


def test_too_many_posts_counts_those_left_out():
    result = read(POSTS + POSTS.replace("posts:\n", "").replace("id: ", "id: x"), "yaml", max_posts=3)
    assert len(result.posts) == 3
    (problem,) = [p for p in result.problems if p.code == "CC918"]
    assert problem.params == {"count": 1, "limit": 3} and problem.line == 14


def test_posts_given_through_an_alias_are_read_too():
    text = "base: &all\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Bonjour}\nposts: *all\n"
    result = read(text, "yaml")
    assert [p.id for p in result.posts] == ["a"] and codes(result) == ["CC916"]


def test_a_syntax_error_after_good_posts_still_stops_the_file():
    with pytest.raises(CalendarError) as err:
        read(POSTS + "  - id: [unclosed\n", "yaml")
    assert err.value.problems[0].line == 11  # where the parser gives up


def test_a_bad_header_zone_wins_over_the_posts():
    with pytest.raises(CalendarError):
        read("calendar: {timezone: Mars/Olympus}\n" + POSTS, "yaml")


def test_byte_order_mark_and_non_latin_text():
    result = read("\ufeff" + POSTS.replace("Bonjour", "Bonjour 🚲 ’"), "yaml")
    assert result.posts[0].text == "Bonjour 🚲 ’" and result.posts[0].source.line == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_csv_rows_streamed_from_bytes_are_the_rows_of_the_decoded_text(newline):
    from chartercheck.readers.csv_calendar import _rows, _stream_rows
    text = newline.join(["id,channel,at,text", 'a,instagram,2026-11-24 09:00,"two', 'lines ’ 🚲"',
                         "b,facebook,24/11/2026 10:00,\x0cform feed", "", "c,x,2026-11-25 09:00,end"]) + newline
    data = ("\ufeff" + text).encode("utf-8")
    assert list(_stream_rows(data, "utf-8-sig", ",")) == _rows(text, ",")


def test_csv_date_order_and_row_count_come_from_the_first_pass():
    head = "id,channel,at,text\n"
    rows = "".join(f"p{i},instagram,{i + 1:02d}/11/2026 09:00,Bonjour {i}\n" for i in range(20))
    result = read(head + rows, "csv", max_posts=15)
    assert len(result.posts) == 15 and result.posts[0].at.day == 1 and result.posts[14].at.day == 15
    (problem,) = [p for p in result.problems if p.code == "CC918"]
    assert problem.params == {"count": 5, "limit": 15} and problem.line == 17
