#include "check/campaign_checks.h"

#include <functional>

#include "check/formats.h"
#include "core/text.h"

namespace fabu {

using nlohmann::json;

namespace {

SourcePosition position_of(const Page& page, const std::string& pointer) {
    auto it = page.positions.find(pointer);
    return it == page.positions.end() ? SourcePosition{} : it->second;
}

std::string text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    return {};
}

// "广东省" and "广东" name the same unit in an allocation table.
std::string unit_key(std::string_view unit) {
    std::string key = normalise_unit(unit);
    for (std::string_view suffix : {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"}) {
        if (key.size() > suffix.size() + 3 && key.ends_with(suffix)) {
            key.erase(key.size() - suffix.size());
            break;
        }
    }
    return key;
}

void check_notice_fields(const Page& page, DiagnosticSink& sink) {
    const json& params = page.params;
    if (params.contains("doc_number")) {
        std::string text = text_of(params["doc_number"]);
        auto result = check_document_number(text);
        SourcePosition where = position_of(page, "/doc_number");
        if (!result.problem.empty()) {
            std::string message = "发文字号 '" + text + "': " + result.problem;
            if (!result.corrected.empty()) message += "; write " + result.corrected;
            sink.error(page.source, where, message);
        }
        if (result.number && page.date && result.number->year != page.date->year)
            sink.error(page.source, where,
                       "发文字号 " + text + " names the year " + std::to_string(result.number->year) +
                           ", but the notice is dated " + format_iso_date(*page.date) + " (date)");
    }
    if (params.contains("printed_date")) {
        std::string text = text_of(params["printed_date"]);
        auto printed = parse_date(text);
        if (!printed)
            sink.error(page.source, position_of(page, "/printed_date"),
                       "'printed_date' is not a real date: '" + text + "'");
        else if (page.date && to_unix_seconds(*printed, 0) < to_unix_seconds(*page.date, 0))
            sink.error(page.source, position_of(page, "/printed_date"),
                       "印发日期 " + text + " is before the notice's date " + format_iso_date(*page.date));
    }
    const json issuers = params.value("issuers", json::array());
    if (!issuers.is_array() || issuers.empty())
        sink.error(page.source, position_of(page, issuers.is_array() ? "" : "/issuers"),
                   "a notice needs 'issuers': the issuing organs, lead organ first");
    else
        for (std::size_t i = 0; i < issuers.size(); ++i)
            if (!(issuers[i].is_string() || (issuers[i].is_object() && issuers[i].value("name", json()).is_string())))
                sink.error(page.source, position_of(page, "/issuers/" + std::to_string(i)),
                           "each issuer is a name, or {name, mark}");
    const json contacts = params.value("contacts", json::array());
    if (contacts.is_array()) {
        for (std::size_t i = 0; i < contacts.size(); ++i) {
            if (!contacts[i].is_object() || !contacts[i].contains("phone")) continue;
            std::string phone = text_of(contacts[i]["phone"]);
            if (!is_valid_phone(phone))
                sink.error(page.source, position_of(page, "/contacts/" + std::to_string(i) + "/phone"),
                           "phone number '" + phone +
                               "' is malformed: a mobile has 11 digits starting 13–19, a landline is 0, area code, "
                               "number (010-68590000)");
        }
    }
}

void check_cycles(const Site& site, const Campaign& campaign, DiagnosticSink& sink) {
    enum class Mark { none, visiting, done };
    std::vector<Mark> marks(campaign.notices.size(), Mark::none);
    std::vector<std::size_t> path;
    std::function<void(std::size_t)> visit = [&](std::size_t n) {
        marks[n] = Mark::visiting;
        path.push_back(n);
        for (std::size_t parent_page : campaign.notices[n].parents) {
            std::size_t parent = campaign.notice_of_page.at(parent_page);
            if (marks[parent] == Mark::visiting) {
                std::string chain;
                auto start = std::find(path.begin(), path.end(), parent);
                for (auto it = start; it != path.end(); ++it)
                    chain += site.pages[campaign.notices[*it].page].source + " → ";
                chain += site.pages[campaign.notices[parent].page].source;
                const Page& page = site.pages[campaign.notices[n].page];
                sink.error(page.source, position_of(page, "/parents"), "circular parent notices: " + chain);
            } else if (marks[parent] == Mark::none) {
                visit(parent);
            }
        }
        path.pop_back();
        marks[n] = Mark::done;
    };
    for (std::size_t n = 0; n < campaign.notices.size(); ++n)
        if (marks[n] == Mark::none) visit(n);
}

// A child notice's allocation total must equal the row its parent allotted to
// the child's unit (a province's 100 = the national row for that province).
void check_cascade(const Site& site, const Campaign& campaign, DiagnosticSink& sink) {
    for (const auto& notice : campaign.notices) {
        const Page& page = site.pages[notice.page];
        std::string unit = unit_key(text_of(page.params.value("issued_for", json())));
        if (unit.empty()) continue;
        for (const auto& attachment : notice.attachments) {
            if (!attachment.allocation || !attachment.allocation->total) continue;
            const AllocationTable& child = *attachment.allocation;
            for (std::size_t parent_page : notice.parents) {
                const Notice* parent = campaign.notice_for(parent_page);
                for (const auto& parent_attachment : parent->attachments) {
                    if (!parent_attachment.allocation) continue;
                    const AllocationTable& table = *parent_attachment.allocation;
                    for (const auto& row : table.rows) {
                        if (unit_key(row.unit) != unit) continue;
                        for (std::size_t q = 0; q < table.quantity_columns.size(); ++q) {
                            const std::string& column =
                                table.columns[static_cast<std::size_t>(table.quantity_columns[q])];
                            // The same column in the child's table, by name.
                            for (std::size_t c = 0; c < child.quantity_columns.size(); ++c) {
                                if (normalise_unit(
                                        child.columns[static_cast<std::size_t>(child.quantity_columns[c])]) !=
                                    normalise_unit(column))
                                    continue;
                                auto allotted = row.quantities[q];
                                auto total = child.total->quantities[c];
                                if (allotted && total && *allotted != *total)
                                    sink.error(child.source, {child.total->line, child.quantity_columns[c] + 1},
                                               column + " totals " + std::to_string(*total) + ", but " + table.source +
                                                   ":" + std::to_string(row.line) + " allots " +
                                                   std::to_string(*allotted) + " to " + row.unit);
                            }
                        }
                    }
                }
            }
        }
    }
}

void check_stages(const Page& page, DiagnosticSink& sink) {
    const json& params = page.params;
    std::optional<DateTime> period_start, period_end;
    auto date_at = [&](const json& object, const char* key, const std::string& pointer) -> std::optional<DateTime> {
        if (!object.is_object() || !object.contains(key)) return std::nullopt;
        std::string text = text_of(object[key]);
        auto date = parse_date(text);
        if (!date)
            sink.error(page.source, position_of(page, pointer + "/" + key),
                       std::string("'") + key + "' is not a real date: '" + text + "'");
        return date;
    };
    if (params.contains("period")) {
        period_start = date_at(params["period"], "start", "/period");
        period_end = date_at(params["period"], "end", "/period");
    }
    const json stages = params.value("stages", json::array());
    if (!stages.is_array()) return;
    std::optional<DateTime> previous_start;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        std::string pointer = "/stages/" + std::to_string(i);
        auto start = date_at(stages[i], "start", pointer);
        auto end = date_at(stages[i], "end", pointer);
        auto seconds = [](const DateTime& d) { return to_unix_seconds(d, 0); };
        if (start && end && seconds(*end) < seconds(*start))
            sink.error(page.source, position_of(page, pointer + "/end"), "the stage ends before it starts");
        if (start && previous_start && seconds(*start) < seconds(*previous_start))
            sink.error(page.source, position_of(page, pointer + "/start"),
                       "stages are out of order: this one starts before the one above");
        if (start && period_start && seconds(*start) < seconds(*period_start))
            sink.error(page.source, position_of(page, pointer + "/start"),
                       "the stage starts before the campaign period (" + format_iso_date(*period_start) + ")");
        if (end && period_end && seconds(*end) > seconds(*period_end))
            sink.error(page.source, position_of(page, pointer + "/end"),
                       "the stage ends after the campaign period (" + format_iso_date(*period_end) + ")");
        if (start) previous_start = start;
    }
}

}  // namespace

void check_campaign(const Site& site, const Campaign& campaign, DiagnosticSink& sink) {
    for (const auto& notice : campaign.notices) check_notice_fields(site.pages[notice.page], sink);
    for (const auto& page : site.pages)
        if (page.params.contains("stages")) check_stages(page, sink);
    check_cycles(site, campaign, sink);
    check_cascade(site, campaign, sink);
}

}  // namespace fabu
