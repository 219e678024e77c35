#include "render/site_renderer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "content/markdown.h"
#include "content/structured.h"
#include "core/files.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/campaign_context.h"
#include "render/feeds.h"

namespace fabu {

namespace {

using nlohmann::json;

constexpr std::size_t summary_length = 120;  // characters: about two lines of Chinese
constexpr std::size_t feed_size = 20;
constexpr std::size_t words_per_minute = 300;  // CJK characters or Latin words

std::string output_file_for(const std::string& path) {
    return path + "index.html";
}

// What rendering a page's Markdown leaves behind for list pages and feeds.
struct RenderedPage {
    std::string summary;
    std::size_t word_count = 0;
    std::string html;  // kept only for pages that appear in a feed
};

class Renderer {
public:
    Renderer(const Site& site, const Campaign& campaign, const Theme& theme, const TemplateSet& templates,
             const fs::path& site_root, OutputTree& output, unsigned jobs, DiagnosticSink& sink)
        : site_(site),
          campaign_(campaign),
          templates_(templates),
          site_root_(site_root),
          output_(output),
          jobs_(jobs),
          sink_(sink),
          base_path_(site.config.base_path()),
          absolute_root_(site.config.absolute_root()),
          assets_(fingerprint_assets(theme, base_path_)),
          rendered_(site.pages.size()) {
        for (std::size_t i = 0; i < site.pages.size(); ++i) page_by_source_[site.pages[i].source] = i;
        build_global(theme);
    }

    RenderSummary run() {
        order_pages();
        mark_feed_pages();
        std::vector<std::size_t> regular;
        for (std::size_t i = 0; i < site_.pages.size(); ++i)
            if (site_.pages[i].kind == PageKind::page) regular.push_back(i);
        // Regular pages first: lists need their summaries.
        parallel_for(regular.size(), jobs_, [&](std::size_t n) { render_regular_page(regular[n]); });
        for (std::size_t i : regular) list_items_.emplace(i, list_item(i));

        std::vector<std::function<void()>> tasks;
        for (const auto& [key, section] : site_.sections) {
            if (key.empty()) continue;
            tasks.emplace_back([this, &section] { render_section(section); });
        }
        tasks.emplace_back([this] { render_home(); });
        for (std::size_t t = 0; t < site_.taxonomies.size(); ++t) {
            tasks.emplace_back([this, t] { render_taxonomy(site_.taxonomies[t]); });
            for (std::size_t n = 0; n < site_.taxonomies[t].terms.size(); ++n)
                tasks.emplace_back([this, t, n] { render_term(site_.taxonomies[t], site_.taxonomies[t].terms[n]); });
        }
        tasks.emplace_back([this] { render_not_found(); });
        tasks.emplace_back([this] { write_feeds_and_sitemap(); });
        tasks.emplace_back([this] { write_assets(); });
        tasks.emplace_back([this] { write_table_downloads(); });
        parallel_for(tasks.size(), jobs_, [&](std::size_t n) { guarded("", [&] { tasks[n](); }); });
        parallel_for(site_.copies.size(), jobs_, [&](std::size_t n) {
            const FileCopy& copy = site_.copies[n];
            guarded(copy.source, [&] { output_.copy(site_root_ / copy.source, copy.output); });
        });
        return {html_pages_.load()};
    }

private:
    // Runs `work`, turning an exception into a diagnostic for `file`.
    template <typename Work>
    void guarded(const std::string& file, Work&& work) {
        try {
            work();
        } catch (const TemplateError& error) {
            sink_.error(file, {}, error.what());
        } catch (const FileError& error) {
            sink_.error(file, {}, error.what());
        }
    }

    std::string url(const std::string& path) const { return base_path_ + path; }
    std::string permalink(const std::string& path) const { return absolute_root_ + "/" + path; }

    void write_html(const std::string& path, const std::string& html) {
        output_.write(output_file_for(path), html);
        ++html_pages_;
    }

    // ---- shared data -------------------------------------------------------

