#include "content/site_config.h"

#include <array>

#include "content/structured.h"
#include "core/files.h"

namespace fabu {

using nlohmann::json;

std::string SiteConfig::base_path() const {
    std::string path = base_url;
    if (auto scheme = path.find("://"); scheme != std::string::npos) {
        auto slash = path.find('/', scheme + 3);
        path = slash == std::string::npos ? "/" : path.substr(slash);
    }
    if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
    if (path.back() != '/') path += '/';
    return path;
}

std::string SiteConfig::absolute_root() const {
    std::string root = base_url;
    while (!root.empty() && root.back() == '/') root.pop_back();
    return root;
}

namespace {

struct Reader {
    const StructuredDocument& document;
    const std::string& file;
    DiagnosticSink& sink;

    const json* find(const char* key) const {
        auto it = document.value.find(key);
        return it == document.value.end() || it->is_null() ? nullptr : &*it;
    }
    SourcePosition where(const char* key) const { return document.position_of(std::string("/") + key); }

    void string(const char* key, std::string& out) const {
        if (const json* value = find(key)) {
            if (value->is_string())
                out = value->get<std::string>();
            else if (value->is_number())
                out = value->dump();
            else
                sink.error(file, where(key), std::string("'") + key + "' must be text");
        }
    }
    void boolean(const char* key, bool& out) const {
        if (const json* value = find(key)) {
            if (value->is_boolean())
                out = value->get<bool>();
            else
                sink.error(file, where(key), std::string("'") + key + "' must be true or false");
        }
    }
};

}  // namespace

SiteConfig load_site_config(const std::filesystem::path& root, DiagnosticSink& sink) {
    SiteConfig config;
    static constexpr std::array<const char*, 4> site_files{"site.yaml", "site.yml", "site.toml", "site.json"};
    static constexpr std::array<const char*, 4> hugo_files{"hugo.toml", "hugo.yaml", "config.toml", "config.yaml"};
    std::string chosen;
    bool hugo = false;
    for (const char* name : site_files)
        if (chosen.empty() && std::filesystem::is_regular_file(root / name)) chosen = name;
    for (const char* name : hugo_files)
        if (chosen.empty() && std::filesystem::is_regular_file(root / name)) {
            chosen = name;
            hugo = true;
        }
    if (chosen.empty()) return config;

    std::string text;
    try {
        text = read_file(root / chosen);
    } catch (const FileError& error) {
        sink.error(chosen, {}, error.what());
        return config;
    }
    auto format = data_format_for_extension(std::filesystem::path(chosen).extension().string());
    auto document = parse_structured(text, *format, chosen, 1, sink);
    if (!document) return config;
    if (!document->value.is_object()) {
        sink.error(chosen, {1, 1}, "the site configuration must be a mapping of keys to values");
        return config;
    }
    config.source_file = chosen;
    json& value = document->value;
    if (hugo) {
        // Hugo's names for the same settings.
        for (auto [from, to] :
             {std::pair{"baseURL", "base_url"}, {"languageCode", "language"}, {"paginate", "page_size"}})
            if (value.contains(from) && !value.contains(to)) value[to] = value[from];
    }
    Reader reader{*document, chosen, sink};
    reader.string("title", config.title);
    reader.string("description", config.description);
    reader.string("base_url", config.base_url);
    reader.string("language", config.language);
    reader.string("author", config.author);
    if (const json* size = reader.find("page_size")) {
        if (size->is_number_integer() && size->get<long long>() > 0 && size->get<long long>() <= 10000)
            config.page_size = size->get<int>();
        else
            sink.error(chosen, reader.where("page_size"), "'page_size' must be a whole number from 1 to 10000");
    }
    if (const json* zone = reader.find("timezone")) {
        auto parsed = zone->is_string() ? parse_date("2000-01-01T00:00:00" + zone->get<std::string>()) : std::nullopt;
        if (parsed && parsed->utc_offset_minutes)
            config.timezone_offset_minutes = *parsed->utc_offset_minutes;
        else
            sink.error(chosen, reader.where("timezone"), "'timezone' must be an offset such as \"+08:00\"");
    }
    if (const json* markdown = reader.find("markdown")) {
        if (markdown->is_object()) {
            StructuredDocument nested{*markdown, {}};
            for (const auto& [key, position] : document->positions)
                if (key.starts_with("/markdown/")) nested.positions.emplace(key.substr(9), position);
            Reader markdown_reader{nested, chosen, sink};
            markdown_reader.boolean("unsafe", config.unsafe_html);
            markdown_reader.boolean("hard_breaks", config.hard_breaks);
            markdown_reader.boolean("smart_punctuation", config.smart_punctuation);
        } else {
            sink.error(chosen, reader.where("markdown"), "'markdown' must be a mapping (unsafe, hard_breaks, ...)");
        }
    }
    if (const json* taxonomies = reader.find("taxonomies")) {
        if (taxonomies->is_array() &&
            std::all_of(taxonomies->begin(), taxonomies->end(), [](const json& item) { return item.is_string(); })) {
            config.taxonomies = taxonomies->get<std::vector<std::string>>();
        } else {
            sink.error(chosen, reader.where("taxonomies"), "'taxonomies' must be a list of names such as [tags]");
        }
    }
    if (const json* menu = reader.find("menu")) {
        if (!menu->is_array()) {
            sink.error(chosen, reader.where("menu"), "'menu' must be a list of {title, url}");
        } else {
            for (std::size_t i = 0; i < menu->size(); ++i) {
                const json& item = (*menu)[i];
                if (!item.is_object() || !item.value("title", json()).is_string() ||
                    !item.value("url", json()).is_string()) {
                    sink.error(chosen, document->position_of("/menu/" + std::to_string(i)),
                               "each menu entry needs a 'title' and a 'url'");
                    continue;
                }
                config.menu.push_back({item["title"].get<std::string>(), item["url"].get<std::string>()});
            }
        }
    }
    config.params = std::move(value);
    return config;
}

}  // namespace fabu
