#include "render/site_renderer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "content/markdown.h"
#include "content/structured.h"
#include "core/files.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/feeds.h"

namespace fabu {

namespace {

namespace mustache = kainjow::mustache;
using nlohmann::json;

constexpr std::size_t summary_length = 120;  // characters: about two lines of Chinese
constexpr std::size_t feed_size = 20;
constexpr std::size_t words_per_minute = 300;  // CJK characters or Latin words

std::string output_file_for(const std::string& path) {
    return path + "index.html";
}

MustacheData text(const std::string& value) {
    return mustache_text(value);
}
MustacheData flag(bool value) {
    return MustacheData{value ? MustacheData::type::bool_true : MustacheData::type::bool_false};
}

// What rendering a page's Markdown leaves behind for list pages and feeds.
struct RenderedPage {
    std::string summary;
    std::size_t word_count = 0;
    std::string html;  // kept only for pages that appear in a feed
};

class Renderer {
public:
    Renderer(const Site& site, const Theme& theme, const TemplateSet& templates, const fs::path& site_root,
             OutputTree& output, unsigned jobs, DiagnosticSink& sink)
        : site_(site),
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
        MustacheData site{MustacheData::type::object};
        site.set("title", text(config.title));
        site.set("description", text(config.description));
        site.set("base_url", text(config.base_url));
        site.set("base_path", text(base_path_));
        site.set("language", text(config.language));
        site.set("author", text(config.author));
        site.set("params", to_mustache(config.params));
        json footer = config.params.value("footer", json::object());
        site.set("footer", to_mustache(footer.is_object() ? footer : json::object()));
        site.set("feed_url", text(url("atom.xml")));
        site.set("generator", text(std::string("fabu ") + FABU_VERSION));
        global_.set("site", site);

        json strings = json::object();
        for (const std::string& language : {std::string("zh-CN"), config.language}) {
            auto it = theme.i18n.find(language);
            if (it == theme.i18n.end()) continue;
            auto document = parse_structured(it->second.data, DataFormat::yaml, it->second.origin, 1, sink_);
            if (document && document->value.is_object()) strings.update(document->value);
        }
        global_.set("t", to_mustache(strings));
        strings_ = std::move(strings);

        global_.set("asset", MustacheData{mustache::lambda{[this](const std::string& name) {
                        auto it = assets_.find(std::string(trim(name)));
                        if (it == assets_.end())
                            throw TemplateError("template asks for asset '" + name + "', which is not in assets/");
                        return it->second.url;
                    }}});
        global_.set("integrity", MustacheData{mustache::lambda{[this](const std::string& name) {
                        auto it = assets_.find(std::string(trim(name)));
                        return it == assets_.end() ? std::string() : it->second.integrity;
                    }}});
    }

    std::string ui(const std::string& key, const std::string& fallback) const {
        auto it = strings_.find(key);
        return it != strings_.end() && it->is_string() ? it->get<std::string>() : fallback;
    }

    MustacheData nav_for(const std::string& current_path) const {
        MustacheData nav{MustacheData::type::list};
        for (const auto& item : site_.config.menu) {
            std::string target = item.url;
            bool internal = target.starts_with('/') && !target.starts_with("//");
            if (internal) target = url(target.substr(1));
            MustacheData entry{MustacheData::type::object};
            entry.set("title", text(item.title));
            entry.set("url", text(target));
            std::string here = url(current_path);
            bool current = internal && (target == here || (target != base_path_ && here.starts_with(target)));
            entry.set("current", flag(current));
            nav.push_back(entry);
        }
        return nav;
    }

    void set_nav(MustacheData& local, const std::string& current_path) const {
        local.set("nav", nav_for(current_path));
        local.set("has_nav", flag(!site_.config.menu.empty()));
    }

