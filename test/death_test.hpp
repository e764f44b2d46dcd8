#ifndef PYGEN_TEST_DEATH_TEST_HPP_INCLUDED
#define PYGEN_TEST_DEATH_TEST_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Death tests: a scenario that must end the process runs in a forked child (or an exec'd
// program), and the parent checks how it ended and what it wrote to stderr.

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <string>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pygen_test {

// How a child process ended, and what it wrote to stderr (and, for run_program, to stdout).
struct child_result {
    bool exited = false;
    int exit_code = -1;
    bool signaled = false;
    int signal = 0;
    std::string stderr_text;
    std::string stdout_text;

    bool has(std::string const& s) const { return stderr_text.find(s) != std::string::npos; }
};

namespace death_test_detail {

// The child's side: default actions for the signals Boost.Test catches, stderr to `file`.
inline void prepare_child(std::FILE* file) {
    std::signal(SIGABRT, SIG_DFL);
    std::signal(SIGSEGV, SIG_DFL);
    std::signal(SIGBUS, SIG_DFL);
    std::signal(SIGILL, SIG_DFL);
    std::signal(SIGFPE, SIG_DFL);
    if (::dup2(::fileno(file), 2) != 2) {
        ::_exit(4);
    }
}

// The whole of `file`, which is then closed.
inline std::string read_and_close(std::FILE* file) {
    std::string text;
    std::rewind(file);
    char buffer[512];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        text.append(buffer, n);
    }
    std::fclose(file);
    return text;
}

// The parent's side: waits for `pid` and reads what it wrote to `file`.
inline child_result wait_for_child(pid_t pid, std::FILE* file) {
    child_result result;
    int status = 0;
    pid_t waited;
    do {
        waited = ::waitpid(pid, &status, 0);
    } while (waited < 0 && errno == EINTR);
    BOOST_REQUIRE(waited == pid);
    result.exited = WIFEXITED(status);
    result.exit_code = result.exited ? WEXITSTATUS(status) : -1;
    result.signaled = WIFSIGNALED(status);
    result.signal = result.signaled ? WTERMSIG(status) : 0;
    result.stderr_text = read_and_close(file);
    return result;
}

} // namespace death_test_detail

// Runs `scenario` in a forked child whose stderr goes to a temporary file. The child leaves with
// _exit(0) if the scenario returns (and _exit(3) if it throws), so it never runs any more of
// Boost.Test; the signals Boost.Test catches get their default actions back in the child.
template <class F> child_result run_in_child(F scenario) {
    std::FILE* file = std::tmpfile();
    BOOST_REQUIRE(file != nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t const pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        death_test_detail::prepare_child(file);
        try {
            scenario();
        } catch (...) {
            std::fflush(stderr);
            ::_exit(3);
        }
        std::fflush(stderr);
        ::_exit(0);
    }
    return death_test_detail::wait_for_child(pid, file);
}

// Runs the program at `path` (no arguments) the same way, its stdout going to stdout_text; exit
// code 5 if it cannot be started.
inline child_result run_program(std::string const& path) {
    std::FILE* file = std::tmpfile();
    std::FILE* out = std::tmpfile();
    BOOST_REQUIRE(file != nullptr);
    BOOST_REQUIRE(out != nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t const pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        death_test_detail::prepare_child(file);
        if (::dup2(::fileno(out), 1) != 1) {
            ::_exit(4);
        }
        ::execl(path.c_str(), path.c_str(), static_cast<char*>(nullptr));
        ::_exit(5);
    }
    child_result result = death_test_detail::wait_for_child(pid, file);
    result.stdout_text = death_test_detail::read_and_close(out);
    return result;
}

} // namespace pygen_test

#endif // #ifndef PYGEN_TEST_DEATH_TEST_HPP_INCLUDED
