#pragma once
// Campaign content: official notices (公文) and the tables they carry.
// Plain data read from pages and data files; no I/O, no rendering.
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/diagnostics.h"

namespace fabu {

// An allocation table (任务分配表): serial number, unit, one or more
// quantities, a declared total row (合计) and optional notes.
struct AllocationRow {
    std::string serial;  // as written
    std::string unit;
    std::vector<std::optional<long long>> quantities;  // one per quantity column; nullopt when blank or not a number
    std::vector<std::string> quantity_text;
    std::string note;
    int line = 0;
};

struct AllocationTable {
    std::string source;                // "content/campaigns/2023/allocation-2023.csv"
    std::vector<std::string> columns;  // the header as written
    int serial_column = -1, unit_column = -1, note_column = -1;
    std::vector<int> quantity_columns;  // indices into `columns`
    std::vector<AllocationRow> rows;
    std::optional<AllocationRow> total;  // the 合计 row
    int header_line = 1;
};

// A unit's name as the documents compare it: spaces removed ("内 蒙 古" is "内蒙古").
std::string normalise_unit(std::string_view unit);

}  // namespace fabu
