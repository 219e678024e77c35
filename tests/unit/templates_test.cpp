#include <doctest/doctest.h>

#include "render/templates.h"

using namespace fabu;

namespace {
Theme theme_with(std::map<std::string, std::string> templates) {
    Theme theme;
    for (auto& [name, text] : templates) theme.templates[name] = {text, "templates/" + name + ".html"};
    return theme;
}
}  // namespace

TEST_CASE("templates render with partials and escape values") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "<h1>{{title}}</h1>{{> footer}}"}, {"partials/footer", "<p>{{site}}</p>"}}),
                    sink);
    REQUIRE_FALSE(sink.has_errors());
    MustacheData data = to_mustache({{"title", "<script>x</script>"}, {"site", "A & B"}});
    CHECK(set.render("page", {&data}) == "<h1>&lt;script&gt;x&lt;/script&gt;</h1><p>A &amp; B</p>");
}

TEST_CASE("later contexts shadow earlier ones") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{a}}-{{b}}"}}), sink);
    MustacheData global = to_mustache({{"a", "1"}, {"b", "2"}});
    MustacheData local = to_mustache({{"b", "3"}});
    CHECK(set.render("page", {&global, &local}) == "1-3");
}

TEST_CASE("empty strings and null are falsy") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{#icp}}[{{icp}}]{{/icp}}{{#none}}x{{/none}}{{#ok}}y{{/ok}}"}}), sink);
    MustacheData data = to_mustache({{"icp", ""}, {"none", nullptr}, {"ok", true}});
    CHECK(set.render("page", {&data}) == "y");
}

TEST_CASE("a template syntax error names the file and line") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "line one\n{{#open}}\nnever closed\n"}}), sink);
    REQUIRE(sink.error_count() == 1);
    auto diagnostic = sink.sorted()[0];
    CHECK(diagnostic.file == "templates/page.html");
    CHECK(diagnostic.message.find("template") != std::string::npos);
    CHECK_FALSE(set.has("page"));
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

TEST_CASE("page data cannot supply a partial") {
    DiagnosticSink sink;
    TemplateSet set(theme_with({{"page", "{{> footer}}"}, {"partials/footer", "ok"}}), sink);
    MustacheData data = to_mustache({{"footer", "<script>evil()</script>"}});
    CHECK(set.render("page", {&data}) == "ok");
}
