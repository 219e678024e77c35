#pragma once

namespace fabu {

// Exit codes: 0 ok, 1 content errors, 2 usage errors.
enum ExitCode : int { exit_ok = 0, exit_content_error = 1, exit_usage_error = 2 };

int run_cli(int argc, char** argv);

}  // namespace fabu
