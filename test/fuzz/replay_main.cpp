// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The fuzz target without libFuzzer: replays inputs (the corpus, as a regression test) and
// explains them.
//
//   pygen-fuzz-replay PATH...              every file (a directory: every file in it): pygen
//                                          against the model; exit status 1 on a difference
//   pygen-fuzz-replay --explain FILE       the scenario as Python, and both traces
//   pygen-fuzz-replay --python FILE        the scenario as a Python program printing its trace
//   pygen-fuzz-replay --model [--cpython] FILE   the model's trace (--cpython: python3's)
//   pygen-fuzz-replay --pygen FILE         pygen's trace

#include "fuzz_api.hpp"

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The input being replayed, for the message of a crash (a signal handler may only write()).
char crash_message[4096];

extern "C" void on_crash(int signal_number) {
    ssize_t const written = ::write(2, crash_message, std::strlen(crash_message));
    (void)written;
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

void replaying(std::string const& path) {
    std::string const m = "\npygen-fuzz-replay: CRASHED while replaying " + path +
                          "\n  the scenario and the model's trace: pygen-fuzz-replay --explain " + path + "\n";
    std::strncpy(crash_message, m.c_str(), sizeof crash_message - 1);
}

bool is_directory(std::string const& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The files of a directory (not its subdirectories, nor dot files), sorted.
std::vector<std::string> files_in(std::string const& dir) {
    std::vector<std::string> files;
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
        return files;
    }
    while (dirent* e = ::readdir(d)) {
        std::string const name = e->d_name;
        if (name.empty() || name[0] == '.') {
            continue;
        }
        std::string const path = dir + "/" + name;
        if (!is_directory(path)) {
            files.push_back(path);
        }
    }
    ::closedir(d);
    std::sort(files.begin(), files.end());
    return files;
}

bool read_file(std::string const& path, std::vector<std::uint8_t>& bytes) {
    std::ifstream in(path.c_str(), std::ios::binary);
    if (!in) {
        return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

int usage() {
    std::cerr << "usage: pygen-fuzz-replay PATH...\n"
                 "       pygen-fuzz-replay --explain | --python | --model [--cpython] | --pygen FILE\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        return usage();
    }
    std::string const mode = args[0];
    if (mode == "--explain" || mode == "--python" || mode == "--model" || mode == "--pygen") {
        bool const cpython = args.size() == 3 && args[1] == "--cpython";
        if (args.size() != (cpython ? 3u : 2u)) {
            return usage();
        }
        std::vector<std::uint8_t> bytes;
        if (!read_file(args.back(), bytes)) {
            std::cerr << "pygen-fuzz-replay: cannot read " << args.back() << "\n";
            return 2;
        }
        std::uint8_t const* data = bytes.empty() ? nullptr : bytes.data();
        if (mode == "--explain") {
            // The model's part first: it is still on the screen if pygen crashes.
            std::cout << pygen_fuzz::explain(data, bytes.size()) << "\n---- pygen's trace ----\n" << std::flush;
            std::cout << pygen_fuzz::pygen_trace_text(data, bytes.size());
        } else if (mode == "--python") {
            std::cout << pygen_fuzz::python_program(data, bytes.size());
        } else if (mode == "--model") {
            std::cout << pygen_fuzz::model_trace_text(data, bytes.size(), cpython);
        } else {
            std::cout << pygen_fuzz::pygen_trace_text(data, bytes.size());
        }
        return 0;
    }

    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (is_directory(args[i])) {
            std::vector<std::string> const more = files_in(args[i]);
            files.insert(files.end(), more.begin(), more.end());
        } else {
            files.push_back(args[i]);
        }
    }
    int const signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
    for (std::size_t i = 0; i < sizeof signals / sizeof signals[0]; ++i) {
        std::signal(signals[i], on_crash);
    }
    int bad = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        replaying(files[i]);
        std::vector<std::uint8_t> bytes;
        if (!read_file(files[i], bytes)) {
            std::cerr << "pygen-fuzz-replay: cannot read " << files[i] << "\n";
            ++bad;
            continue;
        }
        std::string report;
        if (!pygen_fuzz::check(bytes.empty() ? nullptr : bytes.data(), bytes.size(), report)) {
            std::cerr << "FAILED: " << files[i] << "\n" << report << "\n";
            ++bad;
        }
    }
    std::cout << "pygen-fuzz-replay: " << files.size() << " inputs replayed, " << files.size() - bad
              << " agree with the model, " << bad << " do not\n";
    if (files.empty()) {
        std::cerr << "pygen-fuzz-replay: no inputs found (is the corpus directory right?)\n";
        return 1;
    }
    return bad == 0 ? 0 : 1;
}
