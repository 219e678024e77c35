#pragma once
// Turns the model into output files: pages through the theme's templates,
// list pages with pagination, taxonomy pages, feeds, sitemap, robots.txt, 404
// and fingerprinted assets.
#include "assets/fingerprint.h"
#include "build/output.h"
#include "content/campaign.h"
#include "core/diagnostics.h"
#include "model/site.h"
#include "render/templates.h"
#include "render/theme.h"

namespace fabu {

struct RenderSummary {
    std::size_t pages = 0;  // HTML pages written
};

// Writes the whole site into `output`. Render errors go to `sink`; the
// caller must not commit the output when `sink` has errors.
RenderSummary render_site(const Site& site, const Campaign& campaign, const Theme& theme, const TemplateSet& templates,
                          const std::filesystem::path& site_root, OutputTree& output, unsigned jobs,
                          DiagnosticSink& sink);

}  // namespace fabu
