#include "render/mustache.h"

#include <cstring>

#include "core/text.h"

namespace fabu {

using nlohmann::json;

namespace {

constexpr int max_partial_depth = 16;

struct Parser {
    const PartialLookup& partials;
    std::vector<TemplateSyntaxError>& errors;
    std::vector<MustacheTemplate::Node>& nodes;
    bool failed = false;
    std::size_t mergeable_from = 0;  // text after a section's end must not join text inside it

    void error(const TemplateSource& source, std::size_t offset, std::string message) {
        LineColumn where = line_column_at(source.text, offset);
        errors.push_back({source.origin, where.line, where.column, std::move(message)});
        failed = true;
    }

    void add_text(std::string_view text) {
        if (text.empty()) return;
        if (nodes.size() > mergeable_from && nodes.back().kind == MustacheTemplate::Node::Kind::text)
            nodes.back().text += text;
        else
            nodes.push_back({MustacheTemplate::Node::Kind::text, std::string(text), {}, 0});
    }

    static std::vector<std::string> split_name(std::string_view name) {
        if (name == ".") return {};
        return split(name, '.');
    }

    struct OpenSection {
        std::size_t node;
        std::string name;
        std::size_t offset;       // of the opening tag, for messages
        std::size_t inner_begin;  // where the section's raw text starts
    };

    void parse(const TemplateSource& source, int depth) {
        const std::string& text = source.text;
        std::string open = "{{", close = "}}";
        std::vector<OpenSection> stack;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t tag = text.find(open, pos);
            if (tag == std::string::npos) {
                add_text(std::string_view(text).substr(pos));
                break;
            }
            // Triple mustache "{{{name}}}" closes with "}}}".
            bool triple = open == "{{" && text.compare(tag, 3, "{{{") == 0;
            std::size_t content_begin = tag + open.size() + (triple ? 1 : 0);
            std::string closer = triple ? "}" + close : close;
            std::size_t tag_end = text.find(closer, content_begin);
            if (tag_end == std::string::npos) {
                error(source, tag, "template tag opened here is never closed with '" + closer + "'");
                return;
            }
            std::string_view content = trim(std::string_view(text).substr(content_begin, tag_end - content_begin));
            std::size_t after = tag_end + closer.size();
            char sigil = triple ? '{' : (content.empty() ? '\0' : content.front());
            bool standalone_kind =
                sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' || sigil == '>' || sigil == '=';
            // A tag alone on its line takes the line with it.
            std::size_t newline = tag == 0 ? std::string::npos : text.rfind('\n', tag - 1);
            std::size_t line_begin = newline == std::string::npos ? 0 : newline + 1;
            std::size_t line_end = text.find('\n', after);
            bool before_blank = line_begin >= pos &&
                                std::string_view(text).substr(line_begin, tag - line_begin).find_first_not_of(" \t") ==
                                    std::string_view::npos;
            std::string_view rest =
                std::string_view(text).substr(after, (line_end == std::string::npos ? text.size() : line_end) - after);
            bool after_blank = rest.find_first_not_of(" \t\r") == std::string_view::npos;
            bool standalone = standalone_kind && before_blank && after_blank;
            std::size_t text_end = standalone ? line_begin : tag;
            add_text(std::string_view(text).substr(pos, text_end - pos));
            std::size_t next = standalone ? (line_end == std::string::npos ? text.size() : line_end + 1) : after;

            bool has_sigil = std::strchr("#^/!>=&", sigil) != nullptr && sigil != '\0';
            std::string_view name = has_sigil ? trim(content.substr(1)) : content;
            switch (sigil) {
                case '!': break;
                case '#':
                case '^': {
                    auto kind =
                        sigil == '#' ? MustacheTemplate::Node::Kind::section : MustacheTemplate::Node::Kind::inverted;
                    nodes.push_back({kind, {}, split_name(name), 0});
                    mergeable_from = nodes.size();
                    stack.push_back({nodes.size() - 1, std::string(name), tag, next});
                    break;
                }
                case '/': {
                    if (stack.empty() || stack.back().name != name) {
                        error(source, tag,
                              stack.empty() ? "'{{/" + std::string(name) + "}}' closes a section that was never opened"
                                            : "'{{/" + std::string(name) + "}}' closes '" + stack.back().name +
                                                  "', which needs '{{/" + stack.back().name + "}}'");
                        return;
                    }
                    auto& node = nodes[stack.back().node];
                    node.text = text.substr(stack.back().inner_begin, text_end - stack.back().inner_begin);
                    node.end = nodes.size();
                    mergeable_from = nodes.size();
                    stack.pop_back();
                    break;
                }
                case '>': {
                    const TemplateSource* partial = partials ? partials(name) : nullptr;
                    if (!partial) {
                        error(source, tag,
                              "template uses partial '" + std::string(name) + "', but there is no templates/partials/" +
                                  std::string(name) + ".html");
                    } else if (depth >= max_partial_depth) {
                        error(source, tag, "partial '" + std::string(name) + "' includes itself, directly or not");
                        return;
                    } else {
                        parse(*partial, depth + 1);
                        if (failed) return;
                    }
                    break;
                }
                case '=': {
                    std::string_view spec = content.substr(1);
                    if (!spec.ends_with('=')) {
                        error(source, tag, "a delimiter change must look like {{=<% %>=}}");
                        return;
                    }
                    spec = trim(spec.substr(0, spec.size() - 1));
                    auto space = spec.find_first_of(" \t");
                    if (space == std::string_view::npos) {
                        error(source, tag, "a delimiter change needs two delimiters, as in {{=<% %>=}}");
                        return;
                    }
                    open = std::string(spec.substr(0, space));
                    close = std::string(trim(spec.substr(space)));
                    break;
                }
                case '{':
                case '&': nodes.push_back({MustacheTemplate::Node::Kind::raw, {}, split_name(name), 0}); break;
                default:
                    if (name.empty()) {
                        error(source, tag, "empty template tag");
                        return;
                    }
                    nodes.push_back({MustacheTemplate::Node::Kind::escaped, {}, split_name(name), 0});
            }
            pos = next;
        }
        if (!stack.empty())
            error(source, stack.back().offset, "template section '" + stack.back().name + "' is never closed");
    }
};

bool is_truthy(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
        case json::value_t::discarded: return false;
        case json::value_t::boolean: return value.get<bool>();
        case json::value_t::string: return !value.get_ref<const std::string&>().empty();
        case json::value_t::array: return !value.empty();
        case json::value_t::number_integer: return value.get<long long>() != 0;
        case json::value_t::number_unsigned: return value.get<unsigned long long>() != 0;
        case json::value_t::number_float: return value.get<double>() != 0.0;
        default: return true;
    }
}

