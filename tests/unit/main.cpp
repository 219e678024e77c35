#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "content/markdown.h"

int main(int argc, char** argv) {
    fabu::register_markdown_extensions();
    doctest::Context context(argc, argv);
    return context.run();
}
