#pragma once
// A Mustache engine that renders straight from nlohmann::json.
//
// Why not kainjow/mustache: on the 10,000-page benchmark its renders and the
// deep copies its data model forces took about 60% of the build's CPU (see
// README, Performance). This engine compiles each template once, resolves
// partials at compile time and looks names up without allocating.
//
// Supported, as in the Mustache spec: {{name}} (HTML-escaped), {{{name}}} and
// {{& name}} (raw), dotted names, {{.}}, {{#section}} over lists, objects and
// truthy values, {{^inverted}}, {{! comments}}, {{> partials}}, {{=<% %>=}}
// delimiter changes and standalone-line trimming. Falsy, as in mustache.js:
// false, null, "", 0 and empty lists. Helpers stand in for lambdas: a section
// named after a helper passes its raw text to it ({{#asset}}style.css{{/asset}}).
#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fabu {

struct TemplateSource {
    std::string text;
    std::string origin;  // file name for messages
};

struct TemplateSyntaxError {
    std::string origin;
    int line = 0;
    int column = 0;
    std::string message;
};

// Raised while rendering, e.g. by a helper that is asked for a missing asset.
struct TemplateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using TemplateHelper = std::function<std::string(std::string_view)>;
using TemplateHelpers = std::map<std::string, TemplateHelper, std::less<>>;
// Returns the partial called `name`, or nullptr when there is none.
using PartialLookup = std::function<const TemplateSource*(std::string_view name)>;

class MustacheTemplate {
public:
    // Compiles `source`; errors (syntax, unknown partial, partial recursion)
    // are appended to `errors` and the result is nullopt.
    static std::optional<MustacheTemplate> compile(const TemplateSource& source, const PartialLookup& partials,
                                                   std::vector<TemplateSyntaxError>& errors);

    // Appends the rendering to `out`. Names are looked up from the last
    // context to the first.
    void render(std::string& out, std::initializer_list<const nlohmann::json*> contexts,
                const TemplateHelpers& helpers = {}) const;
    std::string render(std::initializer_list<const nlohmann::json*> contexts,
                       const TemplateHelpers& helpers = {}) const;

    struct Node {
        enum class Kind { text, escaped, raw, section, inverted } kind = Kind::text;
        std::string text;               // literal text; for sections, their raw inner text
        std::vector<std::string> path;  // dotted name split; empty for "."
        std::size_t end = 0;            // sections: index after their last node
    };

private:
    std::vector<Node> nodes_;
};

}  // namespace fabu
