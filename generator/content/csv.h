#pragma once
// CSV as Excel writes it in China: UTF-8, UTF-8 with a byte order mark, or
// GB18030/GBK (Excel's "CSV" on a Chinese Windows). RFC 4180 quoting, CRLF or
// LF, fields that span lines.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace fabu {

enum class TextEncoding { utf8, utf8_bom, gb18030 };

struct CsvRow {
    std::vector<std::string> cells;
    int line = 0;  // line of the file where the row starts
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows;  // without the header
    int header_line = 1;
    TextEncoding encoding = TextEncoding::utf8;
};

// Decodes `bytes` to UTF-8. With no declared encoding: a UTF-8 byte order
// mark, then valid UTF-8, then GB18030 (a superset of GBK and GB2312).
// nullopt, with a diagnostic, when the bytes are neither.
std::optional<std::string> decode_text(std::string_view bytes, std::optional<TextEncoding> declared,
                                       const std::string& file, DiagnosticSink& sink, TextEncoding* detected = nullptr);

std::optional<TextEncoding> parse_encoding_name(std::string_view name);

std::optional<CsvTable> read_csv(std::string_view bytes, const std::string& file, DiagnosticSink& sink,
                                 std::optional<TextEncoding> declared = std::nullopt);

}  // namespace fabu
