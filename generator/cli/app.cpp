#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "build/pipeline.h"
#include "cli/scaffold.h"
#include "core/files.h"

namespace fabu {

namespace {

void print_diagnostics(const DiagnosticSink& sink) {
    for (const auto& diagnostic : sink.sorted()) std::cerr << diagnostic.format() << '\n';
}

// The output folder is replaced wholesale, so it must not hold the sources.
std::optional<std::string> unsafe_output_reason(const fs::path& source, const fs::path& output) {
    fs::path root = fs::weakly_canonical(fs::absolute(source));
    fs::path out = fs::weakly_canonical(fs::absolute(output));
    if (is_within(out, root)) return "the output folder " + output.string() + " would contain the site's sources";
    for (const char* folder : {"content", "templates", "assets", "static"})
        if (is_within(root / folder, out))
            return "the output folder " + output.string() + " is inside the site's " + folder + "/ folder";
    return std::nullopt;
}

int build_command(BuildRequest request, bool quiet) {
    if (!fs::is_directory(request.source)) {
        std::cerr << "fabu: error: site folder '" << request.source.string() << "' does not exist\n";
        return exit_usage_error;
    }
    if (request.output.empty()) request.output = request.source / "public";
    if (auto reason = unsafe_output_reason(request.source, request.output)) {
        std::cerr << "fabu: error: " << *reason << "\n";
        return exit_usage_error;
    }
    DiagnosticSink sink;
    BuildReport report;
    try {
        report = run_build(request, sink);
    } catch (const std::exception& error) {
        sink.error("", {}, error.what());
    }
    print_diagnostics(sink);
    if (sink.has_errors()) {
        std::cerr << "fabu: " << sink.error_count() << (sink.error_count() == 1 ? " error" : " errors")
                  << (request.write ? "; nothing was written, " + request.output.string() + " is unchanged\n" : "\n");
        return exit_content_error;
    }
    if (!quiet) {
        if (request.write)
            std::cout << report.pages << " pages, " << report.files << " files in "
                      << static_cast<long long>(report.milliseconds + 0.5) << " ms\n";
        else
            std::cout << "no errors, " << sink.warning_count() << " warnings\n";
    }
    return exit_ok;
}

int init_command(const fs::path& directory) {
    std::error_code ec;
    if (fs::exists(directory) && !fs::is_empty(directory, ec)) {
        std::cerr << "fabu: error: " << directory.string() << " exists and is not empty\n";
        return exit_usage_error;
    }
    try {
        fs::create_directories(directory / "content" / "posts");
        std::string title = fs::absolute(directory).lexically_normal().filename().string();
        if (title.empty()) title = "新网站";
        write_file(directory / "site.yaml", new_site_config(title));
        write_file(directory / "content" / "_index.md",
                   "---\ntitle: \"" + title + "\"\n---\n\n欢迎访问。这段文字来自 content/_index.md。\n");
        write_file(directory / "content" / "posts" / "hello.md", new_page_text("第一篇文章", today_iso()));
    } catch (const std::exception& error) {
        std::cerr << "fabu: error: " << error.what() << "\n";
        return exit_content_error;
    }
    std::cout << "created a site in " << directory.string() << "\nnext: fabu build --source " << directory.string()
              << "\n";
    return exit_ok;
}

int new_command(const fs::path& source, std::string target) {
    fs::path path(target);
    if (path.extension() != ".md") {
        std::cerr << "fabu: error: the new page must end in .md: " << target << "\n";
        return exit_usage_error;
    }
    if (path.is_absolute() || target.find("..") != std::string::npos) {
        std::cerr << "fabu: error: give a path inside content/, such as posts/notice.md\n";
        return exit_usage_error;
    }
    if (*path.begin() != "content") path = fs::path("content") / path;
    fs::path full = source / path;
    if (fs::exists(full)) {
        std::cerr << "fabu: error: " << path.generic_string() << " already exists\n";
        return exit_usage_error;
    }
    try {
        fs::create_directories(full.parent_path());
        write_file(full, new_page_text(path.stem().string(), today_iso()));
    } catch (const std::exception& error) {
        std::cerr << "fabu: error: " << error.what() << "\n";
        return exit_content_error;
    }
    std::cout << "created " << path.generic_string() << "\n";
    return exit_ok;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"fabu: a static site generator for public campaign publishing", "fabu"};
    app.set_version_flag("--version", std::string("fabu ") + FABU_VERSION);
    app.require_subcommand(1);

    BuildRequest build_request;
    std::string base_url;
    bool quiet = false;
    auto add_site_options = [&](CLI::App* command) {
        command->add_option("-s,--source", build_request.source, "site folder (holds content/)")->capture_default_str();
        command->add_option("--base-url", base_url, "override base_url from site.yaml");
        command->add_option("-j,--jobs", build_request.jobs, "render threads (default: one per core)")
            ->check(CLI::Range(1u, 1024u));
        command->add_flag("-D,--drafts", build_request.include_drafts, "include pages marked draft");
        command->add_flag("-q,--quiet", quiet, "print only problems");
    };
    CLI::App* build = app.add_subcommand("build", "build the site into public/ (atomically)");
    add_site_options(build);
    build->add_option("-o,--out", build_request.output, "output folder (default: <source>/public)");
    CLI::App* check = app.add_subcommand("check", "read and check the site without writing anything");
    add_site_options(check);

    fs::path init_directory;
    CLI::App* init = app.add_subcommand("init", "create a new site");
    init->add_option("directory", init_directory, "folder to create")->required();

    std::string new_path;
    CLI::App* make_page = app.add_subcommand("new", "create a page with its front matter filled in");
    make_page->add_option("path", new_path, "e.g. posts/notice.md (below content/)")->required();
    make_page->add_option("-s,--source", build_request.source, "site folder")->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage_error;
    }
    if (!base_url.empty()) build_request.base_url = base_url;
    build_request.background_cleanup = true;

    if (*build) return build_command(build_request, quiet);
    if (*check) {
        build_request.write = false;
        return build_command(build_request, quiet);
    }
    if (*init) return init_command(init_directory);
    if (*make_page) return new_command(build_request.source, new_path);
    return exit_usage_error;
}

}  // namespace fabu
