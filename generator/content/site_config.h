#pragma once
#include <filesystem>

#include "core/diagnostics.h"
#include "model/site.h"

namespace fabu {

// Reads site.yaml (or site.yml, site.toml, site.json) at the site root; a
// Hugo config (hugo.toml, config.toml, config.yaml) is understood when there is
// no site file, so an existing Hugo site builds without one. No file at all
// gives the defaults.
SiteConfig load_site_config(const std::filesystem::path& root, DiagnosticSink& sink);

}  // namespace fabu
