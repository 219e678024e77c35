#pragma once
// What templates see of campaign content: page.notice for notices,
// page.stages and page.targets wherever front matter has them.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "content/campaign.h"
#include "model/site.h"

namespace fabu {

// Turns a path below the base ("campaigns/2023/x/") into a URL.
using UrlFor = std::function<std::string(const std::string& path)>;

nlohmann::json notice_context(const Site& site, const Campaign& campaign, std::size_t page, const UrlFor& url);

// Stages with display ranges ("2023年3月1日至8月31日"), in the page's language.
nlohmann::json stages_context(const nlohmann::json& stages, const std::string& language);

// Key figures with their Chinese or English display ("2万", "20,000").
nlohmann::json targets_context(const nlohmann::json& targets, const std::string& language);

// 20000 → "2万" (zh) or "20,000" (en); 100000000 → "1亿" or "100 million".
std::string display_number(long long value, const std::string& language);

// A table as data for download: {columns: [...], rows: [{column: value}], total: {...}}.
nlohmann::json table_download(const NoticeAttachment& attachment);

}  // namespace fabu
