#pragma once
// Theme assets written under content-hashed names, so a CDN or browser can
// cache them for a year; templates reach them by their plain names.
#include <map>
#include <string>

#include "render/theme.h"

namespace fabu {

struct FingerprintedAsset {
    std::string output_path;  // "css/style.3f2a9c1e.css", relative to the output root
    std::string url;          // with the site's base path
    std::string integrity;    // "sha384-…" for Subresource Integrity
    const std::string* data;  // points into the Theme
};

// name ("css/style.css") → its fingerprinted form. The 8 hex digits are the
// start of the content's SHA-256, so a name changes exactly when its bytes do.
std::map<std::string, FingerprintedAsset> fingerprint_assets(const Theme& theme, const std::string& base_path);

std::string fingerprinted_name(const std::string& name, const std::string& data);

}  // namespace fabu
