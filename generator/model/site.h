#pragma once
// The site as plain data: what was read, before anything is rendered.
// No I/O and no knowledge of templates here.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "core/diagnostics.h"

namespace fabu {

struct MenuItem {
    std::string title;
    std::string url;
};

struct SiteConfig {
    std::string title = "fabu";
    std::string description;
    std::string base_url = "/";  // absolute ("https://example.org/") or a path ("/")
    std::string language = "zh-CN";
    std::string author;
    int page_size = 10;
    int timezone_offset_minutes = 8 * 60;  // dates without a zone are Beijing time
    bool unsafe_html = false;
    bool hard_breaks = false;
    bool smart_punctuation = false;
    std::vector<std::string> taxonomies{"tags", "categories"};
    std::vector<MenuItem> menu;
    nlohmann::json params = nlohmann::json::object();  // the whole site.yaml, for templates
    std::string source_file;                           // "site.yaml" when one was read

    // "/" or "/sub/": the path part of base_url, which every URL starts with.
    std::string base_path() const;
    // base_url without the trailing slash, for absolute links in feeds.
    std::string absolute_root() const;
};

enum class PageKind { page, section, home };

struct Page {
    PageKind kind = PageKind::page;
    std::string source;   // "content/posts/a.md", relative to the site root
    std::string section;  // content folder the page belongs to: "posts", "" for the root
    std::string path;     // URL path below the base: "posts/a/" ("" for home)
    std::string title;
    std::optional<DateTime> date;
    std::optional<DateTime> lastmod;
    bool draft = false;
    int weight = 0;
    std::string slug;
    std::string summary;                                    // from front matter, when given
    std::string layout;                                     // template asked for by front matter
    std::string type;                                       // e.g. "notice"
    std::map<std::string, std::vector<std::string>> terms;  // taxonomy → terms
    nlohmann::json params = nlohmann::json::object();       // every front matter key
    // JSON pointer into params ("/attachments/0/data") → where it was written.
    std::unordered_map<std::string, SourcePosition> positions;
    std::string body;  // Markdown after the front matter
    int body_line = 1;
    std::vector<std::string> resources;  // files beside the page, relative to the site root
};

struct Section {
    std::string key;                        // "posts", "campaigns/2023", "" for home
    std::string path;                       // URL path of its list page: "campaigns/2023/"
    std::optional<std::size_t> index_page;  // the _index.md page, when there is one
    std::vector<std::size_t> pages;         // regular pages directly inside
    std::vector<std::string> subsections;
};

struct Term {
    std::string name;
    std::string slug;
    std::vector<std::size_t> pages;
};

struct Taxonomy {
    std::string name;         // "tags"
    std::vector<Term> terms;  // sorted by name
};

// A file written to the output as it is: static/ files and page resources.
struct FileCopy {
    std::string source;  // relative to the site root
    std::string output;  // relative to the output folder
};

struct Site {
    SiteConfig config;
    std::vector<Page> pages;  // regular pages, then section and home pages
    std::map<std::string, Section> sections;
    std::vector<Taxonomy> taxonomies;
    std::vector<FileCopy> copies;
};

}  // namespace fabu
