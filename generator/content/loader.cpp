#include "content/loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "content/front_matter.h"
#include "content/slug.h"
#include "content/structured.h"
#include "core/files.h"
#include "core/parallel.h"
#include "core/text.h"

namespace fabu {

using nlohmann::json;

namespace {

bool is_markdown(const fs::path& path) {
    std::string extension = to_lower_ascii(path.extension().string());
    return extension == ".md" || extension == ".markdown";
}

bool is_hidden(const fs::path& name) {
    std::string text = name.filename().string();
    return text.starts_with('.') || text.ends_with('~');
}

std::string text_value(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number() || value.is_boolean()) return value.dump();
    return {};
}

// Parsing a front matter value with a message that names the key and line.
struct FieldReader {
    const StructuredDocument& document;
    const std::string& file;
    DiagnosticSink& sink;

    const json* find(const char* key) const {
        auto it = document.value.find(key);
        return it == document.value.end() || it->is_null() ? nullptr : &*it;
    }
    SourcePosition where(const std::string& key) const { return document.position_of("/" + key); }

    std::optional<DateTime> date(const char* key) const {
        const json* value = find(key);
        if (!value) return std::nullopt;
        std::string text = text_value(*value);
        if (auto parsed = parse_date(trim(text))) return parsed;
        sink.error(file, where(key),
                   std::string("'") + key + "' is not a real date: '" + text + "' (write it as 2023-03-26)");
        return std::nullopt;
    }

    std::vector<std::string> list(const std::string& key) const {
        std::vector<std::string> items;
        auto it = document.value.find(key);
        if (it == document.value.end() || it->is_null()) return items;
        auto add = [&](std::string item) {
            item = std::string(trim(item));
            if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end())
                items.push_back(std::move(item));
        };
        if (it->is_array()) {
            for (const json& entry : *it) {
                if (entry.is_string() || entry.is_number())
                    add(text_value(entry));
                else
                    sink.error(file, where(key), "'" + key + "' must be a list of words");
            }
        } else if (it->is_string()) {
            // "a, b" or "a，b": one line of comma-separated terms.
            std::string text = it->get<std::string>();
            for (auto pos = text.find("，"); pos != std::string::npos; pos = text.find("，")) text.replace(pos, 3, ",");
            for (const auto& part : split(text, ',')) add(part);
        } else {
            sink.error(file, where(key), "'" + key + "' must be a list of words");
        }
        return items;
    }
};

// A path written in front matter ("url", "slug") must stay inside the site.
bool is_safe_url_path(std::string_view path) {
    for (const auto& part : split(path, '/')) {
        if (part == ".." || part == ".") return false;
        if (part.find('\\') != std::string::npos || part.find('\0') != std::string::npos) return false;
    }
    return path.find("://") == std::string_view::npos;
}

std::string slug_for_segment(const std::string& segment) {
    std::string slug = slugify(segment);
    return slug.empty() ? "_" : slug;
}

}  // namespace

std::optional<Page> read_page(std::string_view text, const std::string& source, const SiteConfig& config,
                              DiagnosticSink& sink) {
    std::size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) {
        LineColumn where = line_column_at(text, bad);
        sink.error(source, {where.line, where.column},
                   "not valid UTF-8 (byte " + std::to_string(bad) +
                       "); a file saved as GBK or GB18030 must be re-saved as UTF-8");
        return std::nullopt;
    }
    auto front = split_front_matter(text, source, sink);
    if (!front) return std::nullopt;

    Page page;
    page.source = source;
    page.body = std::string(front->body);
    page.body_line = front->body_line;
    const StructuredDocument& document = front->document;
    FieldReader fields{document, source, sink};
    std::size_t errors_before = sink.error_count();

    if (const json* title = fields.find("title")) {
        page.title = text_value(*title);
        if (page.title.empty() && !title->is_string())
            sink.error(source, fields.where("title"), "'title' must be text");
    }
    page.date = fields.date("date");
    page.lastmod = fields.find("lastmod") ? fields.date("lastmod") : fields.date("updated");
    if (const json* draft = fields.find("draft")) {
        if (draft->is_boolean())
            page.draft = draft->get<bool>();
        else
            sink.error(source, fields.where("draft"), "'draft' must be true or false");
    }
    if (const json* published = fields.find("published"); published && published->is_boolean())
        page.draft = page.draft || !published->get<bool>();
    if (const json* weight = fields.find("weight")) {
        if (weight->is_number_integer())
            page.weight = weight->get<int>();
        else
            sink.error(source, fields.where("weight"), "'weight' must be a whole number");
    }
    if (const json* slug = fields.find("slug")) {
        page.slug = text_value(*slug);
        if (page.slug.empty() || page.slug.find('/') != std::string::npos || !is_safe_url_path(page.slug)) {
            sink.error(source, fields.where("slug"), "'slug' must be one URL segment without '/' or '..'");
            page.slug.clear();
        }
    }
    if (const json* url = fields.find("url")) {
        std::string path = text_value(*url);
        if (path.empty() || !is_safe_url_path(path)) {
            sink.error(source, fields.where("url"), "'url' must be a path inside the site, such as /about/");
        } else {
            while (!path.empty() && path.front() == '/') path.erase(path.begin());
            if (!path.empty() && path.back() != '/') path += '/';
            page.path = path;
        }
    }
    if (const json* summary = fields.find("summary"))
        page.summary = text_value(*summary);
    else if (const json* description = fields.find("description"))
        page.summary = text_value(*description);
    if (const json* layout = fields.find("layout")) page.layout = text_value(*layout);
    if (const json* type = fields.find("type")) page.type = text_value(*type);
    for (const auto& taxonomy : config.taxonomies) {
        auto terms = fields.list(taxonomy);
        if (!terms.empty()) page.terms[taxonomy] = std::move(terms);
    }
    page.params = document.value;
    page.positions = document.positions;
    if (sink.error_count() > errors_before) return std::nullopt;
    return page;
}

