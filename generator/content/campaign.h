#pragma once
// Reads the campaign layer on top of the pages: notices (type: notice), their
// attachments (CSV tables, YAML/JSON data, other notices) and the links
// between parent and child notices.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "content/csv.h"
#include "core/diagnostics.h"
#include "model/campaign.h"
#include "model/site.h"

namespace fabu {

struct NoticeAttachment {
    std::string title;
    std::string data_source;                    // "content/…/allocation-2023.csv", when it has data
    std::string data_output;                    // where the file is published, relative to the output root
    std::optional<CsvTable> table;              // any CSV
    std::optional<AllocationTable> allocation;  // a CSV that is an allocation table
    nlohmann::json data;                        // YAML or JSON data
    std::optional<std::size_t> notice;          // an attached notice (page index)
    SourcePosition position;                    // of the attachment in front matter
};

struct Notice {
    std::size_t page = 0;
    std::vector<NoticeAttachment> attachments;
    std::vector<std::size_t> parents;   // page indices
    std::vector<std::size_t> children;  // page indices
};

struct Campaign {
    std::vector<Notice> notices;
    std::map<std::size_t, std::size_t> notice_of_page;  // page index → index in notices

    const Notice* notice_for(std::size_t page) const {
        auto it = notice_of_page.find(page);
        return it == notice_of_page.end() ? nullptr : &notices[it->second];
    }
};

// Reads every notice's attachments from disk (they must stay inside
// content/) and resolves references between notices.
Campaign load_campaign(const std::filesystem::path& root, const Site& site, DiagnosticSink& sink);

}  // namespace fabu
