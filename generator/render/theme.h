#pragma once
// The theme a build uses: the built-in files, overridden file by file by the
// site's own templates/ and assets/.
#include <filesystem>
#include <map>
#include <string>

#include "core/diagnostics.h"

namespace fabu {

struct ThemeFile {
    std::string data;
    std::string origin;  // "templates/page.html" in the site, or "(built-in) templates/page.html"
};

struct Theme {
    std::map<std::string, ThemeFile> templates;  // name without ".html": "page", "partials/header"
    std::map<std::string, ThemeFile> i18n;       // language → YAML text: "zh-CN"
    std::map<std::string, ThemeFile> assets;     // path below assets/: "style.css"
};

Theme load_theme(const std::filesystem::path& site_root, DiagnosticSink& sink);

}  // namespace fabu
