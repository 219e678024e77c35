#include "render/feeds.h"

#include "core/text.h"

namespace fabu {

namespace {
// Feeds need an <updated> even for a site whose pages carry no dates.
DateTime fallback_date() {
    DateTime date;
    date.year = 2000;
    date.month = 1;
    date.day = 1;
    return date;
}
}  // namespace

std::string render_atom(const FeedInfo& feed, const std::vector<FeedEntry>& entries) {
    std::optional<DateTime> newest;
    for (const auto& entry : entries) {
        auto when = entry.updated ? entry.updated : entry.published;
        if (when && (!newest || to_unix_seconds(*when, feed.timezone_offset_minutes) >
                                    to_unix_seconds(*newest, feed.timezone_offset_minutes)))
            newest = when;
    }
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + escape_xml(feed.language) + "\">\n";
    xml += "  <title>" + escape_xml(feed.title) + "</title>\n";
    xml += "  <link href=\"" + escape_xml(feed.self_url) + "\" rel=\"self\" type=\"application/atom+xml\"/>\n";
    xml += "  <link href=\"" + escape_xml(feed.site_url) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
    xml += "  <id>" + escape_xml(feed.site_url) + "</id>\n";
    xml +=
        "  <updated>" + format_rfc3339(newest.value_or(fallback_date()), feed.timezone_offset_minutes) + "</updated>\n";
    xml += "  <author><name>" + escape_xml(feed.author.empty() ? feed.title : feed.author) + "</name></author>\n";
    xml += "  <generator uri=\"https://example.org/fabu\">fabu</generator>\n";
    for (const auto& entry : entries) {
        auto updated = entry.updated ? entry.updated : entry.published;
        xml += "  <entry>\n";
        xml += "    <title>" + escape_xml(entry.title) + "</title>\n";
        xml += "    <link href=\"" + escape_xml(entry.permalink) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
        xml += "    <id>" + escape_xml(entry.permalink) + "</id>\n";
        if (entry.published)
            xml +=
                "    <published>" + format_rfc3339(*entry.published, feed.timezone_offset_minutes) + "</published>\n";
        xml += "    <updated>" +
               format_rfc3339(updated.value_or(newest.value_or(fallback_date())), feed.timezone_offset_minutes) +
               "</updated>\n";
        for (const auto& category : entry.categories) xml += "    <category term=\"" + escape_xml(category) + "\"/>\n";
        if (!entry.summary.empty()) xml += "    <summary>" + escape_xml(entry.summary) + "</summary>\n";
        if (!entry.content_html.empty())
            xml += "    <content type=\"html\">" + escape_xml(entry.content_html) + "</content>\n";
        xml += "  </entry>\n";
    }
    xml += "</feed>\n";
    return xml;
}

std::string render_sitemap(const std::vector<SitemapEntry>& entries, int timezone_offset_minutes) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& entry : entries) {
        xml += "  <url><loc>" + escape_xml(entry.permalink) + "</loc>";
        if (entry.lastmod) xml += "<lastmod>" + format_rfc3339(*entry.lastmod, timezone_offset_minutes) + "</lastmod>";
        xml += "</url>\n";
    }
    xml += "</urlset>\n";
    return xml;
}

std::string render_robots(const std::string& sitemap_url) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + sitemap_url + "\n";
}

}  // namespace fabu
