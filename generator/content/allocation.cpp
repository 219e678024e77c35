#include "content/allocation.h"

#include <charconv>
#include <map>

#include "core/text.h"

namespace fabu {

std::string normalise_unit(std::string_view unit) {
    std::string out;
    std::size_t offset = 0;
    while (offset < unit.size()) {
        std::size_t start = offset;
        char32_t cp = next_code_point(unit, offset);
        if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0) continue;
        out.append(unit.substr(start, offset - start));
    }
    return out;
}

namespace {

bool is_total_label(std::string_view text) {
    std::string normal = normalise_unit(text);
    return normal == "合计" || normal == "总计" || normal == "总数";
}

std::optional<long long> parse_quantity(std::string_view text) {
    std::string digits;
    for (char c : trim(text))
        if (c != ',') digits += c;  // "1,000" as Excel formats it
    if (digits.empty()) return std::nullopt;
    long long value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<AllocationTable> read_allocation_table(const CsvTable& csv, const std::string& source,
                                                     DiagnosticSink& sink) {
    AllocationTable table;
    table.source = source;
    table.columns = csv.header;
    table.header_line = csv.header_line;
    for (std::size_t i = 0; i < csv.header.size(); ++i) {
        std::string name = normalise_unit(csv.header[i]);
        int index = static_cast<int>(i);
        if (name == "序号" || name == "编号")
            table.serial_column = index;
        else if (name == "单位" || name == "地区" || name == "单位名称" || name == "地区/单位")
            table.unit_column = index;
        else if (name == "备注" || name == "说明")
            table.note_column = index;
        else
            table.quantity_columns.push_back(index);
    }
    if (table.unit_column < 0) {
        sink.error(source, {csv.header_line, 1}, "an allocation table needs a column named 单位 (unit)");
        return std::nullopt;
    }
    if (table.quantity_columns.empty()) {
        sink.error(source, {csv.header_line, 1}, "an allocation table needs at least one quantity column");
        return std::nullopt;
    }
    for (const auto& csv_row : csv.rows) {
        AllocationRow row;
        row.line = csv_row.line;
        if (table.serial_column >= 0) row.serial = csv_row.cells[static_cast<std::size_t>(table.serial_column)];
        row.unit = csv_row.cells[static_cast<std::size_t>(table.unit_column)];
        if (table.note_column >= 0) row.note = csv_row.cells[static_cast<std::size_t>(table.note_column)];
        for (int column : table.quantity_columns) {
            const std::string& cell = csv_row.cells[static_cast<std::size_t>(column)];
            row.quantity_text.push_back(cell);
            row.quantities.push_back(parse_quantity(cell));
        }
        if (is_total_label(row.unit) || is_total_label(row.serial)) {
            if (table.total) {
                sink.error(source, {row.line, 1},
                           "a second 合计 row; the first is on line " + std::to_string(table.total->line));
                return std::nullopt;
            }
            table.total = std::move(row);
        } else {
            table.rows.push_back(std::move(row));
        }
    }
    return table;
}

void check_allocation_table(const AllocationTable& table, DiagnosticSink& sink) {
    auto column_of = [&](std::size_t q) { return table.quantity_columns[q] + 1; };
    for (const auto& row : table.rows) {
        for (std::size_t q = 0; q < row.quantities.size(); ++q) {
            if (!row.quantities[q] && !trim(row.quantity_text[q]).empty())
                sink.error(table.source, {row.line, column_of(q)},
                           "'" + row.quantity_text[q] + "' in column " +
                               table.columns[static_cast<std::size_t>(table.quantity_columns[q])] +
                               " is not a whole number");
        }
    }
    if (!table.total) {
        sink.error(table.source, {table.header_line, 1},
                   "no 合计 row: add a last row whose unit is 合计 with each column's total");
    } else {
        for (std::size_t q = 0; q < table.quantity_columns.size(); ++q) {
            long long sum = 0;
            for (const auto& row : table.rows) sum += row.quantities[q].value_or(0);
            const auto& declared = table.total->quantities[q];
            const std::string& name = table.columns[static_cast<std::size_t>(table.quantity_columns[q])];
            if (!declared) {
                sink.error(table.source, {table.total->line, column_of(q)},
                           "the 合计 row has no number for " + name + "; the rows add up to " + std::to_string(sum));
            } else if (*declared != sum) {
                sink.error(table.source, {table.total->line, column_of(q)},
                           name + ": the rows add up to " + std::to_string(sum) + ", but 合计 says " +
                               std::to_string(*declared) + " (a difference of " + std::to_string(*declared - sum) +
                               ")");
            }
        }
    }
    if (table.serial_column >= 0) {
        long long expected = 1;
        for (const auto& row : table.rows) {
            long long serial = 0;
            auto text = trim(row.serial);
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), serial);
            if (error != std::errc() || end != text.data() + text.size()) {
                sink.error(table.source, {row.line, table.serial_column + 1},
                           "serial number '" + row.serial + "' is not a number; expected " + std::to_string(expected));
            } else if (serial != expected) {
                sink.error(table.source, {row.line, table.serial_column + 1},
                           "serial number " + std::to_string(serial) + " where " + std::to_string(expected) +
                               (serial > expected ? " was expected: a row is missing above" : " was expected"));
                expected = serial;
            }
            ++expected;
        }
    }
    std::map<std::string, int> seen;
    for (const auto& row : table.rows) {
        std::string unit = normalise_unit(row.unit);
        if (unit.empty()) {
            sink.error(table.source, {row.line, table.unit_column + 1}, "a row without a unit");
            continue;
        }
        auto [it, inserted] = seen.emplace(unit, row.line);
        if (!inserted)
            sink.error(table.source, {row.line, table.unit_column + 1},
                       "unit " + row.unit + " appears twice (first on line " + std::to_string(it->second) + ")");
    }
}

}  // namespace fabu
