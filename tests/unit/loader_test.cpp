#include <doctest/doctest.h>

#include "content/loader.h"

using namespace fabu;

TEST_CASE("front matter fields become page fields") {
    DiagnosticSink sink;
    SiteConfig config;
    auto page = read_page(
        "---\ntitle: 通知\ndate: 2023-03-26\ntags: 通知，2023年\ndraft: true\nslug: notice\nweight: 2\n"
        "doc_number: 总工字〔2023〕19号\n---\nBody\n",
        "content/a.md", config, sink);
    REQUIRE(page);
    CHECK(page->title == "通知");
    CHECK(page->date->day == 26);
    CHECK(page->terms["tags"] == std::vector<std::string>{"通知", "2023年"});
    CHECK(page->draft);
    CHECK(page->slug == "notice");
    CHECK(page->weight == 2);
    CHECK(page->params["doc_number"] == "总工字〔2023〕19号");  // any key reaches templates
    CHECK(page->body == "Body\n");
}

TEST_CASE("a date that does not exist is an error on its line") {
    DiagnosticSink sink;
    auto page = read_page("---\ntitle: x\ndate: 2023-02-30\n---\n", "content/a.md", {}, sink);
    CHECK_FALSE(page);
    REQUIRE(sink.error_count() == 1);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.position.line == 3);
    CHECK(diagnostic.message.find("not a real date") != std::string::npos);
}

TEST_CASE("GBK text is reported with its position") {
    DiagnosticSink sink;
    auto page = read_page("---\ntitle: x\n---\n\xD6\xD0\xCE\xC4\n", "content/gbk.md", {}, sink);
    CHECK_FALSE(page);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.position.line == 4);
    CHECK(diagnostic.message.find("UTF-8") != std::string::npos);
}

TEST_CASE("slugs and urls cannot climb out of the site") {
    DiagnosticSink sink;
    CHECK_FALSE(read_page("---\nslug: ../../etc\n---\n", "content/a.md", {}, sink));
    CHECK_FALSE(read_page("---\nurl: /../../x/\n---\n", "content/b.md", {}, sink));
    CHECK(sink.error_count() == 2);
}

TEST_CASE("wrong types are named") {
    DiagnosticSink sink;
    CHECK_FALSE(read_page("---\ndraft: maybe\n---\n", "content/a.md", {}, sink));
    CHECK(sink.sorted()[0].message.find("'draft' must be true or false") != std::string::npos);
}
