#include "cli/scaffold.h"

#include <chrono>
#include <ctime>

namespace fabu {

namespace {
// Titles go into YAML double quotes.
std::string yaml_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}
}  // namespace

std::string today_iso() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::string new_page_text(const std::string& title, const std::string& date) {
    return "---\n"
           "title: " +
           yaml_quoted(title) +
           "\n"
           "date: " +
           date +
           "\n"
           "tags: []\n"
           "summary: \"\"\n"
           "draft: false\n"
           "---\n\n"
           "在这里撰写正文。\n";
}

std::string new_site_config(const std::string& title) {
    return "# fabu site settings: see README.md for every key.\n"
           "title: " +
           yaml_quoted(title) +
           "\n"
           "description: \"\"\n"
           "base_url: https://example.org/\n"
           "language: zh-CN\n"
           "page_size: 10\n"
           "footer:\n"
           "  host: \"\"        # 主办单位\n"
           "  contact: \"\"     # 联系方式\n"
           "  icp: \"\"         # ICP备案号\n"
           "  police: \"\"      # 公安机关备案号\n"
           "  site_code: \"\"   # 网站标识码\n"
           "menu:\n"
           "  - {title: 首页, url: /}\n"
           "  - {title: 文章, url: /posts/}\n"
           "markdown:\n"
           "  unsafe: false     # raw HTML in Markdown stays off unless you trust every author\n";
}

}  // namespace fabu
