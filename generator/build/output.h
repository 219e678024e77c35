#pragma once
// The build's output folder, written atomically: everything goes to a
// sibling staging folder, which replaces the real one only on commit(). A
// build that fails, throws or is interrupted leaves the old folder untouched.
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <unordered_set>

namespace fabu {

class OutputTree {
public:
    explicit OutputTree(std::filesystem::path destination);
    ~OutputTree();
    OutputTree(const OutputTree&) = delete;
    OutputTree& operator=(const OutputTree&) = delete;

    // `relative` uses "/" and must stay inside the tree: no "..", no absolute
    // path. Safe to call from several threads.
    void write(std::string_view relative, std::string_view data);
    void copy(const std::filesystem::path& source, std::string_view relative);

    enum class OldTree { remove_now, remove_in_background };
    // Swaps the staging folder in for the destination. The previous tree is
    // removed before returning, or by a detached `rm -rf` so a command-line
    // build need not wait for thousands of unlinks.
    void commit(OldTree old_tree = OldTree::remove_now);

    std::size_t file_count() const { return files_.load(); }
    const std::filesystem::path& staging() const { return staging_; }

private:
    std::filesystem::path prepare(std::string_view relative);
    void remove_leftovers() const;

    std::filesystem::path destination_;
    std::filesystem::path staging_;
    bool committed_ = false;
    std::atomic<std::size_t> files_{0};
    std::mutex directories_mutex_;
    std::unordered_set<std::string> directories_;
};

// Whether a relative output path stays inside its folder.
bool is_safe_relative_path(std::string_view relative);

}  // namespace fabu
