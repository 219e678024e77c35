#include "content/csv.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>

#include "core/text.h"

namespace fabu {

std::optional<TextEncoding> parse_encoding_name(std::string_view name) {
    std::string lower = to_lower_ascii(trim(name));
    if (lower == "utf-8" || lower == "utf8") return TextEncoding::utf8;
    if (lower == "utf-8-bom" || lower == "utf-8-sig") return TextEncoding::utf8_bom;
    if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") return TextEncoding::gb18030;
    return std::nullopt;
}

namespace {

struct ConverterDeleter {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// GB18030 → UTF-8 with ICU; nullopt when a byte sequence is not GB18030.
std::optional<std::string> from_gb18030(std::string_view bytes, std::size_t* bad_offset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterDeleter> converter(ucnv_open("GB18030", &status));
    if (U_FAILURE(status)) return std::nullopt;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string utf16(bytes.size() + 1, u'\0');
    int32_t length = ucnv_toUChars(converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                   static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
        if (bad_offset) *bad_offset = 0;
        return std::nullopt;
    }
    utf16.resize(static_cast<std::size_t>(length));
    std::string out;
    out.reserve(bytes.size() * 3 / 2);
    for (std::size_t i = 0; i < utf16.size(); ++i) {
        char32_t unit = utf16[i];
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < utf16.size()) {
            char32_t low = utf16[++i];
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, unit);
    }
    return out;
}

}  // namespace

std::optional<std::string> decode_text(std::string_view bytes, std::optional<TextEncoding> declared,
                                       const std::string& file, DiagnosticSink& sink, TextEncoding* detected) {
    auto report = [&](TextEncoding encoding) {
        if (detected) *detected = encoding;
    };
    bool bom = bytes.starts_with("\xEF\xBB\xBF");
    if (!declared || *declared != TextEncoding::gb18030) {
        std::string_view body = bom ? bytes.substr(3) : bytes;
        std::size_t bad = 0;
        if (is_valid_utf8(body, &bad)) {
            report(bom ? TextEncoding::utf8_bom : TextEncoding::utf8);
            return std::string(body);
        }
        if (declared) {
            LineColumn where = line_column_at(body, bad);
            sink.error(file, {where.line, where.column},
                       "declared UTF-8 but byte " + std::to_string(bad) +
                           " is not; if Excel saved it, declare encoding: gb18030 or re-save as UTF-8");
            return std::nullopt;
        }
    }
    std::size_t bad = 0;
    if (auto text = from_gb18030(bytes, &bad)) {
        report(TextEncoding::gb18030);
        return text;
    }
    sink.error(file, {1, 1}, "neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8\" from Excel");
    return std::nullopt;
}

std::optional<CsvTable> read_csv(std::string_view bytes, const std::string& file, DiagnosticSink& sink,
                                 std::optional<TextEncoding> declared) {
    CsvTable table;
    auto decoded = decode_text(bytes, declared, file, sink, &table.encoding);
    if (!decoded) return std::nullopt;
    const std::string& text = *decoded;

    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    int line = 1;
    int quote_line = 0;
    row.line = 1;
    auto end_field = [&] {
        row.cells.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        bool blank =
            std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                if (field_started && !trim(field).empty()) {
                    sink.error(
                        file, {line, static_cast<int>(row.cells.size()) + 1},
                        "a quote in the middle of an unquoted field: quote the whole field and double the quote");
                    return std::nullopt;
                }
                field.clear();
                quoted = true;
                field_started = true;
                quote_line = line;
                break;
            case ',': end_field(); break;
            case '\r': break;
            case '\n':
                ++line;
                end_row();
                break;
            default: field += c; field_started = true;
        }
    }
    if (quoted) {
        sink.error(file, {quote_line, 1}, "a quoted field is never closed");
        return std::nullopt;
    }
    if (field_started || !row.cells.empty() || !field.empty()) end_row();
    if (rows.empty()) {
        sink.error(file, {1, 1}, "the table is empty: the first line must name the columns");
        return std::nullopt;
    }
    for (auto& cell : rows.front().cells) cell = std::string(trim(cell));
    table.header = std::move(rows.front().cells);
    table.header_line = rows.front().line;
    rows.erase(rows.begin());
    for (auto& r : rows) {
        for (auto& cell : r.cells) cell = std::string(trim(cell));
        if (r.cells.size() > table.header.size()) {
            sink.error(file, {r.line, static_cast<int>(table.header.size()) + 1},
                       "row has " + std::to_string(r.cells.size()) + " fields but the header names " +
                           std::to_string(table.header.size()) + " columns");
            return std::nullopt;
        }
        r.cells.resize(table.header.size());
    }
    table.rows = std::move(rows);
    return table;
}

}  // namespace fabu
