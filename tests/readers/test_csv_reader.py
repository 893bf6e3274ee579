"""CSV reader: native header, tools' dialects, encodings, delimiters and date orders."""
import pytest

from chartercheck.errors import CalendarError

from .helpers import codes, local, read

NATIVE = ("id,channel,at,text,pillar,author,status,sponsored,approved_by,approved_at,approved_role\n"
          "ig1,IG,2026-11-24 12:00,\"Vérifie ton éclairage, c'est l'hiver.\",conseils,lea,scheduled,non,"
          "marc|sophie,2026-11-20 10:00|2026-11-20 11:00,brand_manager|legal\n")


def test_native_header_and_approvals_paired_by_position():
    result = read(NATIVE, "csv")
    [post] = result.posts
    assert (post.id, post.channels, post.text, post.pillar, post.status) == (
        "ig1", ("instagram",), "Vérifie ton éclairage, c'est l'hiver.", "conseils", "scheduled")
    assert local(post).strftime("%Y-%m-%d %H:%M") == "2026-11-24 12:00"
    assert [(a.by, a.role, local_hour(a.at)) for a in post.approvals] == [
        ("marc", "brand_manager", 10), ("sophie", "legal", 11)]
    assert post.source.line == 2 and result.problems == [] and result.meta["dialect"] == "native"


def local_hour(moment):
    from .helpers import PARIS
    return moment.astimezone(PARIS).hour


def test_french_excel_bom_semicolons_and_day_first_dates():
    data = ("\ufeffid;channel;date;time;text\n"
            "a;facebook;05/11/2026;10:00;Bonjour, à bientôt\n"
            "b;facebook;24/11/2026;14:30;Merci\n").encode("utf-8")
    result = read(data, "csv")
    assert [local(p).strftime("%m-%d %H:%M") for p in result.posts] == ["11-05 10:00", "11-24 14:30"]
    assert result.posts[0].text == "Bonjour, à bientôt" and result.problems == []


def test_ambiguous_dates_are_guessed_and_reported_unless_told():
    text = "id,channel,at,text\na,facebook,05/11/2026 10:00,Bonjour\n"
    result = read(text, "csv")
    assert codes(result) == ["CC915"] and local(result.posts[0]).month == 11
    told = read(text, "csv", date_format="mdy")
    assert told.problems == [] and local(told.posts[0]).month == 5


def test_sprout_social_bulk_file():
    text = ("Date,Time_24hr,Message_text,Link,Image_URL\n"
            "11/05/2026,17:00,Bonjour,,https://cdn.example/a.jpg\n11/24/2026,09:00,Merci,,\n")
    result = read(text, "csv", path="sprout-instagram.csv")
    assert result.meta["dialect"] == "sprout" and result.problems == []
    assert [(local(p).strftime("%m-%d %H:%M"), p.channels) for p in result.posts] == [
        ("11-05 17:00", ("instagram",)), ("11-24 09:00", ("instagram",))]
    assert result.posts[0].media == ("https://cdn.example/a.jpg",)


def test_buffer_export_with_a_channel_tag():
    text = "Text,Image URL,Tags,Posting Time\n\"Bonjour, LinkedIn\",,linkedin,2026-11-24 9:30 AM\n"
    result = read(text, "csv")
    [post] = result.posts
    assert result.meta["dialect"] == "buffer" and post.channels == ("linkedin",)
    assert local(post).strftime("%H:%M") == "09:30"


def test_google_calendar_csv_with_a_prefix_and_twelve_hour_clock():
    text = ("Subject,Start Date,Start Time,End Date,End Time,All Day Event,Description,Location,Private\n"
            "[FB] Balade,11/28/2026,1:00 PM,11/28/2026,1:15 PM,False,Balade du jour,,False\n")
    [post] = read(text, "csv").posts
    assert post.channels == ("facebook",) and post.title == "Balade" and post.text == "Balade du jour"
    assert local(post).strftime("%m-%d %H:%M") == "11-28 13:00"


def test_hootsuite_file_without_header_and_channel_from_its_name():
    text = "23/11/2026 14:00,Merci à tous,https://velolumiere.example\n26/11/2026 15:00,Rencontre,\n"
    result = read(text, "csv", path="exports/hootsuite-facebook.csv")
    assert result.meta["dialect"] == "hootsuite" and result.problems == []
    assert [(p.source.line, p.channels, p.link) for p in result.posts] == [
        (1, ("facebook",), "https://velolumiere.example"), (2, ("facebook",), None)]


def test_row_lines_follow_multi_line_texts():
    text = 'id,channel,at,text\na,facebook,2026-11-24 10:00,"ligne 1\nligne 2"\nb,facebook,2026-11-24 15:00,x\n'
    assert [p.source.line for p in read(text, "csv").posts] == [2, 4]


def test_bad_rows_are_reported_and_skipped():
    text = ("id,channel,at,text,colour\n"
            "a,facebook,2026-11-24 10:00,x,red\n"
            "b,facebook,demain,y,\n"
            "c,facebook,2026-11-24 11:00,z,,extra\n"
            ",,,,\n"
            "d,,2026-11-24 12:00,,\n")
    result = read(text, "csv")
    assert [p.id for p in result.posts] == ["a", "d"]
    assert codes(result) == ["CC901", "CC903", "CC908", "CC909", "CC916"]


def test_windows_1252_is_decoded_and_reported():
    data = "id;channel;at;text\na;facebook;2026-11-24 10:00;Vélo\n".encode("cp1252")
    result = read(data, "csv")
    assert result.posts[0].text == "Vélo" and codes(result) == ["CC914"]


def test_header_without_a_time_column_is_a_clean_error():
    with pytest.raises(CalendarError, match="no publication time column"):
        read("name,colour\nx,red\n", "csv")


def test_empty_file_gives_no_posts():
    assert read("", "csv").posts == [] and read("\ufeff\n", "csv").posts == []
