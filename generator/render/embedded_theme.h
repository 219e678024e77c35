#pragma once
#include <span>
#include <string_view>

namespace fabu {

struct EmbeddedFile {
    const char* path;  // "templates/page.html", "assets/style.css"
    std::string_view data;
};

// The default theme compiled into the binary (see cmake/EmbedTheme.cmake).
std::span<const EmbeddedFile> embedded_theme_files();

}  // namespace fabu