namespace {

struct ContentFile {
    fs::path absolute;
    std::string relative;  // to the site root
};

// Output directory (below the base path) of each content directory: every
// component turned into a slug so URLs stay readable.
std::string output_dir_for(const std::string& content_dir) {
    if (content_dir.empty()) return {};
    std::string out;
    for (const auto& part : split(content_dir, '/')) out += slug_for_segment(part) + '/';
    return out;
}

}  // namespace

void load_content(const fs::path& root, const LoadOptions& options, Site& site, DiagnosticSink& sink) {
    const fs::path content_root = root / "content";
    std::vector<ContentFile> markdown_files;
    std::vector<ContentFile> resource_files;
    std::set<std::string> section_dirs;  // content-relative directories that are sections

    auto walk = [&](const fs::path& base, auto&& on_file) {
        std::error_code ec;
        fs::recursive_directory_iterator it(base, fs::directory_options::none, ec), end;
        if (ec) {
            sink.error(generic_relative(base, root), {}, "cannot read folder: " + ec.message());
            return;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                sink.error(generic_relative(base, root), {}, "cannot read folder: " + ec.message());
                return;
            }
            const fs::path& path = it->path();
            if (is_hidden(path)) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_symlink()) {
                // A link may point anywhere; only what stays inside the site is read.
                std::error_code link_error;
                fs::path target = fs::canonical(path, link_error);
                if (link_error || !is_within(fs::canonical(root), target)) {
                    sink.error(generic_relative(path, root), {}, "symbolic link points outside the site; not read");
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
            }
            if (it->is_regular_file()) on_file(path);
        }
    };

    if (fs::is_directory(content_root)) {
        walk(content_root, [&](const fs::path& path) {
            ContentFile file{path, generic_relative(path, root)};
            if (is_markdown(path))
                markdown_files.push_back(std::move(file));
            else if (!data_format_for_extension(path.extension().string()))
                resource_files.push_back(std::move(file));
        });
    }
    if (fs::is_directory(root / "static")) {
        walk(root / "static", [&](const fs::path& path) {
            site.copies.push_back({generic_relative(path, root), generic_relative(path, root / "static")});
        });
    }
    std::sort(markdown_files.begin(), markdown_files.end(),
              [](const ContentFile& a, const ContentFile& b) { return a.relative < b.relative; });

    std::vector<std::optional<Page>> loaded(markdown_files.size());
    parallel_for(markdown_files.size(), options.jobs, [&](std::size_t i) {
        std::string text;
        try {
            text = read_file(markdown_files[i].absolute);
        } catch (const FileError& error) {
            sink.error(markdown_files[i].relative, {}, error.what());
            return;
        }
        loaded[i] = read_page(text, markdown_files[i].relative, site.config, sink);
    });

    // Structure: kinds, sections and output paths.
    std::vector<Page> regular, branch;
    for (auto& maybe : loaded) {
        if (!maybe || (maybe->draft && !options.include_drafts)) continue;
        Page& page = *maybe;
        fs::path relative = fs::path(page.source).lexically_relative("content");
        std::string dir = relative.parent_path().generic_string();
        std::string stem = relative.stem().string();
        if (stem == "_index") {
            page.kind = dir.empty() ? PageKind::home : PageKind::section;
            page.section = dir;
            if (page.path.empty()) page.path = output_dir_for(dir);
            if (page.title.empty()) page.title = dir.empty() ? site.config.title : fs::path(dir).filename().string();
            section_dirs.insert(dir);
            branch.push_back(std::move(page));
            continue;
        }
        bool bundle = stem == "index";
        std::string page_dir = bundle ? fs::path(dir).parent_path().generic_string() : dir;
        std::string name = bundle ? fs::path(dir).filename().string() : stem;
        if (page.title.empty()) page.title = name;
        page.section = page_dir;  // narrowed to the nearest section below
        if (page.path.empty()) {
            std::string segment = page.slug;
            if (segment.empty()) segment = slugify(is_ascii_slug_safe(name) ? name : page.title);
            if (segment.empty()) segment = slugify(name);
            if (segment.empty()) segment = "page";
            page.path = output_dir_for(page_dir) + segment + '/';
        }
        if (bundle) page.params["bundle"] = true;
        regular.push_back(std::move(page));
    }
    // Top-level folders are sections even without an _index.md, as in Hugo.
    for (const auto& page : regular) {
        auto top = split(page.section, '/').front();
        if (!top.empty()) section_dirs.insert(top);
    }
    section_dirs.insert("");
    auto nearest_section = [&](std::string dir) {
        while (!dir.empty() && !section_dirs.count(dir)) {
            auto slash = dir.rfind('/');
            dir = slash == std::string::npos ? std::string() : dir.substr(0, slash);
        }
        return dir;
    };

    // Stable order: by source path. Collisions: a derived slug gets a numeric
    // suffix; two explicit paths claiming one URL are an error.
    std::unordered_map<std::string, std::size_t> owner_of_path;
    site.pages.clear();
    for (auto& page : regular) {
        page.section = nearest_section(page.section);
        auto [it, inserted] = owner_of_path.emplace(page.path, site.pages.size());
        if (!inserted) {
            bool explicit_path = page.params.contains("slug") || page.params.contains("url");
            if (explicit_path) {
                const Page& other = site.pages[it->second];
                sink.error(
                    page.source, {},
                    "URL /" + page.path + " is already used by " + other.source + "; give one of them another slug");
                continue;
            }
            std::string base = page.path.substr(0, page.path.size() - 1);
            for (int n = 2;; ++n) {
                std::string candidate = base + '-' + std::to_string(n) + '/';
                if (owner_of_path.emplace(candidate, site.pages.size()).second) {
                    page.path = candidate;
                    break;
                }
            }
        }
        site.pages.push_back(std::move(page));
    }
    std::size_t first_branch = site.pages.size();
    std::map<std::string, Page*> branch_by_dir;
    for (auto& page : branch) {
        if (auto [it, inserted] = owner_of_path.emplace(page.path, site.pages.size()); !inserted) {
            sink.error(page.source, {}, "URL /" + page.path + " is already used by " + site.pages[it->second].source);
            continue;
        }
        site.pages.push_back(std::move(page));
    }
    // Every section gets a list page, written or not.
    for (const auto& dir : section_dirs) {
        Section& section = site.sections[dir];
        section.key = dir;
        section.path = output_dir_for(dir);
    }
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& page = site.pages[i];
        if (i >= first_branch) {
            site.sections[page.section].index_page = i;
            site.sections[page.section].path = page.path;
        } else
            site.sections[page.section].pages.push_back(i);
    }
    for (const auto& dir : section_dirs) {
        if (dir.empty()) continue;
        auto slash = dir.rfind('/');
        std::string parent = nearest_section(slash == std::string::npos ? std::string() : dir.substr(0, slash));
        site.sections[parent].subsections.push_back(dir);
    }

    // Resources: files beside pages keep their names, under the page's folder.
    std::map<std::string, std::size_t> bundle_page_by_dir;
    for (std::size_t i = 0; i < first_branch; ++i)
        if (site.pages[i].params.value("bundle", false))
            bundle_page_by_dir[fs::path(site.pages[i].source).parent_path().generic_string()] = i;
    for (const auto& file : resource_files) {
        fs::path content_relative = fs::path(file.relative).lexically_relative("content");
        std::string dir = content_relative.parent_path().generic_string();
        std::string probe = "content/" + dir;
        std::optional<std::size_t> bundle;
        while (probe.starts_with("content")) {
            if (auto it = bundle_page_by_dir.find(probe); it != bundle_page_by_dir.end()) {
                bundle = it->second;
                break;
            }
            probe = fs::path(probe).parent_path().generic_string();
        }
        if (bundle) {
            Page& page = site.pages[*bundle];
            page.resources.push_back(file.relative);
            std::string inside = fs::path(file.relative).lexically_relative(probe).generic_string();
            site.copies.push_back({file.relative, page.path + inside});
        } else {
            Section& section = site.sections[nearest_section(dir)];
            if (section.index_page) site.pages[*section.index_page].resources.push_back(file.relative);
            site.copies.push_back({file.relative, output_dir_for(dir) + content_relative.filename().string()});
        }
    }

    // Taxonomies, terms sorted by their slug for a stable order.
    for (const auto& name : site.config.taxonomies) {
        Taxonomy taxonomy{name, {}};
        std::map<std::string, Term> by_slug;
        for (std::size_t i = 0; i < first_branch; ++i) {
            auto it = site.pages[i].terms.find(name);
            if (it == site.pages[i].terms.end()) continue;
            for (const auto& term_name : it->second) {
                std::string slug = slug_for_segment(term_name);
                Term& term = by_slug[slug];
                if (term.name.empty()) {
                    term.name = term_name;
                    term.slug = slug;
                }
                if (term.pages.empty() || term.pages.back() != i) term.pages.push_back(i);
            }
        }
        for (auto& [slug, term] : by_slug) taxonomy.terms.push_back(std::move(term));
        site.taxonomies.push_back(std::move(taxonomy));
    }
}

}  // namespace fabu
