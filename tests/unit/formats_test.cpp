#include <doctest/doctest.h>

#include "check/formats.h"

using namespace fabu;

TEST_CASE("correct document numbers pass") {
    for (const char* text : {"总工字〔2023〕19号", "总工字〔2022〕22号", "陕工发〔2023〕26号"}) {
        auto check = check_document_number(text);
        CHECK(check.problem.empty());
        REQUIRE(check.number);
    }
    auto check = check_document_number("总工字〔2023〕19号");
    CHECK(check.number->organ == "总工字");
    CHECK(check.number->year == 2023);
    CHECK(check.number->serial == 19);
}

TEST_CASE("the usual slips are named with the corrected form") {
    struct Case {
        const char* text;
        const char* slip;
    };
    for (auto [text, slip] : {Case{"总工字[2022]22号", "not []"}, Case{"总工字【2022】22号", "not 【】"},
                              Case{"总工字(2022)22号", "not ()"}, Case{"总工字（2022）22号", "not （）"},
                              Case{"总工字〔2022〕第22号", "no 第"}, Case{"总工字〔2022〕022号", "leading zeros"},
                              Case{"总工字〔2022〕22", "ends with 号"}}) {
        CAPTURE(text);
        auto check = check_document_number(text);
        CHECK(check.problem.find(slip) != std::string::npos);
        CHECK(check.corrected == "总工字〔2022〕22号");
    }
}

TEST_CASE("text that is no document number at all") {
    auto check = check_document_number("第22号文件");
    CHECK_FALSE(check.number);
    CHECK(check.problem.find("总工字〔2023〕19号") != std::string::npos);
    CHECK_FALSE(check_document_number("总工字〔23〕19号").number);
}

TEST_CASE("phone numbers") {
    for (const char* good : {"13800000000", "138 0000 0000", "010-68590000", "010—68590000", "0754-88270000",
                             "029-87210000", "01068590000", "020-86150000-123"})
        CHECK_MESSAGE(is_valid_phone(good), good);
    for (const char* bad : {"12800000000", "1380000000", "10-68590000", "010-123", "电话", "", "138-0000-000a"})
        CHECK_MESSAGE(!is_valid_phone(bad), bad);
}

TEST_CASE("mobile numbers are masked, landlines are not") {
    CHECK(mask_mobile("13800001234") == "138****1234");
    CHECK(mask_mobile("010-68590000") == "010-68590000");
}
