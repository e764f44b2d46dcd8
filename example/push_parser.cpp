// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A push parser for "key = value" lines, driven by send() one character at a time, with errors
// thrown in by the caller and handled inside. The caller pushes characters in as they arrive,
// and the parser's place in the grammar is where its body is suspended, not a state variable.
// Errors come two ways: the parser's own (a line without '=' or without a key), and the
// caller's, thrown in with throw_() at the yield the parser is paused at. Either way the parser
// produces an error item and carries on with the next line.
//
// generator<Y, S>: S = char, what send() passes in; Y = boost::optional<item>, where
// boost::none is Python's None ("nothing completed yet"). ParseError is parse_error, an
// std::runtime_error.
//
// The Python original, example/push_parser.py:
//
//     # A push parser for "key = value" lines: the text is sent in one character at a time, as it
//     # would arrive from a socket, and the parser keeps its place between characters in its own
//     # control flow instead of a state variable. Each send() returns None, or the item that
//     # character completed: (key, value), or ("error", message) for a bad line. The caller's
//     # decoder throws a ParseError in when a character is not printable; the parser reports it at
//     # once, as what throw() returns, and skips the rest of that line.
//
//     class ParseError(Exception):
//         pass
//
//     def parse_config():
//         item = None
//         number = 0
//         while True:
//             number += 1
//             line = ""
//             c = ""
//             try:
//                 c = yield item
//                 item = None
//                 while c != "\n":
//                     line += c
//                     c = yield None
//                 key, sep, value = line.partition("=")
//                 if not sep:
//                     raise ParseError("expected '='")
//                 if not key.strip():
//                     raise ParseError("empty key")
//                 item = (key.strip(), value.strip())
//             except ParseError as e:
//                 error = ("error", "line %d: %s" % (number, e))
//                 if c == "\n":
//                     item = error
//                 else:
//                     # thrown in mid-line: report it now, skip to the end of the line
//                     c = yield error
//                     while c != "\n":
//                         c = yield None
//                     item = None
//
//     text = ("name = pygen\n"
//             "version=1.0\n"
//             "just some words\n"
//             " = no key\n"
//             "stack = 128\tKiB\n"
//             "empty =\n"
//             "yield = from\n")
//
//     parser = parse_config()
//     next(parser)
//     for c in text:
//         if c.isprintable() or c == "\n":
//             item = parser.send(c)
//         else:
//             item = parser.throw(ParseError("unprintable character %d" % ord(c)))
//         if item is not None:
//             kind, value = item
//             print("%s: [%s]" % (kind, value))
//     parser.close()

#include <pygen/generator.hpp>

#include <boost/optional.hpp>

#include <cctype>
#include <iostream>
#include <stdexcept>
#include <string>
#include <utility>

struct parse_error : std::runtime_error {
    explicit parse_error(std::string const& what) : std::runtime_error(what) {}
};

using item_type = std::pair<std::string, std::string>;
using parser_type = pygen::generator<boost::optional<item_type>, char>;

// Python's str.strip().
std::string strip(std::string const& s) {
    char const* space = " \t\n\r\f\v";
    std::string::size_type first = s.find_first_not_of(space);
    if (first == std::string::npos) {
        return "";
    }
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

parser_type parse_config() {
    return parser_type([](parser_type::yielder& yield) {
        boost::optional<item_type> item;
        int number = 0;
        for (;;) {
            number += 1;
            std::string line;
            char c = '\0';
            try {
                c = yield(item);
                item = boost::none;
                while (c != '\n') {
                    line += c;
                    c = yield(boost::none);
                }
                std::string::size_type sep = line.find('=');
                if (sep == std::string::npos) {
                    throw parse_error("expected '='");
                }
                std::string key = strip(line.substr(0, sep));
                if (key.empty()) {
                    throw parse_error("empty key");
                }
                item = item_type(key, strip(line.substr(sep + 1)));
            } catch (parse_error const& e) {
                item_type error("error", "line " + std::to_string(number) + ": " + e.what());
                if (c == '\n') {
                    item = error;
                } else {
                    // thrown in mid-line: report it now, skip to the end of the line
                    c = yield(error);
                    while (c != '\n') {
                        c = yield(boost::none);
                    }
                    item = boost::none;
                }
            }
        }
    });
}

int main() {
    std::string const text = "name = pygen\n"
                             "version=1.0\n"
                             "just some words\n"
                             " = no key\n"
                             "stack = 128\tKiB\n"
                             "empty =\n"
                             "yield = from\n";

    parser_type parser = parse_config();
    parser.next();
    for (char c : text) {
        boost::optional<item_type> item;
        if (std::isprint(static_cast<unsigned char>(c)) || c == '\n') {
            item = parser.send(c);
        } else {
            item = parser.throw_(parse_error("unprintable character " + std::to_string(static_cast<int>(c))));
        }
        if (item) {
            std::cout << item->first << ": [" << item->second << "]\n";
        }
    }
    parser.close();
}
