#pragma once
// `fabu init` and `fabu new`: files a new site or page starts from.
#include <filesystem>
#include <string>

namespace fabu {

std::string new_page_text(const std::string& title, const std::string& date);
std::string new_site_config(const std::string& title);
std::string today_iso();

}  // namespace fabu
