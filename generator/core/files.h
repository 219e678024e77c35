#pragma once
// File system helpers. Errors surface as FileError, caught at stage
// boundaries and turned into diagnostics.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fabu {

namespace fs = std::filesystem;

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, std::string_view data);

// Forward slashes and no leading "./": how paths appear in messages and URLs.
std::string generic_relative(const fs::path& path, const fs::path& base);

// Whether `candidate`, once made absolute and normalised, lies inside `root`.
bool is_within(const fs::path& root, const fs::path& candidate);

}  // namespace fabu
