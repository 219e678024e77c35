#pragma once
// load → model → check → render → write, the one direction a build flows.
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/site.h"

namespace fabu {

struct BuildRequest {
    std::filesystem::path source = ".";
    std::filesystem::path output;  // empty: <source>/public
    std::optional<std::string> base_url;
    unsigned jobs = 0;  // 0: one per core
    bool include_drafts = false;
    bool write = true;                // false for `fabu check`
    bool background_cleanup = false;  // remove the previous output after exiting
};

struct BuildReport {
    std::size_t pages = 0;  // HTML pages written
    std::size_t files = 0;  // every file written
    double milliseconds = 0;
};

// Runs a build. Problems land in `sink`; when it holds errors nothing was
// written and the previous output is untouched.
BuildReport run_build(const BuildRequest& request, DiagnosticSink& sink);

// Reads and checks the site without rendering (shared by build and check).
Site load_site(const BuildRequest& request, DiagnosticSink& sink);

}  // namespace fabu
