#include <doctest/doctest.h>

#include "content/csv.h"

using namespace fabu;

TEST_CASE("UTF-8 CSV with quotes, CRLF and a field spanning lines") {
    DiagnosticSink sink;
    auto table =
        read_csv("序号,单位,备注\r\n1,北京,\"第一, 二\"\r\n2,\"天津\",\"说\"\"好\"\"\n下一行\"\r\n\r\n", "a.csv", sink);
    REQUIRE(table);
    CHECK(table->header == std::vector<std::string>{"序号", "单位", "备注"});
    REQUIRE(table->rows.size() == 2);
    CHECK(table->rows[0].cells[2] == "第一, 二");
    CHECK(table->rows[1].cells[2] == "说\"好\"\n下一行");
    CHECK(table->rows[0].line == 2);
    CHECK(table->rows[1].line == 3);
    CHECK(table->encoding == TextEncoding::utf8);
}

TEST_CASE("a UTF-8 byte order mark is detected and removed") {
    DiagnosticSink sink;
    auto table = read_csv("\xEF\xBB\xBF序号,单位\n1,北京\n", "a.csv", sink);
    REQUIRE(table);
    CHECK(table->header[0] == "序号");
    CHECK(table->encoding == TextEncoding::utf8_bom);
}

TEST_CASE("GBK as Excel saves it is detected and decoded") {
    DiagnosticSink sink;
    // "序号,单位\n1,北京\n" in GBK.
    auto table = read_csv("\xD0\xF2\xBA\xC5,\xB5\xA5\xCE\xBB\n1,\xB1\xB1\xBE\xA9\n", "a.csv", sink);
    REQUIRE(table);
    CHECK(table->encoding == TextEncoding::gb18030);
    CHECK(table->header == std::vector<std::string>{"序号", "单位"});
    CHECK(table->rows[0].cells[1] == "北京");
}

TEST_CASE("GBK declared as UTF-8 is an error with its position") {
    DiagnosticSink sink;
    auto table = read_csv("a,b\n1,\xB1\xB1\xBE\xA9\n", "a.csv", sink, TextEncoding::utf8);
    CHECK_FALSE(table);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.position.line == 2);
    CHECK(diagnostic.position.column == 3);
    CHECK(diagnostic.message.find("gb18030") != std::string::npos);
}

TEST_CASE("malformed CSV names the line") {
    DiagnosticSink sink;
    CHECK_FALSE(read_csv("a,b\n1,\"open\n", "a.csv", sink));
    CHECK(sink.sorted()[0].position.line == 2);
    DiagnosticSink too_many;
    CHECK_FALSE(read_csv("a,b\n1,2,3\n", "a.csv", too_many));
    CHECK(too_many.sorted()[0].message.find("3 fields") != std::string::npos);
    DiagnosticSink empty;
    CHECK_FALSE(read_csv("", "a.csv", empty));
}

TEST_CASE("encoding names") {
    CHECK(parse_encoding_name("GBK") == TextEncoding::gb18030);
    CHECK(parse_encoding_name("utf-8") == TextEncoding::utf8);
    CHECK_FALSE(parse_encoding_name("latin1"));
}
