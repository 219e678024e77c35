#include "content/structured.h"

#include <yaml-cpp/yaml.h>

#include <toml++/toml.h>
#include <sstream>

#include "core/text.h"

namespace fabu {

using nlohmann::json;

SourcePosition StructuredDocument::position_of(const std::string& pointer) const {
    // Fall back to the nearest ancestor that has a position.
    std::string key = pointer;
    while (true) {
        if (auto found = positions.find(key); found != positions.end()) return found->second;
        auto slash = key.rfind('/');
        if (slash == std::string::npos || key.empty()) return {};
        key.erase(slash);
    }
}

std::optional<DataFormat> data_format_for_extension(std::string_view extension) {
    std::string lower = to_lower_ascii(extension);
    if (lower == ".yaml" || lower == ".yml") return DataFormat::yaml;
    if (lower == ".toml") return DataFormat::toml;
    if (lower == ".json") return DataFormat::json;
    return std::nullopt;
}

namespace {

std::string escape_pointer_token(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

enum class NumberKind { none, integer, floating };

// YAML 1.2 core-schema numbers, except that a leading zero ("010", "022")
// makes text: phone numbers and codes must not lose it.
NumberKind classify_number(std::string_view text) {
    std::size_t pos = 0;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
    std::size_t integer_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    std::size_t integer_digits = pos - integer_start;
    if (integer_digits > 1 && text[integer_start] == '0') return NumberKind::none;
    bool is_float = false;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::size_t fraction_start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (integer_digits == 0 && pos == fraction_start) return NumberKind::none;
        is_float = true;
    } else if (integer_digits == 0) {
        return NumberKind::none;
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
        std::size_t exponent_start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == exponent_start) return NumberKind::none;
        is_float = true;
    }
    if (pos != text.size()) return NumberKind::none;
    return is_float ? NumberKind::floating : NumberKind::integer;
}

json plain_scalar(const std::string& text) {
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    switch (classify_number(text)) {
        case NumberKind::integer: try { return std::stoll(text);
            } catch (const std::out_of_range&) {
                return text;
            }
        case NumberKind::floating: return std::stod(text);
        case NumberKind::none: break;
    }
    return text;
}

struct YamlConverter {
    const std::string& file;
    int first_line;
    DiagnosticSink& sink;
    StructuredDocument& document;
    bool ok = true;

    SourcePosition position(const YAML::Mark& mark) const {
        if (mark.line < 0) return {};
        return {first_line + mark.line, mark.column + 1};
    }

    json convert(const YAML::Node& node, const std::string& pointer) {
        document.positions.emplace(pointer, position(node.Mark()));
        switch (node.Type()) {
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined: return nullptr;
            case YAML::NodeType::Scalar: {
                const std::string& tag = node.Tag();
                if (tag == "!" || tag == "tag:yaml.org,2002:str") return node.Scalar();
                return plain_scalar(node.Scalar());
            }
            case YAML::NodeType::Sequence: {
                json array = json::array();
                std::size_t index = 0;
                for (const auto& item : node) array.push_back(convert(item, pointer + '/' + std::to_string(index++)));
                return array;
            }
            case YAML::NodeType::Map: {
                json object = json::object();
                for (const auto& entry : node) {
                    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : YAML::Dump(entry.first);
                    if (object.contains(key)) {
                        sink.error(file, position(entry.first.Mark()), "duplicate key '" + key + "'");
                        ok = false;
                        continue;
                    }
                    std::string child = pointer + '/' + escape_pointer_token(key);
                    object[key] = convert(entry.second, child);
                    // Point at the value; an empty value has no mark, so use its key.
                    if (SourcePosition& at = document.positions[child]; at.line == 0) at = position(entry.first.Mark());
                }
                return object;
            }
        }
        return nullptr;
    }
};

std::optional<StructuredDocument> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                             DiagnosticSink& sink) {
    StructuredDocument document;
    try {
        YAML::Node root = YAML::Load(std::string(text));
        YamlConverter converter{file, first_line, sink, document};
        json value = converter.convert(root, "");
        if (!converter.ok) return std::nullopt;
        if (value.is_null()) value = json::object();
        document.value = std::move(value);
        return document;
    } catch (const YAML::Exception& error) {
        SourcePosition where{first_line + std::max(0, error.mark.line), std::max(0, error.mark.column) + 1};
        sink.error(file, where, "YAML: " + error.msg);
        return std::nullopt;
    }
}

json toml_to_json(const toml::node& node, const std::string& pointer, StructuredDocument& document, int first_line) {
    const auto& source = node.source();
    document.positions.emplace(pointer, SourcePosition{first_line + static_cast<int>(source.begin.line) - 1,
                                                       static_cast<int>(source.begin.column)});
    if (auto table = node.as_table()) {
        json object = json::object();
        for (const auto& [key, value] : *table) {
            std::string name(key.str());
            object[name] = toml_to_json(value, pointer + '/' + escape_pointer_token(name), document, first_line);
        }
        return object;
    }
    if (auto array = node.as_array()) {
        json list = json::array();
        std::size_t index = 0;
        for (const auto& item : *array)
            list.push_back(toml_to_json(item, pointer + '/' + std::to_string(index++), document, first_line));
        return list;
    }
    if (auto value = node.as_string()) return value->get();
    if (auto value = node.as_integer()) return value->get();
    if (auto value = node.as_floating_point()) return value->get();
    if (auto value = node.as_boolean()) return value->get();
    std::ostringstream text;
    if (auto value = node.as_date()) text << value->get();
    if (auto value = node.as_time()) text << value->get();
    if (auto value = node.as_date_time()) text << value->get();
    return text.str();
}

std::optional<StructuredDocument> parse_toml(std::string_view text, const std::string& file, int first_line,
                                             DiagnosticSink& sink) {
    StructuredDocument document;
    try {
        toml::table table = toml::parse(text, file);
        document.value = toml_to_json(table, "", document, first_line);
        return document;
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        sink.error(file, {first_line + static_cast<int>(begin.line) - 1, static_cast<int>(begin.column)},
                   "TOML: " + std::string(error.description()));
        return std::nullopt;
    }
}

std::optional<StructuredDocument> parse_json(std::string_view text, const std::string& file, int first_line,
                                             DiagnosticSink& sink) {
    StructuredDocument document;
    try {
        document.value = json::parse(text);
        return document;
    } catch (const json::parse_error& error) {
        LineColumn where = line_column_at(text, error.byte > 0 ? error.byte - 1 : 0);
        std::string message = error.what();
        if (auto colon = message.find("syntax error"); colon != std::string::npos) message = message.substr(colon);
        sink.error(file, {first_line + where.line - 1, where.column}, "JSON: " + message);
        return std::nullopt;
    }
}

}  // namespace

std::optional<StructuredDocument> parse_structured(std::string_view text, DataFormat format, const std::string& file,
                                                   int first_line, DiagnosticSink& sink) {
    switch (format) {
        case DataFormat::yaml: return parse_yaml(text, file, first_line, sink);
        case DataFormat::toml: return parse_toml(text, file, first_line, sink);
        case DataFormat::json: return parse_json(text, file, first_line, sink);
    }
    return std::nullopt;
}

}  // namespace fabu
