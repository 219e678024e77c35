#include "content/front_matter.h"

#include <sstream>

#include "core/text.h"

namespace fabu {

namespace {

struct Line {
    std::string_view text;  // without the line break
    std::size_t next;       // offset of the following line
};

Line line_at(std::string_view text, std::size_t offset) {
    auto end = text.find('\n', offset);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(offset, (end == std::string_view::npos ? text.size() : end) - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return {line, next};
}

bool is_delimiter(std::string_view line, std::string_view delimiter) {
    if (!line.starts_with(delimiter)) return false;
    return trim(line.substr(delimiter.size())).empty();
}

// "key: value" or "key:" on the first line: Hexo's front matter without "---".
bool looks_like_yaml_key(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-'))
        ++i;
    return i > 0 && i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ');
}

struct Block {
    std::size_t content_begin, content_end, body_begin;
    int content_line, body_line;
};

// Finds a block that ends with a line equal to `delimiter`, starting at `offset`.
std::optional<Block> find_closing(std::string_view text, std::size_t offset, int line_number,
                                  std::string_view delimiter, std::string_view alternative = {}) {
    Block block{offset, 0, 0, line_number, 0};
    while (offset < text.size()) {
        Line line = line_at(text, offset);
        if (is_delimiter(line.text, delimiter) || (!alternative.empty() && is_delimiter(line.text, alternative))) {
            block.content_end = offset;
            block.body_begin = line.next;
            block.body_line = line_number + 1;
            return block;
        }
        offset = line.next;
        ++line_number;
    }
    return std::nullopt;
}

}  // namespace

std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& file, DiagnosticSink& sink) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    FrontMatter result;
    result.body = text;
    if (text.empty()) return result;

    Line first = line_at(text, 0);
    std::optional<Block> block;
    DataFormat format = DataFormat::yaml;
    if (is_delimiter(first.text, "---")) {
        block = find_closing(text, first.next, 2, "---", "...");
        if (!block) {
            sink.error(file, {1, 1}, "front matter opened with '---' is never closed: add a line '---' after it");
            return std::nullopt;
        }
    } else if (is_delimiter(first.text, "+++")) {
        format = DataFormat::toml;
        block = find_closing(text, first.next, 2, "+++");
        if (!block) {
            sink.error(file, {1, 1}, "front matter opened with '+++' is never closed: add a line '+++' after it");
            return std::nullopt;
        }
    } else if (first.text.starts_with("{")) {
        // A JSON object, then the body: read exactly one value.
        std::string owned(text);
        std::istringstream stream(owned);
        nlohmann::json value;
        try {
            stream >> value;
        } catch (const nlohmann::json::parse_error& error) {
            LineColumn where = line_column_at(text, error.byte > 0 ? error.byte - 1 : 0);
            sink.error(file, {where.line, where.column}, std::string("JSON front matter: ") + error.what());
            return std::nullopt;
        }
        auto end = static_cast<std::size_t>(stream.tellg());
        if (stream.eof() || end > text.size()) end = text.size();
        if (!value.is_object()) {
            sink.error(file, {1, 1}, "JSON front matter must be an object");
            return std::nullopt;
        }
        result.document.value = std::move(value);
        Line rest = line_at(text, end);
        std::size_t body_begin = trim(rest.text).empty() ? rest.next : end;
        result.body = text.substr(std::min(body_begin, text.size()));
        result.body_line = line_column_at(text, body_begin).line;
        return result;
    } else if (looks_like_yaml_key(first.text)) {
        block = find_closing(text, 0, 1, "---");
        if (!block) return result;  // ordinary Markdown that happens to start with "word:"
        // Hexo style: the block must parse as YAML, or it is just Markdown.
        DiagnosticSink probe;
        auto parsed = parse_structured(text.substr(0, block->content_end), DataFormat::yaml, file, 1, probe);
        if (!parsed || !parsed->value.is_object()) return result;
    } else {
        return result;
    }

    auto document = parse_structured(text.substr(block->content_begin, block->content_end - block->content_begin),
                                     format, file, block->content_line, sink);
    if (!document) return std::nullopt;
    if (!document->value.is_object()) {
        sink.error(file, {block->content_line, 1}, "front matter must be a mapping of keys to values");
        return std::nullopt;
    }
    result.document = std::move(*document);
    result.body = text.substr(block->body_begin);
    result.body_line = block->body_line;
    return result;
}

}  // namespace fabu
