#include "cli/app.h"

int main(int argc, char** argv) {
    return fabu::run_cli(argc, argv);
}