    void build_global(const Theme& theme) {
        const SiteConfig& config = site_.config;
        json site = json::object();
        site["title"] = json(config.title);
        site["description"] = json(config.description);
        site["base_url"] = json(config.base_url);
        site["base_path"] = json(base_path_);
        site["language"] = json(config.language);
        site["author"] = json(config.author);
        site["params"] = json(config.params);
        json footer = config.params.value("footer", json::object());
        site["footer"] = json(footer.is_object() ? footer : json::object());
        site["feed_url"] = json(url("atom.xml"));
        site["generator"] = json(std::string("fabu ") + FABU_VERSION);
        global_["site"] = site;

        json strings = json::object();
        for (const std::string& language : {std::string("zh-CN"), config.language}) {
            auto it = theme.i18n.find(language);
            if (it == theme.i18n.end()) continue;
            auto document = parse_structured(it->second.data, DataFormat::yaml, it->second.origin, 1, sink_);
            if (document && document->value.is_object()) strings.update(document->value);
        }
        global_["t"] = json(strings);
        strings_ = std::move(strings);

        helpers_["asset"] = [this](std::string_view name) {
            auto it = assets_.find(std::string(name));
            if (it == assets_.end())
                throw TemplateError("template asks for asset '" + std::string(name) + "', which is not in assets/");
            return it->second.url;
        };
        helpers_["integrity"] = [this](std::string_view name) {
            auto it = assets_.find(std::string(name));
            return it == assets_.end() ? std::string() : it->second.integrity;
        };
    }

    std::string ui(const std::string& key, const std::string& fallback) const {
        auto it = strings_.find(key);
        return it != strings_.end() && it->is_string() ? it->get<std::string>() : fallback;
    }

    json nav_for(const std::string& current_path) const {
        json nav = json::array();
        for (const auto& item : site_.config.menu) {
            std::string target = item.url;
            bool internal = target.starts_with('/') && !target.starts_with("//");
            if (internal) target = url(target.substr(1));
            json entry = json::object();
            entry["title"] = json(item.title);
            entry["url"] = json(target);
            std::string here = url(current_path);
            bool current = internal && (target == here || (target != base_path_ && here.starts_with(target)));
            entry["current"] = json(current);
            nav.push_back(entry);
        }
        return nav;
    }

    void set_nav(json& local, const std::string& current_path) const {
        local["nav"] = nav_for(current_path);
        local["has_nav"] = json(!site_.config.menu.empty());
    }

    static json date_data(const DateTime& date, const SiteConfig& config) {
        json data = json::object();
        data["iso"] = json(format_iso_date(date));
        data["rfc3339"] = json(format_rfc3339(date, config.timezone_offset_minutes));
        data["display"] = json(format_display_date(date, config.language));
        data["year"] = json(std::to_string(date.year));
        return data;
    }

    std::string section_title(const std::string& key) const {
        auto it = site_.sections.find(key);
        if (it != site_.sections.end() && it->second.index_page) return site_.pages[*it->second.index_page].title;
        if (key.empty()) return site_.config.title;
        // A menu entry that points at the section names it best.
        std::string path = "/" + section_path(key);
        for (const auto& item : site_.config.menu)
            if (item.url == path) return item.title;
        return fs::path(key).filename().string();
    }

    std::string section_path(const std::string& key) const {
        auto it = site_.sections.find(key);
        return it == site_.sections.end() ? std::string() : it->second.path;
    }

    json breadcrumbs(const std::string& section_key, bool include_section) const {
        json crumbs = json::array();
        auto add = [&](const std::string& title, const std::string& path) {
            json crumb = json::object();
            crumb["title"] = json(title);
            crumb["url"] = json(url(path));
            crumbs.push_back(crumb);
        };
        add(ui("home", "首页"), "");
        std::string prefix;
        auto parts = section_key.empty() ? std::vector<std::string>{} : split(section_key, '/');
        for (std::size_t i = 0; i < parts.size(); ++i) {
            prefix += (prefix.empty() ? "" : "/") + parts[i];
            if (i + 1 == parts.size() && !include_section) break;
            if (site_.sections.count(prefix)) add(section_title(prefix), section_path(prefix));
        }
        return crumbs;
    }

    json term_links(const Page& page, const std::string& taxonomy) const {
        json links = json::array();
        auto it = page.terms.find(taxonomy);
        if (it == page.terms.end()) return links;
        for (const auto& name : it->second) {
            json link = json::object();
            link["name"] = json(name);
            link["url"] = json(url(term_path(taxonomy, name)));
            links.push_back(link);
        }
        return links;
    }

