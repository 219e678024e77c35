#pragma once
// Diagnostics are values: every stage returns or appends them, and only the
// command line decides how they are printed and which exit code they mean.
#include <mutex>
#include <string>
#include <vector>

namespace fabu {

enum class Severity { warning, error };

struct SourcePosition {
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
};

struct Diagnostic {
    std::string file;  // as the user would type it, relative to the site root
    SourcePosition position;
    Severity severity = Severity::error;
    std::string message;

    // "file:line:col: error: message", the form editors and CI logs link.
    std::string format() const;
};

// Collects diagnostics from parallel workers.
class DiagnosticSink {
public:
    void add(Diagnostic diagnostic);
    void error(std::string file, SourcePosition position, std::string message);
    void warning(std::string file, SourcePosition position, std::string message);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    // Sorted by file, line and column so output is stable across thread counts.
    std::vector<Diagnostic> sorted() const;

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace fabu
