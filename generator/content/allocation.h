#pragma once
#include <optional>

#include "content/csv.h"
#include "model/campaign.h"

namespace fabu {

// Reads an allocation table from a CSV table. Columns are recognised by their
// headers: 序号 (serial), 单位/地区/单位名称 (unit), 备注 (notes); every other
// column whose cells are numbers is a quantity. The row whose unit or serial
// cell reads 合计 or 总计 is the declared total.
std::optional<AllocationTable> read_allocation_table(const CsvTable& csv, const std::string& source,
                                                     DiagnosticSink& sink);

// Checks that every quantity column sums to its declared total, that serial
// numbers run 1, 2, 3… without gaps, and that no unit appears twice.
void check_allocation_table(const AllocationTable& table, DiagnosticSink& sink);

}  // namespace fabu
