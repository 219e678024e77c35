#pragma once
// Markdown to HTML through cmark-gfm. Call register_markdown_extensions()
// once at start-up, before any thread renders: cmark-gfm's extension registry
// is global and not thread-safe. Each render uses its own parser.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fabu {

struct MarkdownOptions {
    bool unsafe_html = false;  // pass raw HTML through (tagfilter still applies)
    bool hard_breaks = false;
    bool smart_punctuation = false;
};

struct Heading {
    int level = 0;
    std::string id;
    std::string text;
};

enum class UrlKind { link, image };
// Returns the URL to use instead of `url`, or nullopt to keep it.
using UrlResolver = std::function<std::optional<std::string>(std::string_view url, UrlKind kind)>;

struct RenderedMarkdown {
    std::string html;
    std::vector<Heading> headings;
    std::string plain_text;  // the words a reader reads: for summaries and counts
};

void register_markdown_extensions();

RenderedMarkdown render_markdown(std::string_view markdown, const MarkdownOptions& options,
                                 const UrlResolver& resolve_url = {});

// An anchor id from heading text: lower-case ASCII, letters and digits of any
// script kept (CJK headings keep their characters), spaces to "-", other
// punctuation dropped; "section" when nothing is left.
std::string heading_anchor(std::string_view text);

// The text before a "<!--more-->" line, when the page has one.
std::optional<std::string_view> summary_divider_prefix(std::string_view markdown);

}  // namespace fabu
