#include "content/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/text.h"

namespace fabu {

namespace {

// Words whose most common reading is not the one ICU picks in isolation:
// place names above all, where a wrong reading is the error users notice.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> polyphones{{
    {"重庆", " chong qing "},  {"长沙", " chang sha "}, {"长春", " chang chun "}, {"长治", " chang zhi "},
    {"长江", " chang jiang "}, {"厦门", " xia men "},   {"蚌埠", " beng bu "},    {"六安", " lu an "},
    {"丽水", " li shui "},     {"台州", " tai zhou "},  {"乐山", " le shan "},    {"乐清", " yue qing "},
    {"东莞", " dong guan "},   {"番禺", " pan yu "},    {"涡阳", " guo yang "},   {"银行", " yin hang "},
    {"行业", " hang ye "},     {"单位", " dan wei "},   {"单县", " shan xian "},  {"朝阳", " chao yang "},
    {"重要", " zhong yao "},   {"会计", " kuai ji "},   {"音乐", " yin yue "},    {"好网民", " hao wang min "},
}};

// Building the Han-Latin rules takes about 100 ms, once per process; using
// them costs about 30 µs a word. One shared instance, guarded, and a memo of
// every slug made: tags and folder names repeat on every page.
class Transliteration {
public:
    static Transliteration& shared() {
        static Transliteration instance;
        return instance;
    }

    std::string to_latin(const std::string& text) {
        std::lock_guard lock(mutex_);
        if (auto it = memo_.find(text); it != memo_.end()) return it->second;
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
        transliterator_->transliterate(unicode);
        std::string latin;
        unicode.toUTF8String(latin);
        memo_.emplace(text, latin);
        return latin;
    }

private:
    Transliteration() {
        UErrorCode status = U_ZERO_ERROR;
        transliterator_.reset(
            icu::Transliterator::createInstance("Han-Latin/Names; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !transliterator_)
            throw std::runtime_error(std::string("ICU Han-Latin transliterator unavailable: ") + u_errorName(status));
    }

    std::mutex mutex_;
    std::unique_ptr<icu::Transliterator> transliterator_;
    std::unordered_map<std::string, std::string> memo_;
};

std::string replace_polyphones(std::string_view text) {
    std::string out(text);
    for (const auto& [word, reading] : polyphones) {
        for (auto pos = out.find(word); pos != std::string::npos; pos = out.find(word, pos + reading.size()))
            out.replace(pos, word.size(), reading);
    }
    return out;
}

}  // namespace

std::jthread prepare_slugs_in_background() {
    return std::jthread([] {
        try {
            Transliteration::shared();
        } catch (const std::exception&) {
            // slugify() reports the failure when it first needs the rules.
        }
    });
}

bool is_ascii_slug_safe(std::string_view text) {
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) return false;
    }
    return true;
}

std::string slugify(std::string_view text) {
    std::string latin;
    if (is_ascii_slug_safe(text)) {
        latin = text;
    } else {
        latin = Transliteration::shared().to_latin(replace_polyphones(text));
    }
    std::string slug;
    bool pending_dash = false;
    for (char c : latin) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80) {
            if (pending_dash && !slug.empty()) slug += '-';
            pending_dash = false;
            slug += static_cast<char>(std::tolower(byte));
        } else if (c == '_' || c == '.') {
            // Keep dots and underscores that sit inside a name ("v1.2", "my_page").
            if (!slug.empty() && !pending_dash) slug += c;
        } else {
            pending_dash = true;
        }
    }
    while (!slug.empty() && (slug.back() == '.' || slug.back() == '_')) slug.pop_back();
    return slug;
}

}  // namespace fabu
