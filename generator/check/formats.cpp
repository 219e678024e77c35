#include "check/formats.h"

#include <array>
#include <charconv>
#include <utility>

#include "core/text.h"

namespace fabu {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> year_brackets{{
    {"〔", "〕"},
    {"[", "]"},
    {"【", "】"},
    {"(", ")"},
    {"（", "）"},
    {"［", "］"},
}};

std::string digits_only(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

}  // namespace

DocumentNumberCheck check_document_number(std::string_view raw) {
    DocumentNumberCheck result;
    std::string_view text = trim(raw);
    for (const auto& [open, close] : year_brackets) {
        auto open_at = text.find(open);
        if (open_at == std::string_view::npos || open_at == 0) continue;
        auto close_at = text.find(close, open_at + open.size());
        if (close_at == std::string_view::npos) continue;
        std::string_view organ = trim(text.substr(0, open_at));
        std::string_view year_text = trim(text.substr(open_at + open.size(), close_at - open_at - open.size()));
        std::string_view rest = trim(text.substr(close_at + close.size()));
        if (year_text.size() != 4 || digits_only(year_text).size() != 4) continue;
        std::vector<std::string> slips;
        if (open != "〔")
            slips.push_back("the year goes in 〔〕 (U+3014, U+3015), not " + std::string(open) + std::string(close));
        if (rest.starts_with("第")) {
            slips.push_back("no 第 before the serial number");
            rest = trim(rest.substr(3));
        }
        bool has_hao = rest.ends_with("号");
        if (has_hao)
            rest = trim(rest.substr(0, rest.size() - 3));
        else
            slips.push_back("the number ends with 号");
        std::string serial_digits = digits_only(rest);
        if (serial_digits.empty() || serial_digits.size() != rest.size()) continue;
        if (serial_digits.size() > 1 && serial_digits.front() == '0')
            slips.push_back("no leading zeros in the serial number");
        DocumentNumber number;
        number.organ = std::string(organ);
        std::from_chars(year_text.data(), year_text.data() + 4, number.year);
        std::from_chars(serial_digits.data(), serial_digits.data() + serial_digits.size(), number.serial);
        if (number.serial == 0) continue;
        result.number = number;
        result.corrected =
            number.organ + "〔" + std::to_string(number.year) + "〕" + std::to_string(number.serial) + "号";
        for (const auto& slip : slips) result.problem += (result.problem.empty() ? "" : "; ") + slip;
        return result;
    }
    result.problem = "not a document number; write organ code〔year〕serial号, such as 总工字〔2023〕19号";
    return result;
}

bool is_valid_phone(std::string_view raw) {
    std::string_view text = trim(raw);
    std::string digits;
    std::vector<std::size_t> groups;  // digit counts between separators
    std::size_t run = 0;
    std::size_t offset = 0;
    while (offset < text.size()) {
        char32_t cp = next_code_point(text, offset);
        if (cp >= '0' && cp <= '9') {
            digits += static_cast<char>(cp);
            ++run;
        } else if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == ' ' || cp == 0xFF0D) {
            if (run == 0) return false;
            groups.push_back(run);
            run = 0;
        } else {
            return false;
        }
    }
    if (run == 0) return false;
    groups.push_back(run);
    if (digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9')
        return true;  // mobile, however it is grouped
    if (digits[0] != '0') return false;
    // Landline: area code (0 + 2–3 digits), number (7–8), optional extension.
    if (groups.size() == 1) return digits.size() >= 10 && digits.size() <= 12;
    if (groups[0] < 3 || groups[0] > 4) return false;
    if (groups[1] < 7 || groups[1] > 8) return false;
    return groups.size() == 2 || (groups.size() == 3 && groups[2] >= 1 && groups[2] <= 6);
}

std::string mask_mobile(std::string_view raw) {
    std::string digits = digits_only(raw);
    if (digits.size() != 11 || digits[0] != '1') return std::string(raw);
    return digits.substr(0, 3) + "****" + digits.substr(7);
}

}  // namespace fabu
