#include "render/templates.h"

namespace fabu {

TemplateSet::TemplateSet(const Theme& theme, DiagnosticSink& sink) {
    std::map<std::string, TemplateSource, std::less<>> partials;
    for (const auto& [name, file] : theme.templates)
        if (name.starts_with("partials/")) partials.emplace(name.substr(9), TemplateSource{file.data, file.origin});
    PartialLookup lookup = [&partials](std::string_view name) -> const TemplateSource* {
        auto it = partials.find(name);
        return it == partials.end() ? nullptr : &it->second;
    };
    for (const auto& [name, file] : theme.templates) {
        if (name.starts_with("partials/")) continue;
        std::vector<TemplateSyntaxError> errors;
        auto compiled = MustacheTemplate::compile({file.data, file.origin}, lookup, errors);
        for (const auto& error : errors) sink.error(error.origin, {error.line, error.column}, error.message);
        if (compiled) compiled_.emplace(name, std::move(*compiled));
    }
}

bool TemplateSet::has(const std::string& name) const {
    return compiled_.count(name) > 0;
}

std::string TemplateSet::render(const std::string& name, std::initializer_list<const nlohmann::json*> contexts,
                                const TemplateHelpers& helpers) const {
    auto it = compiled_.find(name);
    if (it == compiled_.end()) throw TemplateError("no template named '" + name + "'");
    return it->second.render(contexts, helpers);
}

}  // namespace fabu