    std::string term_path(const std::string& taxonomy, const std::string& name) const {
        for (const auto& tax : site_.taxonomies)
            if (tax.name == taxonomy)
                for (const auto& term : tax.terms)
                    if (term.name == name) return taxonomy + "/" + term.slug + "/";
        return taxonomy + "/";
    }

    json page_data(std::size_t index, const std::string& content_html, const RenderedMarkdown* markdown) {
        const Page& page = site_.pages[index];
        const RenderedPage& rendered = rendered_[index];
        json data = json::object();
        data["title"] = json(page.title);
        data["url"] = json(url(page.path));
        data["permalink"] = json(permalink(page.path));
        data["kind"] = (json(page.kind == PageKind::page      ? "page"
                             : page.kind == PageKind::section ? "section"
                                                              : "home"));
        data["is_page"] = json(page.kind == PageKind::page);
        data["section"] = json(page.section);
        data["source"] = json(page.source);
        data["has_date"] = json(page.date.has_value());
        if (page.date) data["date"] = date_data(*page.date, site_.config);
        if (page.lastmod) data["lastmod"] = date_data(*page.lastmod, site_.config);
        data["content"] = json(content_html);
        data["summary"] = json(rendered.summary);
        data["word_count"] = json(std::to_string(rendered.word_count));
        data["reading_minutes"] = (json(
            std::to_string(std::max<std::size_t>(1, (rendered.word_count + words_per_minute - 1) / words_per_minute))));
        json toc = json::array();
        if (markdown) {
            for (const auto& heading : markdown->headings) {
                if (heading.level < 2 || heading.level > 3) continue;
                json entry = json::object();
                entry["level"] = json(std::to_string(heading.level));
                entry["id"] = json(heading.id);
                entry["text"] = json(heading.text);
                entry["nested"] = json(heading.level == 3);
                toc.push_back(entry);
            }
        }
        data["has_toc"] = json(toc.size() >= 3);
        data["toc"] = toc;
        json terms = json::object();
        for (const auto& taxonomy : site_.config.taxonomies) terms[taxonomy] = term_links(page, taxonomy);
        data["terms"] = terms;
        data["tags"] = term_links(page, "tags");
        data["has_tags"] = json(page.terms.count("tags") > 0);
        data["params"] = page.params;
        add_campaign_context(index, data);
        data["breadcrumbs"] = breadcrumbs(page.section, page.kind == PageKind::page);
        data["has_breadcrumbs"] = json(page.kind != PageKind::home);
        data["is_home"] = json(page.kind == PageKind::home);
        return data;
    }

    // ---- Markdown ----------------------------------------------------------

    RenderedMarkdown markdown_for(const Page& page) {
        MarkdownOptions options{site_.config.unsafe_html, site_.config.hard_breaks, site_.config.smart_punctuation};
        fs::path directory = fs::path(page.source).parent_path();
        UrlResolver resolver = [&](std::string_view target, UrlKind) -> std::optional<std::string> {
            if (target.empty() || target.starts_with('#') || target.starts_with("//") ||
                target.find(':') < target.find('/'))
                return std::nullopt;
            if (target.starts_with('/')) {
                if (base_path_ == "/") return std::nullopt;
                return base_path_ + std::string(target.substr(1));
            }
            std::string_view path = target.substr(0, target.find_first_of("?#"));
            std::string_view rest = target.substr(path.size());
            if (!(path.ends_with(".md") || path.ends_with(".markdown"))) return std::nullopt;
            std::string source = (directory / std::string(path)).lexically_normal().generic_string();
            auto it = page_by_source_.find(source);
            if (it == page_by_source_.end()) {
                sink_.warning(page.source, {page.body_line, 1},
                              "link to '" + std::string(target) + "', which is not a page of this site");
                return std::nullopt;
            }
            return url(site_.pages[it->second].path) + std::string(rest);
        };
        return render_markdown(page.body, options, resolver);
    }

    void summarise(std::size_t index, const RenderedMarkdown& markdown) {
        const Page& page = site_.pages[index];
        RenderedPage& rendered = rendered_[index];
        rendered.word_count = count_words(markdown.plain_text);
        if (!page.summary.empty()) {
            rendered.summary = page.summary;
        } else if (auto prefix = summary_divider_prefix(page.body)) {
            MarkdownOptions options{false, false, false};
            rendered.summary = std::string(trim(render_markdown(*prefix, options).plain_text));
        } else {
            rendered.summary = truncate_chars(trim(markdown.plain_text), summary_length);
        }
    }

