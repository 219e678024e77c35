#include "render/campaign_context.h"

#include <filesystem>

#include "check/formats.h"
#include "core/dates.h"
#include "core/text.h"

namespace fabu {

using nlohmann::json;

namespace {

std::string text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    return {};
}

std::string joined(const json& value, const std::string& separator) {
    if (!value.is_array()) return text_of(value);
    std::string out;
    for (const auto& item : value) {
        std::string text = text_of(item);
        if (text.empty()) continue;
        if (!out.empty()) out += separator;
        out += text;
    }
    return out;
}

std::string date_display(const json& value, const std::string& language) {
    auto date = parse_date(text_of(value));
    return date ? format_display_date(*date, language) : text_of(value);
}

bool is_number_text(const std::string& text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-')) return false;
    return true;
}

json table_context(const CsvTable& table, const std::optional<AllocationTable>& allocation) {
    json columns = json::array();
    std::vector<bool> numeric(table.header.size(), true);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            if (!row.cells[c].empty() && !is_number_text(row.cells[c])) numeric[c] = false;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        columns.push_back({{"name", table.header[c]}, {"numeric", static_cast<bool>(numeric[c])}});
    auto cells_of = [&](const CsvRow& row) {
        json cells = json::array();
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            cells.push_back({{"text", row.cells[c]}, {"numeric", static_cast<bool>(numeric[c])}});
        return cells;
    };
    json rows = json::array();
    json total;
    int total_line = allocation && allocation->total ? allocation->total->line : -1;
    for (const auto& row : table.rows) {
        if (row.line == total_line)
            total = {{"cells", cells_of(row)}};
        else
            rows.push_back({{"cells", cells_of(row)}});
    }
    json context = {{"columns", columns}, {"rows", rows}, {"has_total", !total.is_null()}, {"total", total}};
    // Long tables print as the originals do: two halves side by side.
    if (rows.size() > 16) {
        std::size_t half = (rows.size() + 1) / 2;
        json pairs = json::array();
        for (std::size_t i = 0; i < half; ++i) {
            json right = i + half < rows.size() ? rows[i + half]["cells"] : json::array();
            if (right.empty())
                for (std::size_t c = 0; c < columns.size(); ++c) right.push_back({{"text", ""}, {"numeric", false}});
            pairs.push_back({{"left", rows[i]["cells"]}, {"right", right}});
        }
        context["split"] = {{"pairs", pairs}};
    }
    return context;
}

// Sub-projects and similar lists of records from YAML or JSON.
json items_context(const json& data) {
    json items = json::array();
    if (!data.is_array()) return items;
    for (const auto& record : data) {
        if (!record.is_object()) continue;
        json item = record;
        item["hosts_text"] = joined(record.value("hosts", json()), "、");
        json contacts = json::array();
        for (const auto& contact : record.value("contacts", json::array()))
            if (contact.is_object())
                contacts.push_back({{"name", text_of(contact.value("name", json()))},
                                    {"phone", text_of(contact.value("phone", json()))}});
        item["contact_list"] = contacts;
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace

std::string display_number(long long value, const std::string& language) {
    if (language.starts_with("zh")) {
        if (value >= 100000000 && value % 10000000 == 0) {
            std::string text = std::to_string(value / 100000000);
            if (value % 100000000) text += "." + std::to_string((value % 100000000) / 10000000);
            return text + "亿";
        }
        if (value >= 10000 && value % 1000 == 0) {
            std::string text = std::to_string(value / 10000);
            if (value % 10000) text += "." + std::to_string((value % 10000) / 1000);
            return text + "万";
        }
        return std::to_string(value);
    }
    if (value >= 1000000 && value % 1000000 == 0) {
        long long millions = value / 1000000;
        return std::to_string(millions) + " million";
    }
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (value < 0 ? "-" : "") + out;
}

json stages_context(const json& stages, const std::string& language) {
    json out = json::array();
    if (!stages.is_array()) return out;
    std::size_t number = 0;
    for (const auto& stage : stages) {
        if (!stage.is_object()) continue;
        json item = stage;
        item["number"] = ++number;
        auto start = parse_date(text_of(stage.value("start", json())));
        auto end = parse_date(text_of(stage.value("end", json())));
        std::string range;
        if (start) range = format_display_date(*start, language);
        if (end) {
            bool zh = language.starts_with("zh");
            std::string end_text = format_display_date(*end, language);
            // "2023年3月1日至8月31日": the year is not repeated in Chinese.
            if (zh && start && start->year == end->year)
                end_text = std::to_string(end->month) + "月" + std::to_string(end->day) + "日";
            range += (range.empty() ? "" : (zh ? "至" : " – ")) + end_text;
        }
        item["range"] = range;
        if (start) item["start_iso"] = format_iso_date(*start);
        if (end) item["end_iso"] = format_iso_date(*end);
        out.push_back(std::move(item));
    }
    return out;
}

json targets_context(const json& targets, const std::string& language) {
    json out = json::array();
    if (!targets.is_array()) return out;
    for (const auto& target : targets) {
        if (!target.is_object()) continue;
        json item = target;
        const json& value = target.value("value", json());
        if (!target.contains("display") || !language.starts_with("zh"))
            item["display"] =
                value.is_number_integer() ? display_number(value.get<long long>(), language) : text_of(value);
        out.push_back(std::move(item));
    }
    return out;
}

json table_download(const NoticeAttachment& attachment) {
    json rows = json::array();
    json total;
    const CsvTable& table = *attachment.table;
    int total_line = attachment.allocation && attachment.allocation->total ? attachment.allocation->total->line : -1;
    for (const auto& row : table.rows) {
        json record = json::object();
        for (std::size_t c = 0; c < table.header.size(); ++c) {
            const std::string& cell = row.cells[c];
            bool integer =
                !cell.empty() && cell.find_first_not_of("0123456789") == std::string::npos && cell.size() < 16;
            record[table.header[c]] = integer ? json(std::stoll(cell)) : json(cell);
        }
        if (row.line == total_line)
            total = record;
        else
            rows.push_back(std::move(record));
    }
    json out = {{"title", attachment.title}, {"columns", table.header}, {"rows", rows}};
    if (!total.is_null()) out["total"] = total;
    return out;
}

json notice_context(const Site& site, const Campaign& campaign, std::size_t index, const UrlFor& url) {
    const Notice* notice = campaign.notice_for(index);
    if (!notice) return nullptr;
    const Page& page = site.pages[index];
    const json& p = page.params;
    json n = json::object();

    json issuers = json::array();
    for (const auto& issuer : p.value("issuers", json::array())) {
        if (issuer.is_string())
            issuers.push_back({{"name", issuer}, {"mark", issuer}});
        else if (issuer.is_object())
            issuers.push_back({{"name", text_of(issuer.value("name", json()))},
                               {"mark", text_of(issuer.value("mark", issuer.value("name", json())))}});
    }
    n["issuers"] = issuers;
    n["joint"] = issuers.size() > 1;
    n["mark_suffix"] = text_of(p.value("mark_suffix", json()));
    n["doc_number"] = text_of(p.value("doc_number", json()));
    n["addressees"] = joined(p.value("addressees", json()), "，");
    json signatures = p.value("signatures", json());
    if (!signatures.is_array()) {
        signatures = json::array();
        for (const auto& issuer : issuers) signatures.push_back(issuer["name"]);
    }
    n["signatures"] = signatures;
    n["date"] = page.date ? format_display_date(*page.date, "zh-CN") : "";
    n["note"] = text_of(p.value("note", json()));
    n["cc"] = joined(p.value("cc", json()), "，");
    n["printed_by"] = text_of(p.value("printed_by", json()));
    n["printed_date"] = p.contains("printed_date") ? date_display(p["printed_date"], "zh-CN") : "";
    n["has_imprint"] = !n["cc"].get<std::string>().empty() || !n["printed_by"].get<std::string>().empty();
    n["level"] = text_of(p.value("level", json()));
    n["issued_for"] = text_of(p.value("issued_for", json()));

    bool mask = site.config.params.value("mask_mobile_numbers", false) == true;
    json contacts = json::array();
    for (const auto& contact : p.value("contacts", json::array())) {
        if (!contact.is_object()) continue;
        std::string phone = text_of(contact.value("phone", json()));
        contacts.push_back({{"unit", text_of(contact.value("unit", json()))},
                            {"name", text_of(contact.value("name", json()))},
                            {"phone", mask ? mask_mobile(phone) : phone}});
    }
    n["contacts"] = contacts;
    n["has_contacts"] = !contacts.empty();

    json attachments = json::array();
    std::size_t number = 0;
    for (const auto& attachment : notice->attachments) {
        json a = {{"number", ++number}, {"title", attachment.title}};
        if (attachment.table) {
            a["table"] = table_context(*attachment.table, attachment.allocation);
            a["has_table"] = true;
        }
        if (!attachment.data_output.empty()) {
            a["download_url"] = url(attachment.data_output);
            a["download_name"] = std::filesystem::path(attachment.data_output).filename().string();
            if (attachment.table) {
                std::string json_path =
                    std::filesystem::path(attachment.data_output).replace_extension(".json").generic_string();
                a["json_url"] = url(json_path);
            }
        }
        if (!attachment.data.is_null()) {
            json items = items_context(attachment.data);
            a["items"] = items;
            a["has_items"] = !items.empty();
        }
        if (attachment.notice) {
            const Page& other = site.pages[*attachment.notice];
            a["notice"] = {{"title", other.title}, {"url", url(other.path)}};
        }
        attachments.push_back(std::move(a));
    }
    n["has_attachments"] = !attachments.empty();
    n["single_attachment"] = attachments.size() == 1;
    n["attachments"] = attachments;

    auto links = [&](const std::vector<std::size_t>& pages) {
        json list = json::array();
        for (std::size_t other : pages) {
            const Page& linked = site.pages[other];
            list.push_back({{"title", linked.title},
                            {"url", url(linked.path)},
                            {"doc_number", text_of(linked.params.value("doc_number", json()))}});
        }
        return list;
    };
    n["parents"] = links(notice->parents);
    n["children"] = links(notice->children);
    n["has_relations"] = !notice->parents.empty() || !notice->children.empty();
    return n;
}

}  // namespace fabu
