#include "core/parallel.h"

namespace fabu {

unsigned default_jobs() {
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace fabu