    // ---- pages -------------------------------------------------------------

    std::string choose_template(const Page& page, const std::string& fallback) {
        if (!page.layout.empty()) {
            if (templates_.has(page.layout)) return page.layout;
            sink_.warning(page.source, {}, "layout '" + page.layout + "' has no template; using '" + fallback + "'");
        }
        if (!page.type.empty() && templates_.has(page.type)) return page.type;
        return fallback;
    }

    std::string render_with_base(const std::string& name, json& local) {
        std::string main = templates_.render(name, {&global_, &local}, helpers_);
        if (!templates_.has("base")) return main;
        local["main"] = json(std::move(main));
        return templates_.render("base", {&global_, &local}, helpers_);
    }

    void render_regular_page(std::size_t index) {
        const Page& page = site_.pages[index];
        guarded(page.source, [&] {
            RenderedMarkdown markdown = markdown_for(page);
            summarise(index, markdown);
            json local = json::object();
            json data = page_data(index, markdown.html, &markdown);
            auto neighbours = neighbours_.find(index);
            if (neighbours != neighbours_.end()) {
                for (auto [key, other] :
                     {std::pair{"prev", neighbours->second.first}, {"next", neighbours->second.second}}) {
                    if (!other) continue;
                    json link = json::object();
                    link["title"] = json(site_.pages[*other].title);
                    link["url"] = json(url(site_.pages[*other].path));
                    data[key] = link;
                    data["has_neighbours"] = json(true);
                }
            }
            local["page"] = data;
            set_nav(local, page.path);
            write_html(page.path, render_with_base(choose_template(page, "page"), local));
            if (in_feed_[index]) rendered_[index].html = std::move(markdown.html);
        });
    }

    json list_item(std::size_t index) const {
        const Page& page = site_.pages[index];
        json item = json::object();
        item["title"] = json(page.title);
        item["url"] = json(url(page.path));
        item["summary"] = json(rendered_[index].summary);
        item["has_date"] = json(page.date.has_value());
        if (page.date) item["date"] = date_data(*page.date, site_.config);
        item["tags"] = term_links(page, "tags");
        item["params"] = json(page.params);
        return item;
    }

    // Renders `items` as pages of page_size at `path`, `path`page/2/, …
    void paginate(const std::string& path, const std::vector<std::size_t>& items,
                  const std::function<std::string(json& local)>& render_one) {
        std::size_t size = static_cast<std::size_t>(site_.config.page_size);
        std::size_t total = std::max<std::size_t>(1, (items.size() + size - 1) / size);
        auto page_path = [&](std::size_t number) {
            return number == 1 ? path : path + "page/" + std::to_string(number) + "/";
        };
        for (std::size_t number = 1; number <= total; ++number) {
            json list = json::array();
            for (std::size_t i = (number - 1) * size; i < std::min(items.size(), number * size); ++i)
                list.push_back(list_items_.at(items[i]));
            json pagination = json::object();
            pagination["current"] = json(std::to_string(number));
            pagination["total"] = json(std::to_string(total));
            pagination["has_pages"] = json(total > 1);
            pagination["has_prev"] = json(number > 1);
            pagination["has_next"] = json(number < total);
            if (number > 1) pagination["prev_url"] = json(url(page_path(number - 1)));
            if (number < total) pagination["next_url"] = json(url(page_path(number + 1)));
            // First, last and two either side of the current page, with gaps
            // between: a list of every page would grow with the square of a
            // section's size.
            json numbers = json::array();
            std::size_t shown = 0;
            for (std::size_t n = 1; n <= total; ++n) {
                bool near = n + 2 >= number && n <= number + 2;
                if (n != 1 && n != total && !near) continue;
                json entry = json::object();
                if (shown != 0 && n != shown + 1) entry["gap_before"] = json(true);
                entry["number"] = json(std::to_string(n));
                entry["url"] = json(url(page_path(n)));
                entry["current"] = json(n == number);
                numbers.push_back(entry);
                shown = n;
            }
            pagination["pages"] = numbers;
            json local = json::object();
            local["pages"] = list;
            local["has_pages"] = json(!items.empty());
            local["pagination"] = pagination;
            set_nav(local, path);
            write_html(page_path(number), render_one(local));
        }
    }

