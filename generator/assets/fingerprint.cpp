#include "assets/fingerprint.h"

#include <filesystem>

#include "core/hash.h"

namespace fabu {

std::string fingerprinted_name(const std::string& name, const std::string& data) {
    std::filesystem::path path(name);
    std::string hash = sha256_hex(data).substr(0, 8);
    std::filesystem::path hashed = path.parent_path() / (path.stem().string() + "." + hash + path.extension().string());
    return hashed.generic_string();
}

std::map<std::string, FingerprintedAsset> fingerprint_assets(const Theme& theme, const std::string& base_path) {
    std::map<std::string, FingerprintedAsset> table;
    for (const auto& [name, file] : theme.assets) {
        FingerprintedAsset asset;
        asset.output_path = fingerprinted_name(name, file.data);
        asset.url = base_path + asset.output_path;
        std::string extension = std::filesystem::path(name).extension().string();
        if (extension == ".css" || extension == ".js") asset.integrity = "sha384-" + sha384_base64(file.data);
        asset.data = &file.data;
        table.emplace(name, std::move(asset));
    }
    return table;
}

}  // namespace fabu
