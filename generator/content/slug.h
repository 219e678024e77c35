#pragma once
#include <string>
#include <string_view>

namespace fabu {

// A URL segment a Chinese editor can read and type: ASCII letters and digits
// kept (lower-cased), Chinese turned into toneless pinyin with ICU's Han-Latin
// transliteration (place names with polyphones corrected first), every other
// run of characters turned into one "-". Empty when nothing usable is left.
std::string slugify(std::string_view text);

// Whether a file name needs no transliteration to be a URL segment.
bool is_ascii_slug_safe(std::string_view text);

}  // namespace fabu