    json section_page_data(const std::string& key, const Section& section) {
        if (section.index_page) {
            std::size_t index = *section.index_page;
            RenderedMarkdown markdown = markdown_for(site_.pages[index]);
            summarise(index, markdown);
            return page_data(index, markdown.html, &markdown);
        }
        json data = json::object();
        data["title"] = json(section_title(key));
        data["url"] = json(url(section_path(key)));
        data["permalink"] = json(permalink(section_path(key)));
        data["kind"] = json(key.empty() ? "home" : "section");
        data["content"] = json("");
        data["breadcrumbs"] = breadcrumbs(key, false);
        data["has_breadcrumbs"] = json(!key.empty());
        data["is_home"] = json(key.empty());
        return data;
    }

    json subsection_list(const Section& section) const {
        json list = json::array();
        for (const auto& child : section.subsections) {
            json entry = json::object();
            entry["title"] = json(section_title(child));
            entry["url"] = json(url(section_path(child)));
            entry["count"] = json(std::to_string(site_.sections.at(child).pages.size()));
            if (auto index = site_.sections.at(child).index_page) {
                entry["summary"] = json(site_.pages[*index].summary);
                entry["params"] = json(site_.pages[*index].params);
            }
            list.push_back(entry);
        }
        return list;
    }

    void render_section(const Section& section) {
        std::string source = section.index_page ? site_.pages[*section.index_page].source : "content/" + section.key;
        guarded(source, [&] {
            json data = section_page_data(section.key, section);
            json subsections = subsection_list(section);
            bool has_subsections = !section.subsections.empty();
            std::string name =
                section.index_page ? choose_template(site_.pages[*section.index_page], "section") : "section";
            paginate(section_path(section.key), ordered_sections_.at(section.key), [&](json& local) {
                local["page"] = data;
                local["subsections"] = subsections;
                local["has_subsections"] = json(has_subsections);
                local["feed_url"] = json(url(section_path(section.key) + "atom.xml"));
                return render_with_base(name, local);
            });
        });
    }

    void render_home() {
        const Section& root = site_.sections.at("");
        std::string source = root.index_page ? site_.pages[*root.index_page].source : "content";
        guarded(source, [&] {
            json local = json::object();
            json data = section_page_data("", root);
            data["is_home"] = json(true);
            local["page"] = data;
            json recent = json::array();
            std::size_t limit = static_cast<std::size_t>(site_.config.page_size);
            for (std::size_t i = 0; i < std::min(limit, by_date_.size()); ++i)
                recent.push_back(list_items_.at(by_date_[i]));
            local["pages"] = recent;
            local["has_pages"] = json(!by_date_.empty());
            local["subsections"] = subsection_list(root);
            local["has_subsections"] = json(!root.subsections.empty());
            set_nav(local, "");
            write_html("", render_with_base(templates_.has("home") ? "home" : "section", local));
        });
    }

    std::string taxonomy_title(const std::string& name) const { return ui("taxonomy_" + name, name); }

    void render_taxonomy(const Taxonomy& taxonomy) {
        json local = json::object();
        json page = json::object();
        page["title"] = json(taxonomy_title(taxonomy.name));
        page["url"] = json(url(taxonomy.name + "/"));
        page["permalink"] = json(permalink(taxonomy.name + "/"));
        page["kind"] = json("taxonomy");
        page["breadcrumbs"] = breadcrumbs("", false);
        page["has_breadcrumbs"] = json(true);
        local["page"] = page;
        json terms = json::array();
        for (const auto& term : taxonomy.terms) {
            json entry = json::object();
            entry["name"] = json(term.name);
            entry["url"] = json(url(taxonomy.name + "/" + term.slug + "/"));
            entry["count"] = json(std::to_string(term.pages.size()));
            terms.push_back(entry);
        }
        local["terms"] = terms;
        local["has_terms"] = json(!taxonomy.terms.empty());
        set_nav(local, taxonomy.name + "/");
        write_html(taxonomy.name + "/", render_with_base("taxonomy", local));
    }

