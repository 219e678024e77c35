#include "core/dates.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace fabu {

bool is_real_date(int year, int month, int day) {
    static constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int limit = days_in_month[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

namespace {
// Reads 1..max_digits digits at `pos`.
bool read_number(std::string_view text, std::size_t& pos, std::size_t max_digits, int& value) {
    std::size_t start = pos;
    while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return false;
    std::from_chars(text.data() + start, text.data() + pos, value);
    return true;
}
}  // namespace

std::optional<DateTime> parse_date(std::string_view text) {
    DateTime date;
    std::size_t pos = 0;
    if (!read_number(text, pos, 4, date.year) || pos != 4) return std::nullopt;
    if (pos >= text.size() || (text[pos] != '-' && text[pos] != '/')) return std::nullopt;
    char separator = text[pos++];
    if (!read_number(text, pos, 2, date.month)) return std::nullopt;
    if (pos >= text.size() || text[pos++] != separator) return std::nullopt;
    if (!read_number(text, pos, 2, date.day)) return std::nullopt;
    if (!is_real_date(date.year, date.month, date.day)) return std::nullopt;
    if (pos == text.size()) return date;
    if (text[pos] != 'T' && text[pos] != ' ' && text[pos] != 't') return std::nullopt;
    ++pos;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (!read_number(text, pos, 2, date.hour) || pos >= text.size() || text[pos++] != ':') return std::nullopt;
    if (!read_number(text, pos, 2, date.minute)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        if (!read_number(text, pos, 2, date.second)) return std::nullopt;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        }
    }
    if (date.hour > 23 || date.minute > 59 || date.second > 60) return std::nullopt;
    date.has_time = true;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos == text.size()) return date;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        date.utc_offset_minutes = 0;
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        int sign = text[pos++] == '-' ? -1 : 1;
        int hours = 0, minutes = 0;
        if (!read_number(text, pos, 2, hours)) return std::nullopt;
        if (pos < text.size() && text[pos] == ':') ++pos;
        if (pos < text.size()) read_number(text, pos, 2, minutes);
        if (hours > 14 || minutes > 59) return std::nullopt;
        date.utc_offset_minutes = sign * (hours * 60 + minutes);
    }
    if (pos != text.size()) return std::nullopt;
    return date;
}

std::string format_iso_date(const DateTime& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string format_rfc3339(const DateTime& date, int default_offset_minutes) {
    int offset = date.utc_offset_minutes.value_or(default_offset_minutes);
    char zone[16] = "Z";
    if (offset != 0) {
        int magnitude = offset < 0 ? -offset : offset;
        std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    }
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%s", date.year, date.month, date.day, date.hour,
                  date.minute, date.second, zone);
    return buffer;
}

std::string format_display_date(const DateTime& date, std::string_view language) {
    if (language.starts_with("en")) {
        static constexpr std::array<const char*, 12> months{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
        return std::to_string(date.day) + ' ' + months[static_cast<std::size_t>(date.month - 1)] + ' ' +
               std::to_string(date.year);
    }
    return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
}

long long to_unix_seconds(const DateTime& date, int default_offset_minutes) {
    // Days from civil, after Howard Hinnant's algorithm.
    int y = date.year - (date.month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (date.month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + date.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = static_cast<long long>(era) * 146097 + doe - 719468;
    long long seconds = days * 86400 + date.hour * 3600 + date.minute * 60 + date.second;
    return seconds - static_cast<long long>(date.utc_offset_minutes.value_or(default_offset_minutes)) * 60;
}

}  // namespace fabu
