// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A push pipeline after David Beazley's "A Curious Course on Coroutines and Concurrency"
// (follow, grep, broadcast, printer): the source sends each line in, filters pass on what
// matches, broadcast fans out to several sinks. The source is a fixed list instead of a
// tailed file, so the output is the same on every run. At the end the source closes the
// pipeline: generator_exit reaches each stage in turn, which closes the stages below it
// and cleans up.
//
// Every stage is a pure consumer, generator<void, std::string>. Beazley's @coroutine primes
// a stage at its creation; here each stage function passes the generator it makes through
// `coroutine` before returning it. A stage owns the stages it sends to: they are moved into
// it (std::bind holds them, as a C++11 lambda cannot capture by move).
//
// The Python original, example/pipeline.py:
//
//     # David Beazley, "A Curious Course on Coroutines and Concurrency" (PyCon 2009): a source
//     # pushes lines into a pipeline of coroutines with send(); grep filters, broadcast fans out,
//     # the sinks print and count. close() at the end goes down the pipeline, and each coroutine
//     # cleans up as GeneratorExit reaches it.
//
//     def coroutine(func):
//         def start(*args,**kwargs):
//             cr = func(*args,**kwargs)
//             next(cr)
//             return cr
//         return start
//
//     # Beazley's follow() tails a file forever; this source sends a fixed list of lines, then
//     # closes its target.
//     def follow(lines, target):
//         for line in lines:
//             target.send(line)
//         target.close()
//
//     @coroutine
//     def grep(pattern, target):
//         try:
//             while True:
//                 line = (yield)
//                 if pattern in line:
//                     target.send(line)
//         except GeneratorExit:
//             print("grep %r: closing its target" % pattern)
//             target.close()
//
//     @coroutine
//     def broadcast(targets):
//         try:
//             while True:
//                 item = (yield)
//                 for target in targets:
//                     target.send(item)
//         except GeneratorExit:
//             print("broadcast: closing", len(targets), "targets")
//             for target in targets:
//                 target.close()
//
//     @coroutine
//     def printer(name):
//         try:
//             while True:
//                 line = (yield)
//                 print(name + ":", line)
//         except GeneratorExit:
//             print(name + ": goodbye")
//
//     @coroutine
//     def counter(name):
//         lines = words = 0
//         try:
//             while True:
//                 line = (yield)
//                 lines += 1
//                 words += len(line.split())
//         finally:
//             print("%s: %d lines, %d words" % (name, lines, words))
//
//     log = [
//         "python is fun",
//         "ply is a parser for python",
//         "swig wraps c code",
//         "generators in python",
//         "nothing to see here",
//         "swig and ply",
//     ]
//     follow(log,
//            broadcast([grep("python", printer("python")),
//                       grep("ply", printer("ply")),
//                       grep("swig", printer("swig")),
//                       counter("all")]))

#include <pygen/generator.hpp>

#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using sink = pygen::generator<void, std::string>;

// Beazley's @coroutine: advances a new stage to its first yield, ready for send().
sink coroutine(sink cr) {
    cr.next();
    return cr;
}

// Sends each line to target, then closes it.
void follow(std::vector<std::string> const& lines, sink& target) {
    for (std::string const& line : lines) {
        target.send(line);
    }
    target.close();
}

sink grep(std::string const& pattern, sink target) {
    return coroutine(sink(std::bind(
        [pattern](sink& target, sink::yielder& yield) {
            try {
                for (;;) {
                    std::string line = yield();
                    if (line.find(pattern) != std::string::npos) {
                        target.send(line);
                    }
                }
            } catch (pygen::generator_exit const&) {
                std::cout << "grep '" << pattern << "': closing its target\n";
                target.close();
            } // returning, not rethrowing: close() succeeds, as in Python
        },
        std::move(target), std::placeholders::_1)));
}

sink broadcast(std::vector<sink> targets) {
    return coroutine(sink(std::bind(
        [](std::vector<sink>& targets, sink::yielder& yield) {
            try {
                for (;;) {
                    std::string item = yield();
                    for (sink& target : targets) {
                        target.send(item);
                    }
                }
            } catch (pygen::generator_exit const&) {
                std::cout << "broadcast: closing " << targets.size() << " targets\n";
                for (sink& target : targets) {
                    target.close();
                }
            }
        },
        std::move(targets), std::placeholders::_1)));
}

sink printer(std::string const& name) {
    return coroutine(sink([name](sink::yielder& yield) {
        try {
            for (;;) {
                std::string line = yield();
                std::cout << name << ": " << line << '\n';
            }
        } catch (pygen::generator_exit const&) {
            std::cout << name << ": goodbye\n";
        }
    }));
}

sink counter(std::string const& name) {
    return coroutine(sink([name](sink::yielder& yield) {
        struct finally { // Python's `finally:`
            std::string const& name;
            int const &lines, &words;
            ~finally() { std::cout << name << ": " << lines << " lines, " << words << " words\n"; }
        };
        int lines = 0, words = 0;
        finally report{name, lines, words};
        for (;;) {
            std::istringstream line(yield());
            lines += 1;
            for (std::string word; line >> word;) { // Python's len(line.split())
                words += 1;
            }
        }
    }));
}

int main() {
    std::vector<std::string> const log{
        "python is fun",        "ply is a parser for python", "swig wraps c code",
        "generators in python", "nothing to see here",        "swig and ply",
    };
    std::vector<sink> targets; // a std::initializer_list cannot hold move-only generators
    targets.push_back(grep("python", printer("python")));
    targets.push_back(grep("ply", printer("ply")));
    targets.push_back(grep("swig", printer("swig")));
    targets.push_back(counter("all"));
    sink pipeline = broadcast(std::move(targets));
    follow(log, pipeline);
}
