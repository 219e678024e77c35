#include "core/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace fabu {

std::string Diagnostic::format() const {
    std::string out = file.empty() ? std::string("fabu") : file;
    if (position.line > 0) {
        out += ':' + std::to_string(position.line);
        out += ':' + std::to_string(position.column > 0 ? position.column : 1);
    }
    out += severity == Severity::error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

void DiagnosticSink::add(Diagnostic diagnostic) {
    std::lock_guard lock(mutex_);
    diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::error(std::string file, SourcePosition position, std::string message) {
    add({std::move(file), position, Severity::error, std::move(message)});
}

void DiagnosticSink::warning(std::string file, SourcePosition position, std::string message) {
    add({std::move(file), position, Severity::warning, std::move(message)});
}

bool DiagnosticSink::has_errors() const {
    return error_count() > 0;
}

std::size_t DiagnosticSink::error_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t DiagnosticSink::warning_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
    std::vector<Diagnostic> copy;
    {
        std::lock_guard lock(mutex_);
        copy = diagnostics_;
    }
    std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.position.line, a.position.column) <
               std::tie(b.file, b.position.line, b.position.column);
    });
    return copy;
}

}  // namespace fabu
