// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// PEP 342's consumer decorator, as a function that primes a generator, and the PEP's pipeline
// of consumers built with it. PEP 342's example 1 is "A simple *consumer* decorator that makes
// a generator function automatically advance to its first yield point when initially called";
// example 2 uses it "to create a *reverse generator* that receives images and creates
// thumbnail pages, sending them on to another consumer. Functions like this can be chained
// together to form efficient processing pipelines of *consumers* that each can have complex
// internal state". Here the images are lines of text and the JPEG files are printed pages.
//
// C++ has no decorators: `consumer` is a function that takes the generator a generator
// function returned and primes it, so `@consumer def pager(...)` becomes
// `consumer(pager(...))` at the call. A pure consumer is a generator<void, S>: `(yield)` is
// `yield()`, which returns what send() passed in.
//
// The Python original, example/consumer.py:
//
//     # PEP 342, example 1: "A simple consumer decorator that makes a generator function
//     # automatically advance to its first yield point when initially called". Python 3 spells
//     # the PEP's gen.next() as next(gen).
//     def consumer(func):
//         def wrapper(*args,**kw):
//             gen = func(*args, **kw)
//             next(gen)
//             return gen
//         wrapper.__name__ = func.__name__
//         wrapper.__dict__ = func.__dict__
//         wrapper.__doc__  = func.__doc__
//         return wrapper
//
//     # PEP 342, example 2, with lines of text for images: thumbnail_pager becomes pager, which
//     # puts `pagesize` lines on a page and sends each full page on to another consumer;
//     # jpeg_writer becomes page_writer, which prints the pages (and says when it is closed).
//     @consumer
//     def pager(pagesize, destination):
//         while True:
//             page = []
//             pending = False
//             try:
//                 for row in range(pagesize):
//                     page.append((yield))
//                     pending = True
//             except GeneratorExit:
//                 # close() was called, so flush any pending output
//                 if pending:
//                     destination.send(page)
//
//                 # then close the downstream consumer, and exit
//                 destination.close()
//                 return
//             else:
//                 # we finished a page full of lines, so send it
//                 # downstream and keep on looping
//                 destination.send(page)
//
//     @consumer
//     def page_writer(name):
//         fileno = 1
//         try:
//             while True:
//                 page = (yield)
//                 print("%s/page%04d: %s" % (name, fileno, ", ".join(page)))
//                 fileno += 1
//         finally:
//             print(name + ":", fileno - 1, "pages written")
//
//     # Put them together to make a function that makes pages from a list of lines.
//     def write_pages(pagesize, lines, name):
//         pipeline = pager(pagesize, page_writer(name))
//         for line in lines:
//             pipeline.send(line)
//         pipeline.close()
//
//     write_pages(3, ["a", "b", "c", "d", "e", "f", "g"], "out")
//     write_pages(2, ["h", "i"], "full")
//
//     # Why the decorator: a generator must reach its first yield before send() can pass it a value.
//     def echo():
//         while True:
//             print("echo:", (yield))
//
//     e = echo()
//     try:
//         e.send("too early")
//     except TypeError as error:
//         print("TypeError:", error)
//     e = consumer(echo)()
//     e.send("hello")

#include <pygen/generator.hpp>

#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

// PEP 342 calls gen.next() in the wrapper; the wrapped call is the argument here.
template <class Y, class S, class R> pygen::generator<Y, S, R> consumer(pygen::generator<Y, S, R> gen) {
    gen.next();
    return gen;
}

using page = std::vector<std::string>;
using page_consumer = pygen::generator<void, page>;
using line_consumer = pygen::generator<void, std::string>;

// Python's ", ".join(page).
std::string join(page const& p) {
    std::string s;
    for (std::string const& line : p) {
        s += (s.empty() ? "" : ", ") + line;
    }
    return s;
}

// The pager owns its destination. A C++11 lambda cannot capture a move-only generator by
// move (C++14: [destination = std::move(destination)]), so std::bind holds it.
line_consumer pager(int pagesize, page_consumer destination) {
    return line_consumer(std::bind(
        [pagesize](page_consumer& destination, line_consumer::yielder& yield) {
            for (;;) {
                page p;
                bool pending = false;
                try {
                    for (int row = 0; row != pagesize; ++row) {
                        p.push_back(yield());
                        pending = true;
                    }
                } catch (pygen::generator_exit const&) {
                    // close() was called, so flush any pending output
                    if (pending) {
                        destination.send(p);
                    }
                    // then close the downstream consumer, and exit (returning is what makes
                    // close() succeed, as in Python)
                    destination.close();
                    return;
                }
                destination.send(p); // a full page: send it downstream and keep on looping
            }
        },
        std::move(destination), std::placeholders::_1));
}

page_consumer page_writer(std::string const& name) {
    return page_consumer([name](page_consumer::yielder& yield) {
        struct finally { // Python's `finally:`, run on close() too
            std::string const& name;
            int const& fileno;
            ~finally() { std::cout << name << ": " << fileno - 1 << " pages written\n"; }
        };
        int fileno = 1;
        finally report{name, fileno};
        for (;;) {
            page p = yield();
            char filename[64];
            std::snprintf(filename, sizeof filename, "%s/page%04d", name.c_str(), fileno);
            std::cout << filename << ": " << join(p) << '\n';
            fileno += 1;
        }
    });
}

void write_pages(int pagesize, std::vector<std::string> const& lines, std::string const& name) {
    line_consumer pipeline = consumer(pager(pagesize, consumer(page_writer(name))));
    for (std::string const& line : lines) {
        pipeline.send(line);
    }
    pipeline.close();
}

line_consumer echo() {
    return line_consumer([](line_consumer::yielder& yield) {
        for (;;) {
            std::string value = yield(); // before the output starts, as print() evaluates its arguments first
            std::cout << "echo: " << value << '\n';
        }
    });
}

int main() {
    write_pages(3, {"a", "b", "c", "d", "e", "f", "g"}, "out");
    write_pages(2, {"h", "i"}, "full");

    // Why the decorator: a generator must reach its first yield before send() can pass it a value.
    line_consumer e = echo();
    try {
        e.send("too early");
    } catch (pygen::type_error const& error) {
        std::cout << "TypeError: " << error.what() << '\n';
    }
    e = consumer(echo());
    e.send("hello");
}
