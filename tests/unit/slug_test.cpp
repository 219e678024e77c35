#include <doctest/doctest.h>

#include "content/slug.h"

using namespace fabu;

TEST_CASE("ASCII names become lower-case hyphenated slugs") {
    CHECK(slugify("Hello World") == "hello-world");
    CHECK(slugify("national-notice") == "national-notice");
    CHECK(slugify("  --a--b--  ") == "a-b");
    CHECK(slugify("v1.2 notes") == "v1.2-notes");
}

TEST_CASE("Chinese becomes toneless pinyin") {
    CHECK(slugify("网聚职工正能量") == "wang-ju-zhi-gong-zheng-neng-liang");
    CHECK(slugify("通知") == "tong-zhi");
    CHECK(slugify("2023年通知") == "2023-nian-tong-zhi");
}

TEST_CASE("place names with polyphones read right") {
    CHECK(slugify("广东") == "guang-dong");
    CHECK(slugify("重庆") == "chong-qing");
    CHECK(slugify("长沙") == "chang-sha");
    CHECK(slugify("厦门市总工会") == "xia-men-shi-zong-gong-hui");
}

TEST_CASE("punctuation only leaves nothing") {
    CHECK(slugify("！？、") == "");
}

TEST_CASE("slugs are stable") {
    CHECK(slugify("陕西省总工会") == slugify("陕西省总工会"));
}
