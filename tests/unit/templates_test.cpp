#include <doctest/doctest.h>

#include "render/mustache.h"
#include "render/templates.h"

using namespace fabu;
using nlohmann::json;

namespace {
Theme theme_with(std::map<std::string, std::string> templates) {
    Theme theme;
    for (auto& [name, text] : templates) theme.templates[name] = {text, "templates/" + name + ".html"};
    return theme;
}

std::string render(const std::string& text, const json& data, const TemplateHelpers& helpers = {}) {
    std::vector<TemplateSyntaxError> errors;
    auto compiled = MustacheTemplate::compile({text, "t.html"}, {}, errors);
    REQUIRE(compiled);
    return compiled->render({&data}, helpers);
}
}  // namespace

TEST_CASE("variables are HTML-escaped; triple and & are raw") {
    json data = {{"x", "<b>\"A\" & 'B'</b>"}};
    CHECK(render("{{x}}", data) == "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;");
    CHECK(render("{{{x}}}", data) == "<b>\"A\" & 'B'</b>");
    CHECK(render("{{& x}}", data) == "<b>\"A\" & 'B'</b>");
    CHECK(render("[{{missing}}]", data) == "[]");
    CHECK(render("{{n}} {{f}} {{b}}", {{"n", 42}, {"f", 1.5}, {"b", true}}) == "42 1.5 true");
}

TEST_CASE("dotted names and the implicit iterator") {
    json data = {{"page", {{"date", {{"display", "2023年3月26日"}}}}}, {"tags", {"a", "b"}}};
    CHECK(render("{{page.date.display}}", data) == "2023年3月26日");
    CHECK(render("{{page.date.nothing}}", data) == "");
    CHECK(render("{{#tags}}<{{.}}>{{/tags}}", data) == "<a><b>");
}

TEST_CASE("sections iterate lists, enter objects and test truth") {
    json data = {{"items", {{{"n", "1"}}, {{"n", "2"}}}},
                 {"obj", {{"k", "v"}}},
                 {"yes", true},
                 {"empty", ""},
                 {"zero", 0},
                 {"none", nullptr},
                 {"list", json::array()},
                 {"outer", "O"}};
    CHECK(render("{{#items}}{{n}}{{outer}};{{/items}}", data) == "1O;2O;");
    CHECK(render("{{#obj}}{{k}}{{/obj}}", data) == "v");
    CHECK(render("{{#yes}}y{{/yes}}{{#empty}}e{{/empty}}{{#zero}}z{{/zero}}{{#none}}n{{/none}}{{#list}}l{{/list}}",
                 data) == "y");
    CHECK(render("{{^empty}}E{{/empty}}{{^list}}L{{/list}}{{^yes}}Y{{/yes}}", data) == "EL");
}

TEST_CASE("standalone section lines leave no blank lines behind") {
    json data = {{"items", {"a", "b"}}};
    CHECK(render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", data) ==
          "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
    CHECK(render("a\n{{! comment }}\nb\n", data) == "a\nb\n");
    CHECK(render("x {{#items}}{{.}}{{/items}} y\n", data) == "x ab y\n");
}

TEST_CASE("comments and delimiter changes") {
    CHECK(render("a{{! ignored }}b", json::object()) == "ab");
    CHECK(render("{{=<% %>=}}<% x %>{{x}}", {{"x", "1"}}) == "1{{x}}");
}

TEST_CASE("helpers receive a section's raw text") {
    TemplateHelpers helpers{{"asset", [](std::string_view name) { return "/" + std::string(name) + "?v=1"; }}};
    CHECK(render("<link href=\"{{#asset}} style.css {{/asset}}\">", json::object(), helpers) ==
          "<link href=\"/style.css?v=1\">");
}

TEST_CASE("syntax errors carry file, line and column") {
    std::vector<TemplateSyntaxError> errors;
    CHECK_FALSE(MustacheTemplate::compile({"a\n{{#open}}\nb\n", "t.html"}, {}, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 1);
    CHECK(errors[0].message.find("never closed") != std::string::npos);
    errors.clear();
    CHECK_FALSE(MustacheTemplate::compile({"{{#a}}{{/b}}", "t.html"}, {}, errors));
    CHECK(errors[0].message.find("closes 'a'") != std::string::npos);
    errors.clear();
    CHECK_FALSE(MustacheTemplate::compile({"x {{name", "t.html"}, {}, errors));
    CHECK(errors[0].column == 3);
}

TEST_CASE("template sets render with partials and later contexts shadow earlier ones") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "<h1>{{title}}</h1>{{> footer}}"}, {"partials/footer", "<p>{{site}}</p>"}}),
                    sink);
    REQUIRE_FALSE(sink.has_errors());
    json global = {{"title", "global"}, {"site", "A & B"}};
    json local = {{"title", "<script>x</script>"}};
    CHECK(set.render("page", {&global, &local}) == "<h1>&lt;script&gt;x&lt;/script&gt;</h1><p>A &amp; B</p>");
}

TEST_CASE("a template syntax error names the file and line") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "line one\n{{#open}}\nnever closed\n"}}), sink);
    REQUIRE(sink.error_count() == 1);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.file == "templates/page.html");
    CHECK(diagnostic.position.line == 2);
    CHECK_FALSE(set.has("page"));
}

TEST_CASE("an error inside a partial names the partial's file") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{> broken}}"}, {"partials/broken", "ok\n{{/nothing}}"}}), sink);
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.sorted()[0].file == "templates/partials/broken.html");
    CHECK(sink.sorted()[0].position.line == 2);
}

TEST_CASE("a missing partial is an error with its line") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "a\nb {{> nowhere}}\n"}}), sink);
    REQUIRE(sink.error_count() == 1);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.position.line == 2);
    CHECK(diagnostic.position.column == 3);
    CHECK(diagnostic.message.find("templates/partials/nowhere.html") != std::string::npos);
}

TEST_CASE("a partial that includes itself is an error, not a hang") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{> loop}}"}, {"partials/loop", "x{{> loop}}"}}), sink);
    CHECK(sink.has_errors());
    CHECK(sink.sorted()[0].message.find("includes itself") != std::string::npos);
}

TEST_CASE("page data cannot supply a partial") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{> footer}}"}, {"partials/footer", "ok"}}), sink);
    json data = {{"footer", "<script>evil()</script>"}};
    CHECK(set.render("page", {&data}) == "ok");
}
