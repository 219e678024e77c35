#include <doctest/doctest.h>

#include "core/dates.h"
#include "core/text.h"

using namespace fabu;

TEST_CASE("HTML and XML escaping") {
    CHECK(escape_html("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    CHECK(escape_xml("a\x01<b>") == "a&lt;b&gt;");
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
    std::size_t bad = 0;
    CHECK(is_valid_utf8("网聚职工正能量"));
    CHECK_FALSE(is_valid_utf8("ok\xD6\xD0\xCE\xC4", &bad));  // "中文" in GBK
    CHECK(bad == 2);
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong "/"
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
}

TEST_CASE("truncation counts characters, not bytes") {
    CHECK(truncate_chars("网聚职工正能量", 4) == "网聚职工…");
    CHECK(truncate_chars("short", 10) == "short");
    CHECK(count_code_points("中文abc") == 5);
}

TEST_CASE("word counts: CJK characters and Latin words") {
    CHECK(count_words("争做中国好网民") == 7);
    CHECK(count_words("hello world") == 2);
    CHECK(count_words("fabu 发布 tool") == 4);
}

TEST_CASE("line and column of a byte offset") {
    auto where = line_column_at("ab\n中文x", 8);  // the "x" after two 3-byte characters
    CHECK(where.line == 2);
    CHECK(where.column == 3);
}

TEST_CASE("dates in the forms front matter uses") {
    auto date = parse_date("2023-03-26");
    REQUIRE(date);
    CHECK(date->year == 2023);
    CHECK_FALSE(date->has_time);
    CHECK(parse_date("2023/3/26 10:00:00"));
    auto zoned = parse_date("2023-03-26T10:00:00+08:00");
    REQUIRE(zoned);
    CHECK(*zoned->utc_offset_minutes == 480);
    CHECK(parse_date("2023-03-26T02:00:00Z")->utc_offset_minutes == 0);
    CHECK_FALSE(parse_date("2023-02-30"));
    CHECK_FALSE(parse_date("2023-13-01"));
    CHECK_FALSE(parse_date("2023年3月26日"));
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2023-02-29"));
}

TEST_CASE("date formats per language and for feeds") {
    DateTime date = *parse_date("2023-03-26");
    CHECK(format_display_date(date, "zh-CN") == "2023年3月26日");
    CHECK(format_display_date(date, "en") == "26 March 2023");
    CHECK(format_rfc3339(date, 480) == "2023-03-26T00:00:00+08:00");
    CHECK(format_iso_date(date) == "2023-03-26");
    CHECK(to_unix_seconds(*parse_date("1970-01-01T08:00:00+08:00"), 0) == 0);
}
