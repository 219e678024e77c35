#include "render/templates.h"

#include <atomic>
#include <charconv>
#include <regex>

#include "core/text.h"

namespace fabu {

namespace mustache = kainjow::mustache;
using nlohmann::json;

MustacheData mustache_text(const std::string& value) {
    if (value.empty()) return MustacheData{MustacheData::type::bool_false};
    return MustacheData{value};
}

MustacheData to_mustache(const json& value) {
    switch (value.type()) {
        case json::value_t::object: {
            MustacheData object{MustacheData::type::object};
            for (const auto& [key, item] : value.items()) object.set(key, to_mustache(item));
            return object;
        }
        case json::value_t::array: {
            MustacheData list{MustacheData::type::list};
            for (const auto& item : value) list.push_back(to_mustache(item));
            return list;
        }
        case json::value_t::string: return mustache_text(value.get_ref<const std::string&>());
        case json::value_t::boolean:
            return MustacheData{value.get<bool>() ? MustacheData::type::bool_true : MustacheData::type::bool_false};
        case json::value_t::null:
        case json::value_t::discarded: return MustacheData{MustacheData::type::bool_false};
        default: return MustacheData{value.dump()};
    }
}

namespace {

std::atomic<std::uint64_t> next_generation{1};

// Partials come from the template set, not from the data being rendered, so
// page data can never shadow or inject a partial.
class RenderContext : public mustache::context<std::string> {
public:
    explicit RenderContext(const MustacheData& partials) : partials_(partials) {}
    const MustacheData* get_partial(const std::string& name) const override { return partials_.get(name); }

private:
    const MustacheData& partials_;
};

SourcePosition position_from_message(const std::string& text, const std::string& message) {
    // kainjow reports "… at <offset>".
    static const std::regex at_offset(R"( at (\d+))");
    std::smatch match;
    if (!std::regex_search(message, match, at_offset)) return {};
    std::size_t offset = 0;
    std::from_chars(message.data() + match.position(1), message.data() + match.position(1) + match.length(1), offset);
    LineColumn where = line_column_at(text, offset);
    return {where.line, where.column};
}

}  // namespace

TemplateSet::TemplateSet(const Theme& theme, DiagnosticSink& sink)
    : generation_(next_generation.fetch_add(1)), partials_(MustacheData::type::object) {
    static const std::regex partial_tag(R"(\{\{>\s*([^}\s]+)\s*\}\})");
    for (const auto& [name, file] : theme.templates) {
        if (name.starts_with("partials/")) partials_.set(name.substr(9), MustacheData{file.data});
    }
    for (const auto& [name, file] : theme.templates) {
        auto compiled = std::make_unique<mustache::mustache>(file.data);
        if (!compiled->is_valid()) {
            sink.error(file.origin, position_from_message(file.data, compiled->error_message()),
                       "template: " + compiled->error_message());
            continue;
        }
        for (auto it = std::sregex_iterator(file.data.begin(), file.data.end(), partial_tag);
             it != std::sregex_iterator(); ++it) {
            std::string partial = (*it)[1];
            if (!partials_.get(partial)) {
                LineColumn where = line_column_at(file.data, static_cast<std::size_t>(it->position(0)));
                sink.error(
                    file.origin, {where.line, where.column},
                    "template uses partial '" + partial + "', but there is no templates/partials/" + partial + ".html");
            }
        }
        sources_[name] = file;
    }
}

bool TemplateSet::has(const std::string& name) const {
    return sources_.count(name) > 0;
}

const TemplateSet::Compiled& TemplateSet::compiled_for_this_thread() const {
    thread_local std::uint64_t cached_generation = 0;
    thread_local Compiled cache;
    if (cached_generation != generation_) {
        cache.clear();
        for (const auto& [name, file] : sources_) cache[name] = std::make_unique<mustache::mustache>(file.data);
        cached_generation = generation_;
    }
    return cache;
}

std::string TemplateSet::render(const std::string& name, std::initializer_list<const MustacheData*> contexts) const {
    const Compiled& compiled = compiled_for_this_thread();
    auto it = compiled.find(name);
    if (it == compiled.end()) throw TemplateError("no template named '" + name + "'");
    RenderContext context(partials_);
    for (const MustacheData* data : contexts) context.push(data);
    std::string output = it->second->render(context);
    if (!it->second->is_valid())
        throw TemplateError(sources_.at(name).origin + ": template: " + it->second->error_message());
    return output;
}

}  // namespace fabu
