#pragma once
#include <string>
#include <string_view>
#include <thread>

namespace fabu {

// A URL segment a Chinese editor can read and type: ASCII letters and digits
// kept (lower-cased), Chinese turned into toneless pinyin with ICU's Han-Latin
// transliteration (place names with polyphones corrected first), every other
// run of characters turned into one "-". Empty when nothing usable is left.
std::string slugify(std::string_view text);

// Builds ICU's Han-Latin rules (about 100 ms) on another thread, so the cost
// overlaps with reading content instead of delaying the first slug. Keep the
// returned thread until the build ends (it joins when destroyed).
std::jthread prepare_slugs_in_background();

// Whether a file name needs no transliteration to be a URL segment.
bool is_ascii_slug_safe(std::string_view text);

}  // namespace fabu
