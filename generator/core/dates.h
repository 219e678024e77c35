#pragma once
// Calendar dates as front matter writes them (Hugo, Hexo and Jekyll forms).
#include <optional>
#include <string>
#include <string_view>

namespace fabu {

struct DateTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    bool has_time = false;
    std::optional<int> utc_offset_minutes;  // absent: the site's time zone applies

    auto operator<=>(const DateTime&) const = default;
};

// Accepts 2023-03-26, 2023-3-26, 2023/03/26, an optional time after a space or
// "T" (10:00, 10:00:00, fractions ignored) and an optional zone (Z, +08:00,
// +0800). Returns nullopt for text that is not a real calendar date.
std::optional<DateTime> parse_date(std::string_view text);
bool is_real_date(int year, int month, int day);

// RFC 3339, with the site offset where the date has none: for Atom and sitemaps.
std::string format_rfc3339(const DateTime& date, int default_offset_minutes);
// "2023-03-26": for <time datetime> and sorting keys.
std::string format_iso_date(const DateTime& date);
// Display form in a language: "2023年3月26日" (zh) or "26 March 2023" (en).
std::string format_display_date(const DateTime& date, std::string_view language);
// Seconds since the epoch in UTC, for ordering dates from different zones.
long long to_unix_seconds(const DateTime& date, int default_offset_minutes);

}  // namespace fabu
