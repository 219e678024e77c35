#pragma once
// A minimal parallel-for: `jobs` threads take indices from a shared counter,
// so uneven pages balance themselves. The first exception is rethrown on the
// calling thread once every worker has stopped.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace fabu {

unsigned default_jobs();

template <typename Function>
void parallel_for(std::size_t count, unsigned jobs, Function&& function) {
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        while (true) {
            std::size_t index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= count) return;
            try {
                function(index);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next.store(count);
            }
        }
    };
    if (jobs == 1) {
        worker();
    } else {
        std::vector<std::jthread> threads;
        threads.reserve(jobs - 1);
        for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
        worker();
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace fabu
