#pragma once
// Small text helpers shared by readers and renderers. All strings are UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace fabu {

std::string escape_html(std::string_view text);
// XML 1.0 text and attribute values; also drops control characters XML forbids.
std::string escape_xml(std::string_view text);

std::string_view trim(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower_ascii(std::string_view text);

// Whether the bytes are well-formed UTF-8; on failure `bad_offset` is the
// offset of the first invalid byte.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);
// Decodes one code point at `offset` and advances it; invalid bytes yield U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& offset);
void append_utf8(std::string& out, char32_t code_point);
std::size_t count_code_points(std::string_view text);
// At most `max_chars` code points of `text`, cut at a code point boundary,
// with "…" appended when something was cut.
std::string truncate_chars(std::string_view text, std::size_t max_chars);

// Han, kana and hangul: scripts written without spaces between words.
bool is_cjk(char32_t code_point);
// Words for Latin text, characters for CJK: what a reader counts.
std::size_t count_words(std::string_view plain_text);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
    int line;
    int column;
};
LineColumn line_column_at(std::string_view text, std::size_t byte_offset);

std::vector<std::string> split(std::string_view text, char separator);

}  // namespace fabu
