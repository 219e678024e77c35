#include <doctest/doctest.h>

#include "content/markdown.h"

using namespace fabu;

namespace {
bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("headings get ids, CJK kept, duplicates numbered") {
    auto rendered = render_markdown("## 一、活动的总体要求\n\n## Hello World\n\n## Hello World\n", {});
    CHECK(contains(rendered.html, "<h2 id=\"一活动的总体要求\">一、活动的总体要求</h2>"));
    CHECK(contains(rendered.html, "<h2 id=\"hello-world\">Hello World</h2>"));
    CHECK(contains(rendered.html, "<h2 id=\"hello-world-1\">Hello World</h2>"));
    REQUIRE(rendered.headings.size() == 3);
    CHECK(rendered.headings[0].text == "一、活动的总体要求");
}

TEST_CASE("GFM extensions: tables, strikethrough, autolinks, task lists") {
    auto rendered =
        render_markdown("| 序号 | 单位 |\n|---|---|\n| 1 | 北京 |\n\n~~old~~ https://example.org\n\n- [x] done\n", {});
    CHECK(contains(rendered.html, "<div class=\"table-scroll\" tabindex=\"0\">\n<table>"));
    CHECK(contains(rendered.html, "<td>北京</td>"));
    CHECK(contains(rendered.html, "<del>old</del>"));
    CHECK(contains(rendered.html, "<a href=\"https://example.org\">"));
    CHECK(contains(rendered.html, "type=\"checkbox\""));
}

TEST_CASE("raw HTML is off unless enabled, and tagfilter still applies") {
    std::string source = "<div onclick=\"x()\">hi</div>\n\n<script>alert(1)</script>\n";
    auto safe = render_markdown(source, {});
    CHECK_FALSE(contains(safe.html, "<div"));
    CHECK_FALSE(contains(safe.html, "<script"));
    CHECK(contains(safe.html, "raw HTML omitted"));
    MarkdownOptions unsafe;
    unsafe.unsafe_html = true;
    auto trusted = render_markdown(source, unsafe);
    CHECK(contains(trusted.html, "<div onclick"));
    CHECK_FALSE(contains(trusted.html, "<script>"));  // tagfilter
}

TEST_CASE("dangerous link and image URLs are dropped") {
    auto rendered = render_markdown("[x](javascript:alert(1)) ![i](javascript:alert(2))", {});
    CHECK_FALSE(contains(rendered.html, "javascript:"));
}

TEST_CASE("images load lazily and keep escaped alt text") {
    auto rendered = render_markdown("![封面 \"图\"](a.png \"标题\")", {});
    CHECK(
        contains(rendered.html,
                 "<img src=\"a.png\" alt=\"封面 &quot;图&quot;\" title=\"标题\" loading=\"lazy\" decoding=\"async\">"));
}

TEST_CASE("the URL resolver rewrites links and images") {
    UrlResolver resolver = [](std::string_view url, UrlKind kind) -> std::optional<std::string> {
        if (url == "other.md") return std::string("/posts/other/");
        if (kind == UrlKind::image) return "https://cdn.example.org/" + std::string(url);
        return std::nullopt;
    };
    auto rendered = render_markdown("[a](other.md) [b](https://example.org) ![c](c.png)", {}, resolver);
    CHECK(contains(rendered.html, "href=\"/posts/other/\""));
    CHECK(contains(rendered.html, "href=\"https://example.org\""));
    CHECK(contains(rendered.html, "src=\"https://cdn.example.org/c.png\""));
}

TEST_CASE("plain text for summaries and the summary divider") {
    auto rendered = render_markdown("# 标题\n\n第一段**加粗**。\n", {});
    CHECK(rendered.plain_text == "标题第一段加粗。");
    CHECK(summary_divider_prefix("intro\n<!--more-->\nrest") == std::optional<std::string_view>("intro\n"));
    CHECK_FALSE(summary_divider_prefix("no divider"));
}

TEST_CASE("heading anchors") {
    CHECK(heading_anchor("（一）第一阶段：活动启动推进") == "一第一阶段活动启动推进");
    CHECK(heading_anchor("What's New?") == "whats-new");
    CHECK(heading_anchor("！！") == "section");
}

TEST_CASE("bold that ends in Chinese punctuation before more text still works") {
    auto closing = render_markdown("**（二）加强领导，形成合力。**各单位要高度重视。", {});
    CHECK(contains(closing.html, "<strong>（二）加强领导，形成合力</strong>。各单位"));
    auto opening = render_markdown("请关注**“全国总工会”**微信公众号", {});
    CHECK(contains(opening.html, "请关注“<strong>全国总工会</strong>”微信公众号"));
    auto plain = render_markdown("**正常加粗**和 `**代码**`", {});
    CHECK(contains(plain.html, "<strong>正常加粗</strong>"));
    CHECK(contains(plain.html, "<code>**代码**</code>"));
    auto fenced = render_markdown("```\n**（二）。**各\n```\n", {});
    CHECK(contains(fenced.html, "**（二）。**各"));
}
