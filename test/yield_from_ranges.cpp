// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// yield.from over plain iterables: values, conversions, send/throw_/close while delegating (items 12, 28, 31-34, 37).
#define BOOST_TEST_MODULE yield_from_ranges
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "yield_from_support.hpp"

#include <boost/coroutine2/coroutine.hpp>

#include <exception>
#include <initializer_list>
#include <list>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace pygen_test;

namespace {

using ints = std::vector<int>;

char const* const no_send = "object has no attribute 'send'";

// Everything a generator yields until it ends, through next().
template <class G> std::vector<typename G::yield_type> drain(G& g) {
    std::vector<typename G::yield_type> out;
    for (;;) {
        try {
            out.push_back(g.next());
        } catch (pygen::stop_iteration const&) {
            return out;
        }
    }
}

} // namespace

namespace user {

// A range with no member begin()/end(): only argument-dependent lookup finds them.
struct bag {
    int items[3];
};

int const* begin(bag const& b) { return b.items; }
int const* end(bag const& b) { return b.items + 3; }

} // namespace user

// Python: def gen(): yield 0; yield from [1, 2, 3]; log.append('after'); yield 99
//         list(gen()) == [0, 1, 2, 3, 99]
BOOST_AUTO_TEST_CASE(vector_values_pass_through_and_the_body_continues) {
    log_type log;
    std::vector<int> const v{1, 2, 3};
    gen g([&](gen::yielder& yield) {
        yield(0);
        yield.from(v);
        log.push_back("after");
        yield(99);
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.next() == 99);
    BOOST_TEST(log == (log_type{"after"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(v == (ints{1, 2, 3}), boost::test_tools::per_element());
}

// Python: def gen(): yield from [1, 2]; yield from (3, 4)
//         [v for v in gen()] == [1, 2, 3, 4]       (a for loop over the delegator)
BOOST_AUTO_TEST_CASE(list_and_c_array_in_a_for_loop) {
    std::list<int> const l{1, 2};
    int const a[] = {3, 4};
    gen g([&](gen::yielder& yield) {
        yield.from(l);
        yield.from(a);
    });
    ints seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{1, 2, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(d): yield from d.items()
//         list(gen({1: 'a', 2: 'b'})) == [(1, 'a'), (2, 'b')]
BOOST_AUTO_TEST_CASE(map_yields_its_pairs) {
    using pair = std::pair<int const, std::string>;
    using pgen = pygen::generator<pair>;
    std::map<int, std::string> const m{{2, "b"}, {1, "a"}};
    pgen g([&m](pgen::yielder& yield) { yield.from(m); });
    pair const first = g.next();
    BOOST_TEST(first.first == 1);
    BOOST_TEST(first.second == "a");
    pair const second = g.next();
    BOOST_TEST(second.first == 2);
    BOOST_TEST(second.second == "b");
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield from "abc"; yield '!'
//         ''.join(gen()) == 'abc!'
BOOST_AUTO_TEST_CASE(string_yields_its_chars) {
    using cgen = pygen::generator<char>;
    std::string const s = "abc";
    cgen g([&s](cgen::yielder& yield) {
        yield.from(s);
        yield('!');
    });
    std::vector<char> const chars = drain(g);
    BOOST_TEST(std::string(chars.begin(), chars.end()) == "abc!");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield from (1, 2, 3); yield 4
//         list(gen()) == [1, 2, 3, 4]
BOOST_AUTO_TEST_CASE(braced_initializer_list) {
    gen g([](gen::yielder& yield) {
        yield.from({1, 2, 3});
        yield(4);
    });
    BOOST_TEST(drain(g) == (ints{1, 2, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield from []; log.append('a'); yield from (); log.append('b'); yield 7
//         list(gen()) == [7]; log == ['a', 'b']
BOOST_AUTO_TEST_CASE(empty_ranges_yield_nothing_and_the_body_goes_on) {
    log_type log;
    std::list<int> const empty_list;
    gen g([&](gen::yielder& yield) {
        yield.from(std::vector<int>());
        log.push_back("a");
        yield.from(empty_list);
        log.push_back("b");
        yield(7);
    });
    BOOST_TEST(g.next() == 7);
    BOOST_TEST(log == (log_type{"a", "b"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield from ['first', 'second']   # a temporary list
//         list(gen()) == ['first', 'second']
BOOST_AUTO_TEST_CASE(temporary_container_lives_through_the_delegation) {
    using strgen = pygen::generator<std::string>;
    strgen g([](strgen::yielder& yield) {
        yield.from(std::vector<std::string>{"a rather long first string, not in SSO", "second"});
        yield("third");
    });
    BOOST_TEST(g.next() == "a rather long first string, not in SSO");
    BOOST_TEST(g.next() == "second");
    BOOST_TEST(g.next() == "third");
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: class Bag:
//             def __iter__(self): return iter(self.items)
//         def gen(b): yield from b                  # any iterable
BOOST_AUTO_TEST_CASE(user_type_with_adl_begin_end) {
    user::bag const b = {{5, 6, 7}};
    gen g([&b](gen::yielder& yield) { yield.from(b); });
    BOOST_TEST(drain(g) == (ints{5, 6, 7}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def source(): yield 10; yield 20; yield 30   # another iterator, not a list
//         def gen(): yield from source(); yield 40
//         list(gen()) == [10, 20, 30, 40]
BOOST_AUTO_TEST_CASE(coroutine2_pull_type) {
    using coro = boost::coroutines2::coroutine<int>;
    log_type log;
    gen g([&log](gen::yielder& yield) {
        coro::pull_type source([&log](coro::push_type& sink) {
            for (int i = 10; i <= 30; i += 10) {
                log.push_back("source " + std::to_string(i));
                sink(i);
            }
        });
        yield.from(source);
        yield(40);
    });
    BOOST_TEST(g.next() == 10);
    BOOST_TEST(g.next() == 20);
    BOOST_TEST(log == (log_type{"source 10", "source 20"}), boost::test_tools::per_element());
    BOOST_TEST(g.next() == 30);
    BOOST_TEST(g.next() == 40);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.size() == 3u);
}

// Python: def sub(): yield 10; yield 11; return 5
//         def gen(): yield from [1, 2]; r = yield from sub(); yield r; yield from (3,)
//         list(gen()) == [1, 2, 10, 11, 5, 3]
BOOST_AUTO_TEST_CASE(range_then_subgenerator_then_range) {
    gen g([](gen::yielder& yield) {
        yield.from(ints{1, 2});
        int const r = yield.from(rgen([](rgen::yielder& sub) {
            sub(10);
            sub(11);
            return 5;
        }));
        yield(r);
        yield.from({3});
    });
    BOOST_TEST(drain(g) == (ints{1, 2, 10, 11, 5, 3}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield from [1, 2]    # ints consumed as floats by the caller
//         [float(v) for v in gen()] == [1.0, 2.0]
BOOST_AUTO_TEST_CASE(elements_convert_to_the_yield_type) {
    std::vector<int> const v{1, 2, -3};
    lgen g([&v](lgen::yielder& yield) { yield.from(v); });
    BOOST_TEST(drain(g) == (std::vector<long>{1L, 2L, -3L}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             except AttributeError as e: log.append(str(e)); yield 100
//             yield 101
//         g = gen(); next(g); g.send(5) == 100; next(g) == 101
BOOST_AUTO_TEST_CASE(send_value_raises_attribute_error_inside_the_delegator) {
    log_type log;
    sgen g([&log](sgen::yielder& yield) {
        try {
            yield.from(ints{1, 2, 3});
            log.push_back("range ended");
        } catch (pygen::attribute_error const& e) {
            log.push_back(e.what());
            yield(100);
        }
        yield(101);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(5) == 100);
    BOOST_TEST(log == (log_type{no_send}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 101);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             while True:
//                 try: yield from [1, 2, 3]; break
//                 except AttributeError: yield -1
//         g = gen(); [next(g), g.send(1), next(g), next(g), next(g)] == [1, -1, 1, 2, 3]
BOOST_AUTO_TEST_CASE(delegator_catches_attribute_error_and_delegates_again) {
    sgen g([](sgen::yielder& yield) {
        for (;;) {
            try {
                yield.from({1, 2, 3});
                break;
            } catch (pygen::attribute_error const&) {
                yield(-1);
            }
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(1) == -1);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             finally: log.append('finally')
//         g = gen(); next(g); g.send(5)  -> AttributeError out of send; finally ran; GEN_CLOSED
BOOST_AUTO_TEST_CASE(uncaught_attribute_error_leaves_send_and_closes) {
    log_type log;
    sgen g([&log](sgen::yielder& yield) {
        recorder r(log, "body");
        yield.from(ints{1, 2, 3});
        log.push_back("range ended");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::attribute_error>([&g] { g.send(5); }) == no_send);
    BOOST_TEST(log == (log_type{"~body"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen(): yield from [1, 2, 3]; yield 4
//         g = gen(); [next(g), g.send(None), next(g), g.send(None)] == [1, 2, 3, 4]
BOOST_AUTO_TEST_CASE(send_none_and_next_are_fine) {
    sgen g([](sgen::yielder& yield) {
        yield.from(ints{1, 2, 3});
        yield(4);
    });
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(g.send(pygen::none) == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(g.send(pygen::none) == 4);
    BOOST_CHECK_THROW(g.send(pygen::none), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub():
//             try: yield from [1, 2]
//             except AttributeError: yield 50
//         def gen(): yield from sub()
//         g = gen(); next(g); g.send(3) == 50      (the sub, which delegates to the list, gets it)
BOOST_AUTO_TEST_CASE(send_through_a_subgenerator_reaches_the_innermost_range) {
    log_type log;
    sgen g([&log](sgen::yielder& yield) {
        try {
            yield.from(sgen([&log](sgen::yielder& sub) {
                try {
                    sub.from({1, 2});
                } catch (pygen::attribute_error const& e) {
                    log.push_back(std::string("sub: ") + e.what());
                    sub(50);
                }
            }));
        } catch (pygen::attribute_error const&) {
            log.push_back("outer caught it");
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(3) == 50);
    BOOST_TEST(log == (log_type{std::string("sub: ") + no_send}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.size() == 1u);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             except KeyError: yield 100
//             yield 101
//         g = gen(); next(g); g.throw(KeyError) == 100; next(g) == 101
BOOST_AUTO_TEST_CASE(throw_raises_in_the_delegator_and_can_be_caught) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield.from(ints{1, 2, 3});
            log.push_back("range ended");
        } catch (std::out_of_range const& e) {
            log.push_back(std::string("caught ") + e.what());
            yield(100);
        }
        yield(101);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.throw_(std::out_of_range("k")) == 100);
    BOOST_TEST(log == (log_type{"caught k"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 101);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             finally: log.append('finally')
//         g = gen(); next(g); g.throw(KeyError('x'))  -> KeyError out of throw; finally ran; GEN_CLOSED
BOOST_AUTO_TEST_CASE(uncaught_throw_propagates_with_its_type_and_closes) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        recorder r(log, "body");
        yield.from(ints{1, 2, 3});
        log.push_back("range ended");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<std::out_of_range>([&g] { g.throw_(std::out_of_range("x")); }) == "x");
    BOOST_TEST(log == (log_type{"~body"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: g = gen(); next(g); g.throw(StopIteration('s'))   # gen delegates to [1, 2, 3]
//         -> RuntimeError: generator raised StopIteration, __cause__ the StopIteration (PEP 479)
BOOST_AUTO_TEST_CASE(thrown_stop_iteration_becomes_pep479_runtime_error) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        recorder r(log, "body");
        yield.from(ints{1, 2, 3});
    });
    BOOST_TEST(g.next() == 1);
    bool nested_stop = false;
    std::string what;
    try {
        g.throw_(pygen::stop_iteration());
    } catch (pygen::runtime_error const& e) {
        what = e.what();
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const&) {
            nested_stop = true;
        }
    }
    BOOST_TEST(what == "generator raised StopIteration");
    BOOST_TEST(nested_stop);
    BOOST_TEST(log == (log_type{"~body"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             except GeneratorExit: log.append('exit'); raise
//             finally: log.append('finally')
//         g = gen(); next(g); g.close()  -> log == ['exit', 'finally']; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_raises_generator_exit_in_the_delegator) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        recorder r(log, "body");
        try {
            yield.from(ints{1, 2, 3});
            log.push_back("range ended");
        } catch (pygen::generator_exit const&) {
            log.push_back("exit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    g.close();
    BOOST_TEST(log == (log_type{"exit", "~body"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             except GeneratorExit: yield 7
//         g = gen(); next(g); g.close()  -> RuntimeError: generator ignored GeneratorExit; GEN_SUSPENDED
BOOST_AUTO_TEST_CASE(yielding_after_close_while_delegating_is_ignored_generator_exit) {
    gen g([](gen::yielder& yield) {
        try {
            yield.from(ints{1, 2, 3});
        } catch (pygen::generator_exit const&) {
            yield(7);
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::runtime_error>([&g] { g.close(); }) == "generator ignored GeneratorExit");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield from [1, 2, 3]
//             finally: log.append('finally')
//         g = gen(); next(g); del g  -> log == ['finally']   (finalization closes it)
BOOST_AUTO_TEST_CASE(destroying_a_delegator_runs_its_cleanup) {
    log_type log;
    std::vector<std::exception_ptr> unraisable;
    {
        hook_guard guard([&unraisable](std::exception_ptr e) { unraisable.push_back(e); });
        gen g([&log](gen::yielder& yield) {
            recorder r(log, "body");
            try {
                yield.from(ints{1, 2, 3});
            } catch (pygen::generator_exit const&) {
                log.push_back("exit");
                throw;
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(log == (log_type{"exit", "~body"}), boost::test_tools::per_element());
    BOOST_TEST(unraisable.empty());
}
