#pragma once
// The theme's templates, compiled once per build and shared by all render
// threads (rendering is const and keeps its state on the stack).
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <string>

#include "core/diagnostics.h"
#include "render/mustache.h"
#include "render/theme.h"

namespace fabu {

class TemplateSet {
public:
    // Compiles every template of the theme, partials included where they
    // are used; syntax errors and references to missing partials become
    // diagnostics with file:line:col.
    TemplateSet(const Theme& theme, DiagnosticSink& sink);

    bool has(const std::string& name) const;
    // Renders template `name`; later contexts shadow earlier ones.
    std::string render(const std::string& name, std::initializer_list<const nlohmann::json*> contexts,
                       const TemplateHelpers& helpers = {}) const;

private:
    std::map<std::string, MustacheTemplate> compiled_;
};

}  // namespace fabu
