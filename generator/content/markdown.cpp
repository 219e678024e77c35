#include "content/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <unicode/uchar.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "core/text.h"

namespace fabu {

namespace {

constexpr const char* extension_names[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct MallocDeleter {
    void operator()(char* text) const { std::free(text); }
};

void collect_text(cmark_node* node, std::string& out) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* literal = cmark_node_get_literal(child)) out += literal;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out += ' '; break;
            default:
                collect_text(child, out);
                // Blocks end a word in Latin text; CJK text needs no space.
                if ((cmark_node_get_type(child) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK && !out.empty() &&
                    static_cast<unsigned char>(out.back()) < 0x80 && out.back() != ' ')
                    out += ' ';
        }
    }
}

std::string attribute(std::string_view name, std::string_view value) {
    return std::string(" ") + std::string(name) + "=\"" + escape_html(value) + "\"";
}

// Whether the URL is safe to put in src: cmark's own rule for links, which
// rejects javascript:, vbscript:, file: and data: other than images.
bool is_safe_image_url(std::string_view url) {
    std::string lower = to_lower_ascii(trim(url));
    for (const char* scheme : {"javascript:", "vbscript:", "file:"})
        if (lower.starts_with(scheme)) return false;
    if (lower.starts_with("data:"))
        return lower.starts_with("data:image/png") || lower.starts_with("data:image/gif") ||
               lower.starts_with("data:image/jpeg") || lower.starts_with("data:image/webp");
    return true;
}

bool is_punctuation(char32_t cp) {
    return u_ispunct(static_cast<UChar32>(cp));
}
bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

// The code point that ends just before `offset`, and where it starts.
char32_t previous_code_point(std::string_view text, std::size_t offset, std::size_t& start) {
    start = offset;
    do {
        --start;
    } while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
    std::size_t cursor = start;
    return next_code_point(text, cursor);
}

// CommonMark will not close "**" right after punctuation when a letter
// follows, nor open it right before punctuation after a letter — so
// "**（二）加强领导。**各单位" stays unbold, the commonest complaint of Chinese
// writers. Where a "**" pair is blocked only by that, the punctuation moves
// outside the pair: "**（二）加强领导**。各单位". Code spans and fences are
// left alone.
std::string fix_line_emphasis(std::string_view line) {
    std::vector<std::size_t> markers;
    bool in_code = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '`') in_code = !in_code;
        if (!in_code && line.compare(i, 2, "**") == 0 && (i + 2 >= line.size() || line[i + 2] != '*') &&
            (i == 0 || line[i - 1] != '*')) {
            markers.push_back(i);
            ++i;
        }
    }
    if (markers.size() < 2) return std::string(line);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t m = 0; m + 1 < markers.size(); m += 2) {
        std::size_t open = markers[m], close = markers[m + 1];
        std::string_view inner = line.substr(open + 2, close - open - 2);
        if (inner.empty()) continue;
        std::string before_text, after_text, inner_text(inner);
        // Closing side: "…。**字"
        std::size_t last_start = 0;
        char32_t last = previous_code_point(inner, inner.size(), last_start);
        std::size_t after_offset = close + 2;
        if (is_punctuation(last) && after_offset < line.size()) {
            std::size_t cursor = after_offset;
            char32_t after = next_code_point(line, cursor);
            if (!is_space(after) && !is_punctuation(after)) {
                after_text = inner_text.substr(last_start);
                inner_text.erase(last_start);
            }
        }
        // Opening side: "字**“…"
        std::size_t cursor = 0;
        char32_t first = next_code_point(inner_text, cursor);
        if (is_punctuation(first) && open > 0) {
            std::size_t before_start = 0;
            char32_t before = previous_code_point(line, open, before_start);
            if (!is_space(before) && !is_punctuation(before)) {
                before_text = inner_text.substr(0, cursor);
                inner_text.erase(0, cursor);
            }
        }
        if (before_text.empty() && after_text.empty()) continue;
        if (inner_text.empty()) continue;
        out.append(line.substr(copied, open - copied));
        out += before_text + "**" + inner_text + "**" + after_text;
        copied = close + 2;
    }
    out.append(line.substr(copied));
    return out;
}

std::string fix_cjk_emphasis(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size() + 16);
    bool in_fence = false;
    std::size_t start = 0;
    while (start < markdown.size()) {
        std::size_t end = markdown.find('\n', start);
        std::size_t stop = end == std::string_view::npos ? markdown.size() : end + 1;
        std::string_view line = markdown.substr(start, stop - start);
        std::string_view content = trim(line);
        if (content.starts_with("```") || content.starts_with("~~~")) in_fence = !in_fence;
        if (!in_fence && line.find("**") != std::string_view::npos)
            out += fix_line_emphasis(line);
        else
            out.append(line);
        start = stop;
    }
    return out;
}

}  // namespace

void register_markdown_extensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string heading_anchor(std::string_view text) {
    std::string id;
    std::size_t offset = 0;
    bool pending_dash = false;
    while (offset < text.size()) {
        char32_t cp = next_code_point(text, offset);
        if (cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '_' || cp == '-')) {
            if (pending_dash && !id.empty()) id += '-';
            pending_dash = false;
            id += static_cast<char>(std::tolower(static_cast<int>(cp)));
        } else if (cp >= 0x80 && u_isalnum(static_cast<UChar32>(cp))) {
            if (pending_dash && !id.empty()) id += '-';
            pending_dash = false;
            append_utf8(id, cp);
        } else if (cp == ' ' || cp == '\t' || cp == 0x3000) {
            pending_dash = true;
        }
    }
    return id.empty() ? "section" : id;
}

