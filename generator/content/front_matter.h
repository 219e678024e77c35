#pragma once
// Splits a content file into front matter and body. Accepts what Hugo, Hexo
// and Jekyll users write: YAML between "---" lines, TOML between "+++" lines,
// a JSON object at the top, and Hexo's YAML that omits the opening "---".
#include <optional>
#include <string>
#include <string_view>

#include "content/structured.h"

namespace fabu {

struct FrontMatter {
    StructuredDocument document;  // an object; empty when the file has none
    std::string_view body;        // points into the text passed to split_front_matter
    int body_line = 1;            // line of the file where the body starts
};

std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& file, DiagnosticSink& sink);

}  // namespace fabu
