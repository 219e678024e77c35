#pragma once
// Mustache templates (kainjow) compiled once per build and shared by all
// render threads; each render gets its own context.
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "render/theme.h"

namespace fabu {

using MustacheData = kainjow::mustache::data;

// Text for templates. An empty string is falsy, as in mustache.js, so
// "{{#site.footer.icp}}…{{/site.footer.icp}}" disappears when the field is blank.
MustacheData mustache_text(const std::string& value);

// nlohmann::json → mustache data. Objects and arrays nest; false, null and ""
// are falsy; numbers print as written.
MustacheData to_mustache(const nlohmann::json& value);

struct TemplateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class TemplateSet {
public:
    // Compiles every template of the theme; syntax errors and references to
    // partials that do not exist become diagnostics with file:line:col.
    TemplateSet(const Theme& theme, DiagnosticSink& sink);

    bool has(const std::string& name) const;
    // Renders template `name` with the contexts pushed in order (later ones
    // shadow earlier ones). Throws TemplateError on a render-time failure.
    std::string render(const std::string& name, std::initializer_list<const MustacheData*> contexts) const;

private:
    using Compiled = std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>>;
    // A compiled template records render errors in itself, so each thread
    // renders from its own compiled copy, keyed by this set's generation.
    const Compiled& compiled_for_this_thread() const;

    std::uint64_t generation_;
    std::map<std::string, ThemeFile> sources_;  // valid templates only
    MustacheData partials_;                     // partial name → template text
};

}  // namespace fabu
