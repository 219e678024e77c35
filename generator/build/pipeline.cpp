#include "build/pipeline.h"

#include <chrono>

#include "build/output.h"
#include "check/campaign_checks.h"
#include "content/campaign.h"
#include "content/loader.h"
#include "content/markdown.h"
#include "content/site_config.h"
#include "content/slug.h"
#include "core/files.h"
#include "core/parallel.h"
#include "render/site_renderer.h"
#include "render/templates.h"
#include "render/theme.h"

namespace fabu {

Site load_site(const BuildRequest& request, DiagnosticSink& sink) {
    Site site;
    site.config = load_site_config(request.source, sink);
    if (request.base_url) site.config.base_url = *request.base_url;
    LoadOptions options{request.include_drafts, request.jobs ? request.jobs : default_jobs()};
    load_content(request.source, options, site, sink);
    return site;
}

BuildReport run_build(const BuildRequest& request, DiagnosticSink& sink) {
    auto started = std::chrono::steady_clock::now();
    register_markdown_extensions();
    std::jthread slug_rules = prepare_slugs_in_background();
    BuildReport report;
    Site site = load_site(request, sink);
    Campaign campaign = load_campaign(request.source, site, sink);
    check_campaign(site, campaign, sink);
    Theme theme = load_theme(request.source, sink);
    TemplateSet templates(theme, sink);
    for (const char* required : {"page", "section", "taxonomy", "term", "404"})
        if (!theme.templates.count(required))
            sink.error("templates", {}, std::string("no template '") + required + ".html'");
    if (sink.has_errors()) return report;

    fs::path output_path = request.output.empty() ? request.source / "public" : request.output;
    if (!request.write) {
        // `fabu check`: render into a staging tree that is always thrown away,
        // so template and link errors are found too.
        OutputTree scratch(output_path);
        render_site(site, campaign, theme, templates, request.source, scratch,
                    request.jobs ? request.jobs : default_jobs(), sink);
        return report;
    }
    OutputTree output(output_path);
    RenderSummary summary = render_site(site, campaign, theme, templates, request.source, output,
                                        request.jobs ? request.jobs : default_jobs(), sink);
    if (sink.has_errors()) return report;
    output.commit(request.background_cleanup ? OutputTree::OldTree::remove_in_background
                                             : OutputTree::OldTree::remove_now);
    report.pages = summary.pages;
    report.files = output.file_count();
    report.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace fabu
