#include "content/campaign.h"

#include <unordered_map>

#include "content/allocation.h"
#include "content/structured.h"
#include "core/files.h"
#include "core/text.h"

namespace fabu {

using nlohmann::json;

namespace {

class PageIndex {
public:
    explicit PageIndex(const Site& site) : site_(site) {
        for (std::size_t i = 0; i < site.pages.size(); ++i) {
            by_source_[site.pages[i].source] = i;
            by_path_[site.pages[i].path] = i;
        }
    }

    // A page named the way editors name them: "guangdong-notice" (beside the
    // referring page), "../2022/national-notice.md", "campaigns/2023/x", or
    // its URL "/campaigns/2023/x/".
    std::optional<std::size_t> resolve(const Page& from, std::string name) const {
        name = std::string(trim(name));
        if (name.empty()) return std::nullopt;
        std::string with_md = name.ends_with(".md") ? name : name + ".md";
        fs::path directory = fs::path(from.source).parent_path();
        for (const std::string& candidate : {(directory / with_md).lexically_normal().generic_string(),
                                             (fs::path("content") / with_md).lexically_normal().generic_string()}) {
            if (auto it = by_source_.find(candidate); it != by_source_.end()) return it->second;
        }
        std::string path = name;
        while (path.starts_with('/')) path.erase(path.begin());
        if (!path.empty() && !path.ends_with('/')) path += '/';
        if (auto it = by_path_.find(path); it != by_path_.end()) return it->second;
        return std::nullopt;
    }

private:
    const Site& site_;
    std::unordered_map<std::string, std::size_t> by_source_;
    std::unordered_map<std::string, std::size_t> by_path_;
};

bool has_total_row(const CsvTable& table) {
    for (const auto& row : table.rows)
        for (const auto& cell : row.cells) {
            std::string normal = normalise_unit(cell);
            if (normal == "合计" || normal == "总计") return true;
        }
    return false;
}

std::vector<std::string> reference_list(const json& value) {
    std::vector<std::string> names;
    if (value.is_string()) names.push_back(value.get<std::string>());
    if (value.is_array())
        for (const auto& item : value)
            if (item.is_string()) names.push_back(item.get<std::string>());
    return names;
}

}  // namespace

Campaign load_campaign(const fs::path& root, const Site& site, DiagnosticSink& sink) {
    Campaign campaign;
    PageIndex index(site);
    std::unordered_map<std::string, std::string> published;  // data source → output path
    for (const auto& copy : site.copies) published[copy.source] = copy.output;

    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& page = site.pages[i];
        if (page.type != "notice") continue;
        Notice notice;
        notice.page = i;
        auto at = [&](const std::string& pointer) {
            auto it = page.positions.find(pointer);
            return it == page.positions.end() ? SourcePosition{} : it->second;
        };

        const json& parents = page.params.contains("parents") ? page.params["parents"] : json();
        auto parent_names = reference_list(parents);
        for (std::size_t p = 0; p < parent_names.size(); ++p) {
            auto target = index.resolve(page, parent_names[p]);
            std::string pointer = parents.is_array() ? "/parents/" + std::to_string(p) : "/parents";
            if (!target)
                sink.error(page.source, at(pointer),
                           "parent notice '" + parent_names[p] + "' is not a page of this site");
            else if (site.pages[*target].type != "notice")
                sink.error(page.source, at(pointer),
                           "parent '" + parent_names[p] + "' is " + site.pages[*target].source +
                               ", which is not a notice (type: notice)");
            else if (*target == i)
                sink.error(page.source, at(pointer), "a notice cannot be its own parent");
            else
                notice.parents.push_back(*target);
        }

        const json attachments = page.params.value("attachments", json::array());
        if (!attachments.is_array()) {
            sink.error(page.source, at("/attachments"), "'attachments' must be a list of {title, data | notice}");
        } else {
            for (std::size_t a = 0; a < attachments.size(); ++a) {
                std::string pointer = "/attachments/" + std::to_string(a);
                const json& item = attachments[a];
                NoticeAttachment attachment;
                attachment.position = at(pointer);
                if (!item.is_object() || !item.value("title", json()).is_string()) {
                    sink.error(page.source, attachment.position, "each attachment needs a 'title'");
                    continue;
                }
                attachment.title = item["title"].get<std::string>();
                if (item.contains("notice")) {
                    auto target = index.resolve(page, item.value("notice", ""));
                    if (!target)
                        sink.error(page.source, at(pointer + "/notice"),
                                   "attached notice '" + item.value("notice", "") + "' is not a page of this site");
                    else
                        attachment.notice = target;
                }
                if (item.contains("data")) {
                    std::string data = item.value("data", "");
                    fs::path source = (fs::path(page.source).parent_path() / data).lexically_normal();
                    if (data.empty() || !is_within(root / "content", root / source)) {
                        sink.error(page.source, at(pointer + "/data"),
                                   "attachment data '" + data + "' must be a file inside content/");
                        continue;
                    }
                    attachment.data_source = source.generic_string();
                    if (auto it = published.find(attachment.data_source); it != published.end())
                        attachment.data_output = it->second;
                    std::string bytes;
                    try {
                        bytes = read_file(root / source);
                    } catch (const FileError&) {
                        sink.error(
                            page.source, at(pointer + "/data"),
                            "attachment data '" + data + "' not found (looked for " + attachment.data_source + ")");
                        continue;
                    }
                    std::string extension = to_lower_ascii(source.extension().string());
                    if (extension == ".csv") {
                        std::optional<TextEncoding> declared;
                        if (item.contains("encoding")) declared = parse_encoding_name(item.value("encoding", ""));
                        attachment.table = read_csv(bytes, attachment.data_source, sink, declared);
                        bool allocation =
                            item.value("kind", "") == "allocation" ||
                            (attachment.table && item.value("kind", "") != "table" && has_total_row(*attachment.table));
                        if (attachment.table && allocation) {
                            attachment.allocation =
                                read_allocation_table(*attachment.table, attachment.data_source, sink);
                            if (attachment.allocation) check_allocation_table(*attachment.allocation, sink);
                        }
                    } else if (auto format = data_format_for_extension(extension)) {
                        if (auto document = parse_structured(bytes, *format, attachment.data_source, 1, sink))
                            attachment.data = std::move(document->value);
                    } else {
                        sink.error(page.source, at(pointer + "/data"),
                                   "attachment data must be .csv, .yaml, .yml or .json: " + data);
                    }
                }
                notice.attachments.push_back(std::move(attachment));
            }
        }
        campaign.notice_of_page[i] = campaign.notices.size();
        campaign.notices.push_back(std::move(notice));
    }
    for (auto& notice : campaign.notices)
        for (std::size_t parent : notice.parents)
            if (auto it = campaign.notice_of_page.find(parent); it != campaign.notice_of_page.end())
                campaign.notices[it->second].children.push_back(notice.page);
    return campaign;
}

}  // namespace fabu