    static MustacheData date_data(const DateTime& date, const SiteConfig& config) {
        MustacheData data{MustacheData::type::object};
        data.set("iso", text(format_iso_date(date)));
        data.set("rfc3339", text(format_rfc3339(date, config.timezone_offset_minutes)));
        data.set("display", text(format_display_date(date, config.language)));
        data.set("year", text(std::to_string(date.year)));
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

    MustacheData breadcrumbs(const std::string& section_key, bool include_section) const {
        MustacheData crumbs{MustacheData::type::list};
        auto add = [&](const std::string& title, const std::string& path) {
            MustacheData crumb{MustacheData::type::object};
            crumb.set("title", text(title));
            crumb.set("url", text(url(path)));
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

    MustacheData term_links(const Page& page, const std::string& taxonomy) const {
        MustacheData links{MustacheData::type::list};
        auto it = page.terms.find(taxonomy);
        if (it == page.terms.end()) return links;
        for (const auto& name : it->second) {
            MustacheData link{MustacheData::type::object};
            link.set("name", text(name));
            link.set("url", text(url(term_path(taxonomy, name))));
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

    MustacheData page_data(std::size_t index, const std::string& content_html, const RenderedMarkdown* markdown) {
        const Page& page = site_.pages[index];
        const RenderedPage& rendered = rendered_[index];
        MustacheData data{MustacheData::type::object};
        data.set("title", text(page.title));
        data.set("url", text(url(page.path)));
        data.set("permalink", text(permalink(page.path)));
        data.set("kind", text(page.kind == PageKind::page      ? "page"
                              : page.kind == PageKind::section ? "section"
                                                               : "home"));
        data.set("is_page", flag(page.kind == PageKind::page));
        data.set("section", text(page.section));
        data.set("source", text(page.source));
        data.set("has_date", flag(page.date.has_value()));
        if (page.date) data.set("date", date_data(*page.date, site_.config));
        if (page.lastmod) data.set("lastmod", date_data(*page.lastmod, site_.config));
        data.set("content", text(content_html));
        data.set("summary", text(rendered.summary));
        data.set("word_count", text(std::to_string(rendered.word_count)));
        data.set("reading_minutes", text(std::to_string(std::max<std::size_t>(
                                        1, (rendered.word_count + words_per_minute - 1) / words_per_minute))));
        MustacheData toc{MustacheData::type::list};
        if (markdown) {
            for (const auto& heading : markdown->headings) {
                if (heading.level < 2 || heading.level > 3) continue;
                MustacheData entry{MustacheData::type::object};
                entry.set("level", text(std::to_string(heading.level)));
                entry.set("id", text(heading.id));
                entry.set("text", text(heading.text));
                entry.set("nested", flag(heading.level == 3));
                toc.push_back(entry);
            }
        }
        data.set("has_toc", flag(toc.list_value().size() >= 3));
        data.set("toc", toc);
        MustacheData terms{MustacheData::type::object};
        for (const auto& taxonomy : site_.config.taxonomies) terms.set(taxonomy, term_links(page, taxonomy));
        data.set("terms", terms);
        data.set("tags", term_links(page, "tags"));
        data.set("has_tags", flag(page.terms.count("tags") > 0));
        data.set("params", to_mustache(page.params));
        data.set("breadcrumbs", breadcrumbs(page.section, page.kind == PageKind::page));
        data.set("has_breadcrumbs", flag(page.kind != PageKind::home));
        data.set("is_home", flag(page.kind == PageKind::home));
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
        if (!page.type.empty() && page.kind == PageKind::page && templates_.has(page.type)) return page.type;
        return fallback;
    }

    std::string render_with_base(const std::string& name, MustacheData& local) {
        std::string main = templates_.render(name, {&global_, &local});
        if (!templates_.has("base")) return main;
        local.set("main", text(std::move(main)));
        return templates_.render("base", {&global_, &local});
    }

    void render_regular_page(std::size_t index) {
        const Page& page = site_.pages[index];
        guarded(page.source, [&] {
            RenderedMarkdown markdown = markdown_for(page);
            summarise(index, markdown);
            MustacheData local{MustacheData::type::object};
            MustacheData data = page_data(index, markdown.html, &markdown);
            auto neighbours = neighbours_.find(index);
            if (neighbours != neighbours_.end()) {
                for (auto [key, other] :
                     {std::pair{"prev", neighbours->second.first}, {"next", neighbours->second.second}}) {
                    if (!other) continue;
                    MustacheData link{MustacheData::type::object};
                    link.set("title", text(site_.pages[*other].title));
                    link.set("url", text(url(site_.pages[*other].path)));
                    data.set(key, link);
                    data.set("has_neighbours", flag(true));
                }
            }
            local.set("page", data);
            set_nav(local, page.path);
            write_html(page.path, render_with_base(choose_template(page, "page"), local));
            if (in_feed_[index]) rendered_[index].html = std::move(markdown.html);
        });
    }

    MustacheData list_item(std::size_t index) const {
        const Page& page = site_.pages[index];
        MustacheData item{MustacheData::type::object};
        item.set("title", text(page.title));
        item.set("url", text(url(page.path)));
        item.set("summary", text(rendered_[index].summary));
        item.set("has_date", flag(page.date.has_value()));
        if (page.date) item.set("date", date_data(*page.date, site_.config));
        item.set("tags", term_links(page, "tags"));
        item.set("params", to_mustache(page.params));
        return item;
    }

    // Renders `items` as pages of page_size at `path`, `path`page/2/, …
    void paginate(const std::string& path, const std::vector<std::size_t>& items,
                  const std::function<std::string(MustacheData& local)>& render_one) {
        std::size_t size = static_cast<std::size_t>(site_.config.page_size);
        std::size_t total = std::max<std::size_t>(1, (items.size() + size - 1) / size);
        auto page_path = [&](std::size_t number) {
            return number == 1 ? path : path + "page/" + std::to_string(number) + "/";
        };
        for (std::size_t number = 1; number <= total; ++number) {
            MustacheData list{MustacheData::type::list};
            for (std::size_t i = (number - 1) * size; i < std::min(items.size(), number * size); ++i)
                list.push_back(list_items_.at(items[i]));
            MustacheData pagination{MustacheData::type::object};
            pagination.set("current", text(std::to_string(number)));
            pagination.set("total", text(std::to_string(total)));
            pagination.set("has_pages", flag(total > 1));
            pagination.set("has_prev", flag(number > 1));
            pagination.set("has_next", flag(number < total));
            if (number > 1) pagination.set("prev_url", text(url(page_path(number - 1))));
            if (number < total) pagination.set("next_url", text(url(page_path(number + 1))));
            MustacheData numbers{MustacheData::type::list};
            for (std::size_t n = 1; n <= total; ++n) {
                MustacheData entry{MustacheData::type::object};
                entry.set("number", text(std::to_string(n)));
                entry.set("url", text(url(page_path(n))));
                entry.set("current", flag(n == number));
                numbers.push_back(entry);
            }
            pagination.set("pages", numbers);
            MustacheData local{MustacheData::type::object};
            local.set("pages", list);
            local.set("has_pages", flag(!items.empty()));
            local.set("pagination", pagination);
            set_nav(local, path);
            write_html(page_path(number), render_one(local));
        }
    }

    MustacheData section_page_data(const std::string& key, const Section& section) {
        if (section.index_page) {
            std::size_t index = *section.index_page;
            RenderedMarkdown markdown = markdown_for(site_.pages[index]);
            summarise(index, markdown);
            return page_data(index, markdown.html, &markdown);
        }
        MustacheData data{MustacheData::type::object};
        data.set("title", text(section_title(key)));
        data.set("url", text(url(section_path(key))));
        data.set("permalink", text(permalink(section_path(key))));
        data.set("kind", text(key.empty() ? "home" : "section"));
        data.set("content", text(""));
        data.set("breadcrumbs", breadcrumbs(key, false));
        data.set("has_breadcrumbs", flag(!key.empty()));
        data.set("is_home", flag(key.empty()));
        return data;
    }

    MustacheData subsection_list(const Section& section) const {
        MustacheData list{MustacheData::type::list};
        for (const auto& child : section.subsections) {
            MustacheData entry{MustacheData::type::object};
            entry.set("title", text(section_title(child)));
            entry.set("url", text(url(section_path(child))));
            entry.set("count", text(std::to_string(site_.sections.at(child).pages.size())));
            if (auto index = site_.sections.at(child).index_page) {
                entry.set("summary", text(site_.pages[*index].summary));
                entry.set("params", to_mustache(site_.pages[*index].params));
            }
            list.push_back(entry);
        }
        return list;
    }

    void render_section(const Section& section) {
        std::string source = section.index_page ? site_.pages[*section.index_page].source : "content/" + section.key;
        guarded(source, [&] {
            MustacheData data = section_page_data(section.key, section);
            MustacheData subsections = subsection_list(section);
            bool has_subsections = !section.subsections.empty();
            std::string name =
                section.index_page ? choose_template(site_.pages[*section.index_page], "section") : "section";
            paginate(section_path(section.key), ordered_sections_.at(section.key), [&](MustacheData& local) {
                local.set("page", data);
                local.set("subsections", subsections);
                local.set("has_subsections", flag(has_subsections));
                local.set("feed_url", text(url(section_path(section.key) + "atom.xml")));
                return render_with_base(name, local);
            });
        });
    }

    void render_home() {
        const Section& root = site_.sections.at("");
        std::string source = root.index_page ? site_.pages[*root.index_page].source : "content";
        guarded(source, [&] {
            MustacheData local{MustacheData::type::object};
            MustacheData data = section_page_data("", root);
            data.set("is_home", flag(true));
            local.set("page", data);
            MustacheData recent{MustacheData::type::list};
            std::size_t limit = static_cast<std::size_t>(site_.config.page_size);
            for (std::size_t i = 0; i < std::min(limit, by_date_.size()); ++i)
                recent.push_back(list_items_.at(by_date_[i]));
            local.set("pages", recent);
            local.set("has_pages", flag(!by_date_.empty()));
            local.set("subsections", subsection_list(root));
            local.set("has_subsections", flag(!root.subsections.empty()));
            set_nav(local, "");
            write_html("", render_with_base(templates_.has("home") ? "home" : "section", local));
        });
    }

    std::string taxonomy_title(const std::string& name) const { return ui("taxonomy_" + name, name); }

    void render_taxonomy(const Taxonomy& taxonomy) {
        MustacheData local{MustacheData::type::object};
        MustacheData page{MustacheData::type::object};
        page.set("title", text(taxonomy_title(taxonomy.name)));
        page.set("url", text(url(taxonomy.name + "/")));
        page.set("permalink", text(permalink(taxonomy.name + "/")));
        page.set("kind", text("taxonomy"));
        page.set("breadcrumbs", breadcrumbs("", false));
        page.set("has_breadcrumbs", flag(true));
        local.set("page", page);
        MustacheData terms{MustacheData::type::list};
        for (const auto& term : taxonomy.terms) {
            MustacheData entry{MustacheData::type::object};
            entry.set("name", text(term.name));
            entry.set("url", text(url(taxonomy.name + "/" + term.slug + "/")));
            entry.set("count", text(std::to_string(term.pages.size())));
            terms.push_back(entry);
        }
        local.set("terms", terms);
        local.set("has_terms", flag(!taxonomy.terms.empty()));
        set_nav(local, taxonomy.name + "/");
        write_html(taxonomy.name + "/", render_with_base("taxonomy", local));
    }

    void render_term(const Taxonomy& taxonomy, const Term& term) {
        std::vector<std::size_t> items = term.pages;
        std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) { return newer(a, b); });
        std::string path = taxonomy.name + "/" + term.slug + "/";
        MustacheData page{MustacheData::type::object};
        page.set("title", text(term.name));
        page.set("url", text(url(path)));
        page.set("permalink", text(permalink(path)));
        page.set("kind", text("term"));
        MustacheData crumbs = breadcrumbs("", false);
        MustacheData crumb{MustacheData::type::object};
        crumb.set("title", text(taxonomy_title(taxonomy.name)));
        crumb.set("url", text(url(taxonomy.name + "/")));
        crumbs.push_back(crumb);
        page.set("breadcrumbs", crumbs);
        page.set("has_breadcrumbs", flag(true));
        MustacheData info{MustacheData::type::object};
        info.set("name", text(term.name));
        info.set("taxonomy", text(taxonomy_title(taxonomy.name)));
        info.set("count", text(std::to_string(term.pages.size())));
        paginate(path, items, [&](MustacheData& local) {
            local.set("page", page);
            local.set("term", info);
            return render_with_base("term", local);
        });
    }

    void render_not_found() {
        MustacheData local{MustacheData::type::object};
        MustacheData page{MustacheData::type::object};
        page.set("title", text(ui("not_found_title", "页面不存在")));
        page.set("url", text(url("404.html")));
        page.set("kind", text("404"));
        local.set("page", page);
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

    void write_assets() {
        for (const auto& [name, asset] : assets_) output_.write(asset.output_path, *asset.data);
    }

    const Site& site_;
    const TemplateSet& templates_;
    const fs::path& site_root_;
    OutputTree& output_;
    unsigned jobs_;
    DiagnosticSink& sink_;
    std::string base_path_;
    std::string absolute_root_;
    std::map<std::string, FingerprintedAsset> assets_;
    MustacheData global_{MustacheData::type::object};
    json strings_;
    std::vector<RenderedPage> rendered_;
    std::vector<bool> in_feed_;
    std::unordered_map<std::string, std::size_t> page_by_source_;
    std::unordered_map<std::size_t, MustacheData> list_items_;
    std::map<std::string, std::vector<std::size_t>> ordered_sections_;
    std::unordered_map<std::size_t, std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> neighbours_;
    std::vector<std::size_t> by_date_;
    std::atomic<std::size_t> html_pages_{0};
};

}  // namespace

RenderSummary render_site(const Site& site, const Theme& theme, const TemplateSet& templates, const fs::path& site_root,
                          OutputTree& output, unsigned jobs, DiagnosticSink& sink) {
    Renderer renderer(site, theme, templates, site_root, output, jobs, sink);
    return renderer.run();
}

}  // namespace fabu
