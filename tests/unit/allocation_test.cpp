#include <doctest/doctest.h>

#include "content/allocation.h"

using namespace fabu;

namespace {
std::vector<Diagnostic> check(const std::string& text) {
    DiagnosticSink sink;
    auto csv = read_csv(text, "a.csv", sink);
    REQUIRE(csv);
    auto table = read_allocation_table(*csv, "a.csv", sink);
    if (table) check_allocation_table(*table, sink);
    return sink.sorted();
}
}  // namespace

TEST_CASE("a table whose rows add up passes") {
    CHECK(check("序号,单 位,线下活动数量\n1,北 京,100\n2,天津,50\n,合 计,150\n").empty());
}

TEST_CASE("several quantity columns are each summed") {
    auto diagnostics = check("序号,单位,线下活动数量,好网民宣传员\n1,北京,100,600\n2,天津,100,400\n,合计,200,900\n");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].position.line == 4);
    CHECK(diagnostics[0].position.column == 4);
    CHECK(diagnostics[0].message == "好网民宣传员: the rows add up to 1000, but 合计 says 900 (a difference of -100)");
}

TEST_CASE("gaps in serial numbers, duplicate units and a missing total are caught") {
    auto diagnostics = check("序号,单位,数量\n1,北京,1\n3,天津,1\n4,北 京,1\n");
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].message.find("no 合计 row") != std::string::npos);
    CHECK(diagnostics[1].position.line == 3);
    CHECK(diagnostics[1].message.find("serial number 3 where 2 was expected") != std::string::npos);
    CHECK(diagnostics[2].position.line == 4);
    CHECK(diagnostics[2].message.find("appears twice (first on line 2)") != std::string::npos);
}

TEST_CASE("numbers Excel formats with thousands separators are read") {
    CHECK(check("序号,单位,人数\n1,甲,\"1,000\"\n2,乙,500\n,合计,\"1,500\"\n").empty());
    auto diagnostics = check("序号,单位,人数\n1,甲,一百\n,合计,0\n");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("is not a whole number") != std::string::npos);
}

TEST_CASE("a table without a unit column is refused") {
    auto diagnostics = check("序号,名称,数量\n1,甲,1\n");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("单位") != std::string::npos);
}

TEST_CASE("unit names compare without the spaces documents put in them") {
    CHECK(normalise_unit("内 蒙 古") == "内蒙古");
    CHECK(normalise_unit("黑　龙　江") == "黑龙江");
}
