#include "core/files.h"

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

#include <utility>

namespace fabu {

namespace {
std::string errno_text() {
    return std::strerror(errno);
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};
}  // namespace

std::string read_file(const fs::path& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw FileError("cannot read " + path.string() + ": " + errno_text());
    std::string data;
    char buffer[65536];
    while (true) {
        ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw FileError("cannot read " + path.string() + ": " + errno_text());
        }
        if (got == 0) break;
        data.append(buffer, static_cast<std::size_t>(got));
    }
    return data;
}

void write_file(const fs::path& path, std::string_view data) {
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw FileError("cannot write " + path.string() + ": " + errno_text());
    std::size_t written = 0;
    while (written < data.size()) {
        ssize_t n = ::write(fd.get(), data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw FileError("cannot write " + path.string() + ": " + errno_text());
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd.release()) != 0) throw FileError("cannot write " + path.string() + ": " + errno_text());
}

std::string generic_relative(const fs::path& path, const fs::path& base) {
    std::error_code ec;
    fs::path relative = path.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") relative = path;
    std::string text = relative.generic_string();
    if (text.starts_with("./")) text.erase(0, 2);
    return text;
}

bool is_within(const fs::path& root, const fs::path& candidate) {
    fs::path normal_root = fs::absolute(root).lexically_normal();
    fs::path normal = fs::absolute(candidate).lexically_normal();
    auto [root_end, _] = std::mismatch(normal_root.begin(), normal_root.end(), normal.begin(), normal.end());
    if (root_end == normal_root.end()) return true;
    // A trailing slash leaves an empty last element on the root.
    return std::next(root_end) == normal_root.end() && root_end->empty();
}

}  // namespace fabu
