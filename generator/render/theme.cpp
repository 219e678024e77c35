#include "render/theme.h"

#include "core/files.h"
#include "render/embedded_theme.h"

namespace fabu {

namespace {

// Sorts a theme-relative path ("templates/partials/x.html") into its table.
void place(Theme& theme, const std::string& relative, ThemeFile file) {
    if (relative.starts_with("templates/i18n/")) {
        std::string name = fs::path(relative).stem().string();
        theme.i18n[name] = std::move(file);
    } else if (relative.starts_with("templates/")) {
        fs::path inside = fs::path(relative).lexically_relative("templates");
        if (inside.extension() != ".html") return;
        std::string name = (inside.parent_path() / inside.stem()).generic_string();
        theme.templates[name] = std::move(file);
    } else if (relative.starts_with("assets/")) {
        theme.assets[relative.substr(7)] = std::move(file);
    }
}

}  // namespace

Theme load_theme(const fs::path& site_root, DiagnosticSink& sink) {
    Theme theme;
    for (const auto& file : embedded_theme_files())
        place(theme, file.path, {std::string(file.data), std::string("(built-in) ") + file.path});
    for (const char* folder : {"templates", "assets"}) {
        fs::path base = site_root / folder;
        if (!fs::is_directory(base)) continue;
        std::error_code ec;
        for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file() || it->path().filename().string().starts_with('.')) continue;
            std::string relative = generic_relative(it->path(), site_root);
            try {
                place(theme, relative, {read_file(it->path()), relative});
            } catch (const FileError& error) {
                sink.error(relative, {}, error.what());
            }
        }
        if (ec) sink.error(folder, {}, "cannot read folder: " + ec.message());
    }
    return theme;
}

}  // namespace fabu
