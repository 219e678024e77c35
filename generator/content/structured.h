#pragma once
// YAML, TOML and JSON documents read into nlohmann::json, remembering where
// each value stood so later checks can point at file:line:col.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/diagnostics.h"

namespace fabu {

enum class DataFormat { yaml, toml, json };

struct StructuredDocument {
    nlohmann::json value = nlohmann::json::object();
    // JSON pointer ("/attachments/0/title") → position in the source file.
    std::unordered_map<std::string, SourcePosition> positions;

    SourcePosition position_of(const std::string& pointer) const;
};

// Parses `text`, which starts at line `first_line` of `file` (front matter
// starts after its opening delimiter). Syntax errors go to `sink` with the
// line in `file`, and the result is nullopt.
std::optional<StructuredDocument> parse_structured(std::string_view text, DataFormat format, const std::string& file,
                                                   int first_line, DiagnosticSink& sink);

std::optional<DataFormat> data_format_for_extension(std::string_view extension);

}  // namespace fabu