    void render_term(const Taxonomy& taxonomy, const Term& term) {
        std::vector<std::size_t> items = term.pages;
        std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) { return newer(a, b); });
        std::string path = taxonomy.name + "/" + term.slug + "/";
        json page = json::object();
        page["title"] = json(term.name);
        page["url"] = json(url(path));
        page["permalink"] = json(permalink(path));
        page["kind"] = json("term");
        json crumbs = breadcrumbs("", false);
        json crumb = json::object();
        crumb["title"] = json(taxonomy_title(taxonomy.name));
        crumb["url"] = json(url(taxonomy.name + "/"));
        crumbs.push_back(crumb);
        page["breadcrumbs"] = crumbs;
        page["has_breadcrumbs"] = json(true);
        json info = json::object();
        info["name"] = json(term.name);
        info["taxonomy"] = json(taxonomy_title(taxonomy.name));
        info["count"] = json(std::to_string(term.pages.size()));
        paginate(path, items, [&](json& local) {
            local["page"] = page;
            local["term"] = info;
            return render_with_base("term", local);
        });
    }

    void render_not_found() {
        json local = json::object();
        json page = json::object();
        page["title"] = json(ui("not_found_title", "页面不存在"));
        page["url"] = json(url("404.html"));
        page["kind"] = json("404");
        local["page"] = page;
        set_nav(local, "404.html");
        output_.write("404.html", render_with_base("404", local));
        ++html_pages_;
    }

    // ---- ordering, feeds, sitemap ------------------------------------------

    // Newest first; undated pages after dated ones; then by title and source.
    bool newer(std::size_t a, std::size_t b) const {
        const Page& x = site_.pages[a];
        const Page& y = site_.pages[b];
        int offset = site_.config.timezone_offset_minutes;
        if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
        if (x.date && y.date) {
            auto tx = to_unix_seconds(*x.date, offset), ty = to_unix_seconds(*y.date, offset);
            if (tx != ty) return tx > ty;
        }
        if (x.title != y.title) return x.title < y.title;
        return x.source < y.source;
    }

    // Weighted pages first (lighter first), then newest first, as in Hugo.
    bool list_order(std::size_t a, std::size_t b) const {
        int wa = site_.pages[a].weight, wb = site_.pages[b].weight;
        if ((wa != 0) != (wb != 0)) return wa != 0;
        if (wa != wb) return wa < wb;
        return newer(a, b);
    }

    void order_pages() {
        for (const auto& [key, section] : site_.sections) {
            std::vector<std::size_t> items = section.pages;
            std::stable_sort(items.begin(), items.end(),
                             [&](std::size_t a, std::size_t b) { return list_order(a, b); });
            for (std::size_t i = 0; i < items.size(); ++i) {
                std::optional<std::size_t> prev, next;
                if (i > 0) prev = items[i - 1];
                if (i + 1 < items.size()) next = items[i + 1];
                neighbours_[items[i]] = {prev, next};
            }
            ordered_sections_[key] = std::move(items);
        }
        for (std::size_t i = 0; i < site_.pages.size(); ++i)
            if (site_.pages[i].kind == PageKind::page) by_date_.push_back(i);
        std::stable_sort(by_date_.begin(), by_date_.end(), [&](std::size_t a, std::size_t b) { return newer(a, b); });
    }

    std::vector<std::size_t> newest_in(const std::string& key) const {
        std::vector<std::size_t> items;
        for (std::size_t i : by_date_) {
            const std::string& section = site_.pages[i].section;
            if (key.empty() || section == key || section.starts_with(key + "/")) items.push_back(i);
            if (items.size() == feed_size) break;
        }
        return items;
    }

    void mark_feed_pages() {
        in_feed_.assign(site_.pages.size(), false);
        for (std::size_t i : newest_in("")) in_feed_[i] = true;
        for (const auto& [key, section] : site_.sections)
            for (std::size_t i : newest_in(key)) in_feed_[i] = true;
    }

    void write_feed(const std::string& key) {
        FeedInfo info;
        std::string list_path = section_path(key);
        info.title = key.empty() ? site_.config.title : section_title(key) + " - " + site_.config.title;
        info.self_url = permalink(list_path + "atom.xml");
        info.site_url = permalink(list_path);
        info.language = site_.config.language;
        info.author = site_.config.author;
        info.timezone_offset_minutes = site_.config.timezone_offset_minutes;
        std::vector<FeedEntry> entries;
        for (std::size_t i : newest_in(key)) {
            const Page& page = site_.pages[i];
            FeedEntry entry{
                page.title, permalink(page.path), rendered_[i].summary, rendered_[i].html, page.date, page.lastmod, {}};
            if (auto tags = page.terms.find("tags"); tags != page.terms.end()) entry.categories = tags->second;
            entries.push_back(std::move(entry));
        }
        output_.write(list_path + "atom.xml", render_atom(info, entries));
    }

