#pragma once
// Atom feeds, the sitemap and robots.txt, written as XML directly: their
// shape is fixed by the standards, not by the theme.
#include <string>
#include <vector>

#include "core/dates.h"

namespace fabu {

struct FeedEntry {
    std::string title;
    std::string permalink;
    std::string summary;
    std::string content_html;
    std::optional<DateTime> published;
    std::optional<DateTime> updated;
    std::vector<std::string> categories;
};

struct FeedInfo {
    std::string title;
    std::string self_url;  // absolute URL of the feed itself
    std::string site_url;  // absolute URL of the page it summarises
    std::string language;
    std::string author;
    int timezone_offset_minutes = 480;
};

std::string render_atom(const FeedInfo& feed, const std::vector<FeedEntry>& entries);

struct SitemapEntry {
    std::string permalink;
    std::optional<DateTime> lastmod;
};
std::string render_sitemap(const std::vector<SitemapEntry>& entries, int timezone_offset_minutes);

std::string render_robots(const std::string& sitemap_url);

}  // namespace fabu