std::optional<std::string_view> summary_divider_prefix(std::string_view markdown) {
    auto pos = markdown.find("<!--more-->");
    if (pos == std::string_view::npos) return std::nullopt;
    return markdown.substr(0, pos);
}

RenderedMarkdown render_markdown(std::string_view markdown, const MarkdownOptions& options,
                                 const UrlResolver& resolve_url) {
    int flags = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG;
    if (options.unsafe_html) flags |= CMARK_OPT_UNSAFE;
    if (options.hard_breaks) flags |= CMARK_OPT_HARDBREAKS;
    if (options.smart_punctuation) flags |= CMARK_OPT_SMART;

    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(flags));
    for (const char* name : extension_names) {
        cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
        if (!extension) throw std::runtime_error(std::string("cmark-gfm extension missing: ") + name);
        cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    std::string fixed;
    if (markdown.find("**") != std::string_view::npos) {
        fixed = fix_cjk_emphasis(markdown);
        markdown = fixed;
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

    // Collect first, edit after: the iterator must not see a changing tree.
    std::vector<cmark_node*> headings, images, links, tables;
    {
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            if (event != CMARK_EVENT_ENTER) continue;
            cmark_node* node = cmark_iter_get_node(iter.get());
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_HEADING: headings.push_back(node); break;
                case CMARK_NODE_IMAGE: images.push_back(node); break;
                case CMARK_NODE_LINK: links.push_back(node); break;
                default:
                    if (const char* type = cmark_node_get_type_string(node); type && std::string_view(type) == "table")
                        tables.push_back(node);
            }
        }
    }

    RenderedMarkdown result;
    std::unordered_map<std::string, int> used_ids;
    std::vector<std::string> heading_opens;
    for (cmark_node* heading : headings) {
        Heading entry;
        entry.level = cmark_node_get_heading_level(heading);
        collect_text(heading, entry.text);
        std::string id = heading_anchor(entry.text);
        if (int& seen = used_ids[id]; seen++ > 0) id += '-' + std::to_string(seen - 1);
        entry.id = id;
        // A custom block carries the id: cmark's renderer has no attribute hook.
        std::string level = std::to_string(entry.level);
        cmark_node* replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        std::string open = "<h" + level + attribute("id", id) + ">";
        std::string close = "</h" + level + ">";
        cmark_node_set_on_enter(replacement, open.c_str());
        heading_opens.push_back(open);
        cmark_node_set_on_exit(replacement, close.c_str());
        while (cmark_node* child = cmark_node_first_child(heading)) {
            cmark_node_unlink(child);
            cmark_node_append_child(replacement, child);
        }
        cmark_node_replace(heading, replacement);
        cmark_node_free(heading);
        result.headings.push_back(std::move(entry));
    }
    for (cmark_node* link : links) {
        const char* url = cmark_node_get_url(link);
        if (!url || !resolve_url) continue;
        if (auto replacement = resolve_url(url, UrlKind::link)) cmark_node_set_url(link, replacement->c_str());
    }
    for (cmark_node* image : images) {
        std::string url = cmark_node_get_url(image) ? cmark_node_get_url(image) : "";
        if (resolve_url)
            if (auto replacement = resolve_url(url, UrlKind::image)) url = *replacement;
        std::string alt;
        collect_text(image, alt);
        const char* title = cmark_node_get_title(image);
        std::string tag = "<img" + attribute("src", is_safe_image_url(url) ? url : "") + attribute("alt", alt);
        if (title && *title) tag += attribute("title", title);
        tag += " loading=\"lazy\" decoding=\"async\">";
        cmark_node* replacement = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_set_on_enter(replacement, tag.c_str());
        cmark_node_replace(image, replacement);
        cmark_node_free(image);
    }
    for (cmark_node* table : tables) {
        // Wide tables scroll inside their own focusable region on phones.
        cmark_node* wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node_set_on_enter(wrapper, "<div class=\"table-scroll\" tabindex=\"0\">");
        cmark_node_set_on_exit(wrapper, "</div>");
        cmark_node_insert_before(table, wrapper);
        cmark_node_unlink(table);
        cmark_node_append_child(wrapper, table);
    }

    collect_text(document.get(), result.plain_text);
    std::unique_ptr<char, MallocDeleter> html(
        cmark_render_html(document.get(), flags, cmark_parser_get_syntax_extensions(parser.get())));
    result.html = html.get();
    // The custom blocks that carry heading ids put line breaks inside the
    // heading element; take them out so the heading reads as cmark writes it.
    for (const auto& open : heading_opens) {
        if (auto pos = result.html.find(open + '\n'); pos != std::string::npos) result.html.erase(pos + open.size(), 1);
    }
    for (int level = 1; level <= 6; ++level) {
        std::string close = "\n</h" + std::to_string(level) + ">";
        for (auto pos = result.html.find(close); pos != std::string::npos; pos = result.html.find(close, pos))
            result.html.erase(pos, 1);
    }
    return result;
}

}  // namespace fabu
