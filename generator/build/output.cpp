#include "build/output.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/files.h"
#include "core/text.h"

namespace fabu {

bool is_safe_relative_path(std::string_view relative) {
    if (relative.empty() || relative.front() == '/' || relative.find('\0') != std::string_view::npos ||
        relative.find('\\') != std::string_view::npos)
        return false;
    for (const auto& part : split(relative, '/'))
        if (part == ".." || part == ".") return false;
    return true;
}

OutputTree::OutputTree(fs::path destination) : destination_(fs::absolute(std::move(destination)).lexically_normal()) {
    if (destination_.filename().empty()) destination_ = destination_.parent_path();
    staging_ = destination_;
    staging_ += ".fabu-staging-" + std::to_string(::getpid());
    remove_leftovers();
    std::error_code ec;
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
    if (ec) throw FileError("cannot create " + staging_.string() + ": " + ec.message());
    directories_.insert("");
}

void OutputTree::remove_leftovers() const {
    // A build that was killed leaves its staging or old folder behind; the
    // process id in the name tells whether its owner is still running.
    std::string staging_prefix = destination_.filename().string() + ".fabu-staging-";
    std::string old_prefix = "." + destination_.filename().string() + ".fabu-old-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(destination_.parent_path(), ec)) {
        std::string name = entry.path().filename().string();
        std::string pid_text;
        if (name.starts_with(staging_prefix))
            pid_text = name.substr(staging_prefix.size());
        else if (name.starts_with(old_prefix))
            pid_text = name.substr(old_prefix.size());
        else
            continue;
        pid_t pid = static_cast<pid_t>(std::atoi(pid_text.c_str()));
        if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) == 0) continue;
        std::error_code ignored;
        fs::remove_all(entry.path(), ignored);
    }
}

OutputTree::~OutputTree() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

fs::path OutputTree::prepare(std::string_view relative) {
    if (!is_safe_relative_path(relative))
        throw FileError("refusing to write outside the output folder: " + std::string(relative));
    std::string_view directory =
        relative.substr(0, relative.rfind('/') == std::string_view::npos ? 0 : relative.rfind('/'));
    std::string key(directory);
    {
        std::lock_guard lock(directories_mutex_);
        if (directories_.count(key)) return staging_ / relative;
    }
    // Created outside the lock: mkdir is the slow part, and two threads
    // making the same folder is harmless.
    std::error_code ec;
    fs::create_directories(staging_ / directory, ec);
    if (ec) throw FileError("cannot create " + (staging_ / directory).string() + ": " + ec.message());
    std::lock_guard lock(directories_mutex_);
    // Remember every ancestor, so siblings skip the system call.
    for (std::string_view part = directory; !part.empty();) {
        directories_.insert(std::string(part));
        auto slash = part.rfind('/');
        part = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash);
    }
    return staging_ / relative;
}

void OutputTree::write(std::string_view relative, std::string_view data) {
    write_file(prepare(relative), data);
    ++files_;
}

void OutputTree::copy(const fs::path& source, std::string_view relative) {
    fs::path target = prepare(relative);
    std::error_code ec;
    fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
    if (ec) throw FileError("cannot copy " + source.string() + ": " + ec.message());
    ++files_;
}

namespace {

// Runs `rm -rf -- path` in its own session and does not wait for it.
bool remove_in_background(const fs::path& path) {
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    std::string target = path.string();
    char* const argv[] = {const_cast<char*>("rm"), const_cast<char*>("-rf"), const_cast<char*>("--"), target.data(),
                          nullptr};
    pid_t child = 0;
    int status = posix_spawn(&child, "/bin/rm", nullptr, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    return status == 0;
}

}  // namespace

void OutputTree::commit(OldTree old_tree) {
    if (fs::exists(destination_)) {
        // renameat2(RENAME_EXCHANGE) swaps both names in one step: at no
        // moment is there no site at the destination.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_EXCHANGE) != 0) {
            fs::path old = destination_;
            old += ".fabu-old-" + std::to_string(::getpid());
            std::error_code ec;
            fs::rename(destination_, old, ec);
            if (ec) throw FileError("cannot replace " + destination_.string() + ": " + ec.message());
            fs::rename(staging_, destination_, ec);
            if (ec) {
                fs::rename(old, destination_);
                throw FileError("cannot replace " + destination_.string() + ": " + ec.message());
            }
            fs::remove_all(old, ec);
        } else {
            // The staging name now holds the previous site.
            fs::path old = destination_.parent_path() /
                           ("." + destination_.filename().string() + ".fabu-old-" + std::to_string(::getpid()));
            std::error_code ec;
            fs::rename(staging_, old, ec);
            if (ec) old = staging_;
            if (old_tree == OldTree::remove_now || !remove_in_background(old)) fs::remove_all(old, ec);
        }
    } else {
        std::error_code ec;
        fs::create_directories(destination_.parent_path(), ec);
        fs::rename(staging_, destination_, ec);
        if (ec) throw FileError("cannot create " + destination_.string() + ": " + ec.message());
    }
    committed_ = true;
}

}  // namespace fabu