    void write_feeds_and_sitemap() {
        for (const auto& [key, section] : site_.sections) write_feed(key);
        std::vector<SitemapEntry> entries;
        entries.push_back({permalink(""), by_date_.empty() ? std::nullopt : site_.pages[by_date_.front()].date});
        for (const auto& page : site_.pages) {
            if (page.kind == PageKind::home) continue;
            entries.push_back({permalink(page.path), page.lastmod ? page.lastmod : page.date});
        }
        for (const auto& [key, section] : site_.sections)
            if (!key.empty() && !section.index_page) entries.push_back({permalink(section_path(key)), std::nullopt});
        for (const auto& taxonomy : site_.taxonomies) {
            entries.push_back({permalink(taxonomy.name + "/"), std::nullopt});
            for (const auto& term : taxonomy.terms)
                entries.push_back({permalink(taxonomy.name + "/" + term.slug + "/"), std::nullopt});
        }
        std::sort(entries.begin(), entries.end(),
                  [](const SitemapEntry& a, const SitemapEntry& b) { return a.permalink < b.permalink; });
        output_.write("sitemap.xml", render_sitemap(entries, site_.config.timezone_offset_minutes));
        output_.write("robots.txt", render_robots(permalink("sitemap.xml")));
    }

    void add_campaign_context(std::size_t index, json& data) const {
        const Page& page = site_.pages[index];
        UrlFor url_for = [this](const std::string& path) { return url(path); };
        if (json notice = notice_context(site_, campaign_, index, url_for); !notice.is_null()) {
            data["notice"] = std::move(notice);
            data["is_notice"] = true;
        }
        if (page.params.contains("stages")) {
            data["stages"] = stages_context(page.params["stages"], site_.config.language);
            data["has_stages"] = !data["stages"].empty();
        }
        if (page.params.contains("targets")) {
            data["targets"] = targets_context(page.params["targets"], site_.config.language);
            data["has_targets"] = !data["targets"].empty();
        }
        if (page.params.contains("period")) {
            json period = stages_context(json::array({page.params["period"]}), site_.config.language);
            if (!period.empty()) data["period"] = period[0]["range"];
        }
    }

    // Every table attached to a notice, also as JSON beside its CSV.
    void write_table_downloads() {
        for (const auto& notice : campaign_.notices)
            for (const auto& attachment : notice.attachments)
                if (attachment.table && !attachment.data_output.empty())
                    output_.write(fs::path(attachment.data_output).replace_extension(".json").generic_string(),
                                  table_download(attachment).dump(2) + "\n");
    }

    void write_assets() {
        for (const auto& [name, asset] : assets_) output_.write(asset.output_path, *asset.data);
    }

    const Site& site_;
    const Campaign& campaign_;
    const TemplateSet& templates_;
    const fs::path& site_root_;
    OutputTree& output_;
    unsigned jobs_;
    DiagnosticSink& sink_;
    std::string base_path_;
    std::string absolute_root_;
    std::map<std::string, FingerprintedAsset> assets_;
    json global_ = json::object();
    TemplateHelpers helpers_;
    json strings_;
    std::vector<RenderedPage> rendered_;
    std::vector<bool> in_feed_;
    std::unordered_map<std::string, std::size_t> page_by_source_;
    std::unordered_map<std::size_t, json> list_items_;
    std::map<std::string, std::vector<std::size_t>> ordered_sections_;
    std::unordered_map<std::size_t, std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> neighbours_;
    std::vector<std::size_t> by_date_;
    std::atomic<std::size_t> html_pages_{0};
};

}  // namespace

RenderSummary render_site(const Site& site, const Campaign& campaign, const Theme& theme, const TemplateSet& templates,
                          const fs::path& site_root, OutputTree& output, unsigned jobs, DiagnosticSink& sink) {
    Renderer renderer(site, campaign, theme, templates, site_root, output, jobs, sink);
    return renderer.run();
}

}  // namespace fabu
