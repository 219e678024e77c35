#include "content/structured.h"

#include <yaml.h>

#include <toml++/toml.h>
#include <sstream>
#include <unordered_map>

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

constexpr int max_nesting = 200;  // deeper documents are hostile, not content

// Builds JSON from libyaml's event stream. yaml-cpp took about 240,000
// instructions per small front matter; libyaml's events cost a fraction.
class YamlReader {
public:
    YamlReader(std::string_view text, const std::string& file, int first_line, DiagnosticSink& sink,
               StructuredDocument& document)
        : file_(file), first_line_(first_line), sink_(sink), document_(document) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    ~YamlReader() { yaml_parser_delete(&parser_); }
    YamlReader(const YamlReader&) = delete;
    YamlReader& operator=(const YamlReader&) = delete;

    std::optional<json> read() {
        json value;
        if (!document(value)) return std::nullopt;
        return value;
    }

private:
    // Owns one libyaml event.
    class Event {
    public:
        Event() = default;
        ~Event() { reset(); }
        Event(const Event&) = delete;
        Event& operator=(const Event&) = delete;
        yaml_event_t* fill() {
            reset();
            filled_ = true;
            return &event_;
        }
        const yaml_event_t& get() const { return event_; }
        void reset() {
            if (filled_) yaml_event_delete(&event_);
            filled_ = false;
        }

    private:
        yaml_event_t event_{};
        bool filled_ = false;
    };

    bool document(json& value) {
        Event event;
        if (!next(event) || event.get().type != YAML_STREAM_START_EVENT) return fail();
        if (!next(event)) return fail();
        value = json::object();
        if (event.get().type == YAML_STREAM_END_EVENT) return true;
        if (event.get().type != YAML_DOCUMENT_START_EVENT || !next(event)) return fail();
        if (event.get().type == YAML_DOCUMENT_END_EVENT) return true;
        if (!node(event, &root_pointer_, 0, value)) return false;
        if (!next(event) || event.get().type != YAML_DOCUMENT_END_EVENT || !next(event)) return fail();
        if (event.get().type != YAML_STREAM_END_EVENT) {
            sink_.error(file_, position(event.get().start_mark),
                        "front matter holds more than one YAML document (a second '---' inside it?)");
            return false;
        }
        return true;
    }

    bool next(Event& event) {
        if (yaml_parser_parse(&parser_, event.fill())) return true;
        event.reset();
        return false;
    }

    SourcePosition position(const yaml_mark_t& mark) const {
        return {first_line_ + static_cast<int>(mark.line), static_cast<int>(mark.column) + 1};
    }

    bool fail() {
        if (parser_.error != YAML_NO_ERROR) {
            std::string message = parser_.problem ? parser_.problem : "malformed YAML";
            if (parser_.context) message = std::string(parser_.context) + ": " + message;
            sink_.error(file_, position(parser_.problem_mark), "YAML: " + message);
        } else {
            sink_.error(file_, {first_line_, 1}, "YAML: unexpected structure");
        }
        return false;
    }

    void remember_anchor(const yaml_char_t* anchor, const json& value) {
        if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = value;
    }

    // Reads the node that starts with `event` into `out`, recording its
    // position under `pointer` (null for mapping keys, which have none).
    bool node(Event& event, const std::string* pointer, int depth, json& out) {
        const yaml_event_t& e = event.get();
        if (pointer) document_.positions.emplace(*pointer, position(e.start_mark));
        if (depth > max_nesting) {
            sink_.error(file_, position(e.start_mark),
                        "YAML nested more than " + std::to_string(max_nesting) + " deep");
            return false;
        }
        switch (e.type) {
            case YAML_SCALAR_EVENT: {
                std::string text(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
                const char* tag = reinterpret_cast<const char*>(e.data.scalar.tag);
                bool text_only = e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
                                 (tag && std::string_view(tag) == "tag:yaml.org,2002:str");
                out = text_only ? json(text) : plain_scalar(text);
                remember_anchor(e.data.scalar.anchor, out);
                return true;
            }
            case YAML_ALIAS_EVENT: {
                auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
                if (it == anchors_.end()) {
                    sink_.error(file_, position(e.start_mark), "YAML alias to an unknown anchor");
                    return false;
                }
                out = it->second;
                return true;
            }
            case YAML_SEQUENCE_START_EVENT: {
                const yaml_char_t* anchor = e.data.sequence_start.anchor;
                std::string anchor_name = anchor ? reinterpret_cast<const char*>(anchor) : "";
                out = json::array();
                for (std::size_t index = 0;; ++index) {
                    Event item;
                    if (!next(item)) return fail();
                    if (item.get().type == YAML_SEQUENCE_END_EVENT) break;
                    json value;
                    std::string child = pointer ? *pointer + '/' + std::to_string(index) : std::string();
                    if (!node(item, pointer ? &child : nullptr, depth + 1, value)) return false;
                    out.push_back(std::move(value));
                }
                if (!anchor_name.empty()) anchors_[anchor_name] = out;
                return true;
            }
            case YAML_MAPPING_START_EVENT: {
                const yaml_char_t* anchor = e.data.mapping_start.anchor;
                std::string anchor_name = anchor ? reinterpret_cast<const char*>(anchor) : "";
                out = json::object();
                while (true) {
                    Event key_event;
                    if (!next(key_event)) return fail();
                    if (key_event.get().type == YAML_MAPPING_END_EVENT) break;
                    json key_value;
                    if (!node(key_event, nullptr, depth + 1, key_value)) return false;
                    SourcePosition key_position = position(key_event.get().start_mark);
                    std::string key = key_value.is_string() ? key_value.get<std::string>() : key_value.dump();
                    Event value_event;
                    if (!next(value_event)) return fail();
                    std::string child = pointer ? *pointer + '/' + escape_pointer_token(key) : std::string();
                    json value;
                    if (!node(value_event, pointer ? &child : nullptr, depth + 1, value)) return false;
                    if (key == "<<" && value.is_object()) {
                        // Merge key: the mapping's own keys win.
                        for (auto& [merged_key, merged_value] : value.items())
                            if (!out.contains(merged_key)) out[merged_key] = merged_value;
                        continue;
                    }
                    if (out.contains(key)) {
                        sink_.error(file_, key_position, "duplicate key '" + key + "'");
                        return false;
                    }
                    // Point at the value; an empty value has nothing to point at, so use its key.
                    if (pointer && value.is_null()) document_.positions[child] = key_position;
                    out[key] = std::move(value);
                }
                if (!anchor_name.empty()) anchors_[anchor_name] = out;
                return true;
            }
            default: return fail();
        }
    }

    const std::string& file_;
    int first_line_;
    DiagnosticSink& sink_;
    StructuredDocument& document_;
    yaml_parser_t parser_{};
    const std::string root_pointer_;
    std::unordered_map<std::string, json> anchors_;
};

std::optional<StructuredDocument> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                             DiagnosticSink& sink) {
    StructuredDocument document;
    YamlReader reader(text, file, first_line, sink, document);
    auto value = reader.read();
    if (!value) return std::nullopt;
    document.value = value->is_null() ? json::object() : std::move(*value);
    return document;
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
