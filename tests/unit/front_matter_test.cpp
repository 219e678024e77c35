#include <doctest/doctest.h>

#include "content/front_matter.h"
#include "content/structured.h"

using namespace fabu;

namespace {
std::optional<FrontMatter> split(std::string_view text, DiagnosticSink& sink) {
    return split_front_matter(text, "content/a.md", sink);
}
}  // namespace

TEST_CASE("YAML front matter: values, types and the body that follows") {
    DiagnosticSink sink;
    std::string text =
        "---\ntitle: 通知\ndate: 2023-03-26\ntags: [通知, 2023年]\ndraft: false\nweight: 3\nphone: 01068590000\n"
        "ratio: 1.5\nempty:\n---\n正文\n";
    auto front = split(text, sink);
    REQUIRE(front);
    CHECK_FALSE(sink.has_errors());
    const auto& value = front->document.value;
    CHECK(value["title"] == "通知");
    CHECK(value["date"] == "2023-03-26");
    CHECK(value["tags"].size() == 2);
    CHECK(value["draft"] == false);
    CHECK(value["weight"] == 3);
    // A leading zero keeps the value as text: phone numbers must not lose it.
    CHECK(value["phone"] == "01068590000");
    CHECK(value["ratio"] == 1.5);
    CHECK(value["empty"].is_null());
    CHECK(front->body == "正文\n");
    CHECK(front->body_line == 11);
    CHECK(front->document.position_of("/weight").line == 6);
}

TEST_CASE("quoted YAML scalars stay text") {
    DiagnosticSink sink;
    auto front = split("---\nyear: \"2023\"\nflag: 'true'\n---\n", sink);
    REQUIRE(front);
    CHECK(front->document.value["year"] == "2023");
    CHECK(front->document.value["flag"] == "true");
}

TEST_CASE("a YAML error points at the line in the .md file") {
    DiagnosticSink sink;
    auto front = split("---\ntitle: ok\ntags: [a, b\nsummary: x\n---\nbody\n", sink);
    CHECK_FALSE(front);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].file == "content/a.md");
    CHECK(diagnostics[0].position.line >= 3);
    CHECK(diagnostics[0].position.line <= 5);
    CHECK(diagnostics[0].message.find("YAML") != std::string::npos);
}

TEST_CASE("duplicate keys are an error at the second key") {
    DiagnosticSink sink;
    auto front = split("---\ntitle: a\ntitle: b\n---\n", sink);
    CHECK_FALSE(front);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].position.line == 3);
    CHECK(diagnostics[0].message.find("duplicate key 'title'") != std::string::npos);
}

TEST_CASE("unclosed front matter is reported at line 1") {
    DiagnosticSink sink;
    CHECK_FALSE(split("---\ntitle: a\n", sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.sorted()[0].position.line == 1);
}

TEST_CASE("TOML front matter between +++ lines, as Hugo writes it") {
    DiagnosticSink sink;
    auto front =
        split("+++\ntitle = \"Hugo page\"\ndate = 2023-03-26T10:00:00+08:00\ntags = [\"a\"]\n+++\nText\n", sink);
    REQUIRE(front);
    CHECK(front->document.value["title"] == "Hugo page");
    CHECK(front->document.value["date"].get<std::string>().starts_with("2023-03-26T10:00"));
    CHECK(front->body == "Text\n");
    CHECK(front->body_line == 6);
}

TEST_CASE("TOML errors carry the file line") {
    DiagnosticSink sink;
    CHECK_FALSE(split("+++\ntitle = \"a\"\nbroken =\n+++\n", sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.sorted()[0].position.line == 3);
}

TEST_CASE("JSON front matter at the top of the file") {
    DiagnosticSink sink;
    auto front = split("{\n  \"title\": \"JSON page\",\n  \"weight\": 2\n}\nBody text\n", sink);
    REQUIRE(front);
    CHECK(front->document.value["title"] == "JSON page");
    CHECK(front->body == "Body text\n");
    CHECK(front->body_line == 5);
}

TEST_CASE("Hexo front matter without the opening ---") {
    DiagnosticSink sink;
    auto front = split("title: Hexo post\ndate: 2023/3/26 10:00:00\n---\nHello\n", sink);
    REQUIRE(front);
    CHECK(front->document.value["title"] == "Hexo post");
    CHECK(front->body == "Hello\n");
}

TEST_CASE("Markdown that merely starts with 'word:' is not front matter") {
    DiagnosticSink sink;
    auto front = split("Note: this is text.\n\nMore text.\n", sink);
    REQUIRE(front);
    CHECK(front->document.value.empty());
    CHECK(front->body == "Note: this is text.\n\nMore text.\n");
}

TEST_CASE("a UTF-8 byte order mark and CRLF line ends are accepted") {
    DiagnosticSink sink;
    auto front = split("\xEF\xBB\xBF---\r\ntitle: 标题\r\n---\r\nBody\r\n", sink);
    REQUIRE(front);
    CHECK(front->document.value["title"] == "标题");
    CHECK(front->body == "Body\r\n");
}

TEST_CASE("files without front matter are all body") {
    DiagnosticSink sink;
    auto front = split("# Title\n\nText\n", sink);
    REQUIRE(front);
    CHECK(front->document.value.empty());
    CHECK(front->body_line == 1);
}