void append_value(std::string& out, const json& value, bool escape) {
    switch (value.type()) {
        case json::value_t::string: {
            const std::string& text = value.get_ref<const std::string&>();
            if (!escape) {
                out += text;
                break;
            }
            for (char c : text) {
                switch (c) {
                    case '&': out += "&amp;"; break;
                    case '<': out += "&lt;"; break;
                    case '>': out += "&gt;"; break;
                    case '"': out += "&quot;"; break;
                    case '\'': out += "&#39;"; break;
                    default: out += c;
                }
            }
            break;
        }
        case json::value_t::null:
        case json::value_t::discarded: break;
        case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; break;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: out += value.dump(); break;
        default:
            // Objects and lists print as JSON, escaped: useful when debugging a template.
            append_value(out, json(value.dump()), escape);
    }
}

class Renderer {
public:
    Renderer(const std::vector<MustacheTemplate::Node>& nodes, const TemplateHelpers& helpers)
        : nodes_(nodes), helpers_(helpers) {}

    std::vector<const json*> stack;

    void render(std::string& out, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end;) {
            const auto& node = nodes_[i];
            using Kind = MustacheTemplate::Node::Kind;
            switch (node.kind) {
                case Kind::text:
                    out += node.text;
                    ++i;
                    break;
                case Kind::escaped:
                case Kind::raw: {
                    if (const json* value = lookup(node.path)) append_value(out, *value, node.kind == Kind::escaped);
                    ++i;
                    break;
                }
                case Kind::section: {
                    const json* value = lookup(node.path);
                    if (!value && node.path.size() == 1) {
                        if (auto helper = helpers_.find(node.path[0]); helper != helpers_.end()) {
                            out += helper->second(trim(node.text));
                            i = node.end;
                            break;
                        }
                    }
                    if (value && is_truthy(*value)) {
                        if (value->is_array()) {
                            for (const json& item : *value) {
                                stack.push_back(&item);
                                render(out, i + 1, node.end);
                                stack.pop_back();
                            }
                        } else {
                            stack.push_back(value);
                            render(out, i + 1, node.end);
                            stack.pop_back();
                        }
                    }
                    i = node.end;
                    break;
                }
                case Kind::inverted: {
                    const json* value = lookup(node.path);
                    if (!value || !is_truthy(*value)) render(out, i + 1, node.end);
                    i = node.end;
                    break;
                }
            }
        }
    }

private:
    const json* lookup(const std::vector<std::string>& path) const {
        if (path.empty()) return stack.empty() ? nullptr : stack.back();
        const json* found = nullptr;
        for (auto frame = stack.rbegin(); frame != stack.rend(); ++frame) {
            if (!(*frame)->is_object()) continue;
            auto it = (*frame)->find(path[0]);
            if (it != (*frame)->end()) {
                found = &*it;
                break;
            }
        }
        // As in the spec, only the first part is searched up the stack.
        for (std::size_t i = 1; found && i < path.size(); ++i) {
            if (!found->is_object()) return nullptr;
            auto it = found->find(path[i]);
            found = it == found->end() ? nullptr : &*it;
        }
        return found;
    }

    const std::vector<MustacheTemplate::Node>& nodes_;
    const TemplateHelpers& helpers_;
};

}  // namespace

std::optional<MustacheTemplate> MustacheTemplate::compile(const TemplateSource& source, const PartialLookup& partials,
                                                          std::vector<TemplateSyntaxError>& errors) {
    MustacheTemplate compiled;
    Parser parser{partials, errors, compiled.nodes_};
    parser.parse(source, 0);
    if (parser.failed) return std::nullopt;
    return compiled;
}

void MustacheTemplate::render(std::string& out, std::initializer_list<const json*> contexts,
                              const TemplateHelpers& helpers) const {
    Renderer renderer(nodes_, helpers);
    renderer.stack.assign(contexts.begin(), contexts.end());
    renderer.render(out, 0, nodes_.size());
}

std::string MustacheTemplate::render(std::initializer_list<const json*> contexts,
                                     const TemplateHelpers& helpers) const {
    std::string out;
    out.reserve(8192);
    render(out, contexts, helpers);
    return out;
}

}  // namespace fabu
