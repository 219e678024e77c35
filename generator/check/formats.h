#pragma once
// Checks of single values that people get wrong in official documents.
#include <optional>
#include <string>
#include <string_view>

namespace fabu {

struct DocumentNumber {
    std::string organ;  // 总工字
    int year = 0;       // 2023
    long long serial = 0;
};

struct DocumentNumberCheck {
    std::optional<DocumentNumber> number;  // parsed, even from a slip
    std::string problem;                   // empty when correct
    std::string corrected;                 // the right form, when it can be derived
};

// 发文字号 per GB/T 9704: organ code, the year in hexagonal brackets 〔〕,
// the serial without 第 or leading zeros, then 号: 总工字〔2023〕19号.
DocumentNumberCheck check_document_number(std::string_view text);

// Mobile: 11 digits starting 1[3-9]. Landline: 0, a 2–3 digit area code, a
// 7–8 digit number, optional extension; "-", "—" or a space may separate.
bool is_valid_phone(std::string_view text);

// 138****0000: the middle four digits of a mobile number hidden.
std::string mask_mobile(std::string_view text);

}  // namespace fabu
