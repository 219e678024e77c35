#pragma once
// Reads a site folder into the model: content/ pages with their front
// matter, section structure, taxonomies, resources and static files.
#include <filesystem>

#include "core/diagnostics.h"
#include "model/site.h"

namespace fabu {

struct LoadOptions {
    bool include_drafts = false;
    unsigned jobs = 1;
};

// Fills `site.pages`, `site.sections`, `site.taxonomies` and `site.copies`
// (site.config must already be loaded). Problems go to `sink`.
void load_content(const std::filesystem::path& root, const LoadOptions& options, Site& site, DiagnosticSink& sink);

// Interprets one content file's text (exposed for tests and the fuzzer).
// `source` is the path relative to the site root, e.g. "content/posts/a.md".
std::optional<Page> read_page(std::string_view text, const std::string& source, const SiteConfig& config,
                              DiagnosticSink& sink);

}  // namespace fabu
