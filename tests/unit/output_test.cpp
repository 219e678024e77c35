#include <doctest/doctest.h>

#include <unistd.h>

#include "build/output.h"
#include "core/files.h"

using namespace fabu;

namespace {
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("fabu-test-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("commit swaps the new tree in and removes the old one") {
    TempDir temp;
    fs::path out = temp.path / "public";
    fs::create_directories(out);
    write_file(out / "old.html", "old");
    {
        OutputTree tree(out);
        tree.write("posts/a/index.html", "new");
        tree.write("index.html", "home");
        CHECK(tree.file_count() == 2);
        CHECK(read_file(out / "old.html") == "old");  // untouched until commit
        tree.commit();
    }
    CHECK(read_file(out / "posts/a/index.html") == "new");
    CHECK_FALSE(fs::exists(out / "old.html"));
    int entries = 0;
    for ([[maybe_unused]] auto& entry : fs::directory_iterator(temp.path)) ++entries;
    CHECK(entries == 1);  // no staging or old folder left behind
}

TEST_CASE("an abandoned build leaves the old tree exactly as it was") {
    TempDir temp;
    fs::path out = temp.path / "public";
    fs::create_directories(out);
    write_file(out / "index.html", "last good site");
    {
        OutputTree tree(out);
        tree.write("index.html", "broken");
    }  // destroyed without commit, as when a build fails
    CHECK(read_file(out / "index.html") == "last good site");
    int entries = 0;
    for ([[maybe_unused]] auto& entry : fs::directory_iterator(temp.path)) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("the first build creates the folder") {
    TempDir temp;
    OutputTree tree(temp.path / "fresh");
    tree.write("index.html", "x");
    tree.commit();
    CHECK(read_file(temp.path / "fresh/index.html") == "x");
}

TEST_CASE("paths that leave the output folder are refused") {
    TempDir temp;
    OutputTree tree(temp.path / "public");
    CHECK_THROWS_AS(tree.write("../escape.html", "x"), FileError);
    CHECK_THROWS_AS(tree.write("/etc/passwd", "x"), FileError);
    CHECK_THROWS_AS(tree.write("a/../../b", "x"), FileError);
    CHECK_FALSE(fs::exists(temp.path / "escape.html"));
    CHECK(is_safe_relative_path("posts/a/index.html"));
    CHECK_FALSE(is_safe_relative_path(""));
}
