// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Finalization by the destructor and the unraisable hook (items 22-25, 28-30; traps 1 and 4).
#define BOOST_TEST_MODULE finalization
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <cstdio>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include <unistd.h>

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;

// A hook that keeps what it receives.
pygen::unraisable_hook collect_into(std::vector<std::exception_ptr>& errors) {
    return [&errors](std::exception_ptr error) { errors.push_back(error); };
}

// Sends file descriptor 2 to a temporary file until finish().
class stderr_capture {
public:
    stderr_capture() : file_(std::tmpfile()), saved_(-1) {
        BOOST_REQUIRE(file_ != nullptr);
        std::fflush(stderr);
        saved_ = ::dup(2);
        BOOST_REQUIRE(saved_ >= 0);
        BOOST_REQUIRE(::dup2(::fileno(file_), 2) == 2);
    }
    stderr_capture(stderr_capture const&) = delete;
    stderr_capture& operator=(stderr_capture const&) = delete;
    ~stderr_capture() {
        restore();
        std::fclose(file_);
    }

    // Restores stderr and returns what was written to it meanwhile.
    std::string finish() {
        restore();
        std::rewind(file_);
        std::string text;
        char buffer[512];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) {
            text.append(buffer, n);
        }
        return text;
    }

private:
    void restore() {
        if (saved_ >= 0) {
            std::fflush(stderr);
            ::dup2(saved_, 2);
            ::close(saved_);
            saved_ = -1;
        }
    }

    std::FILE* file_;
    int saved_;
};

std::vector<std::string> lines_of(std::string const& text) {
    std::vector<std::string> lines;
    std::string::size_type start = 0;
    while (start < text.size()) {
        std::string::size_type const end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool starts_with(std::string const& s, std::string const& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// A body that answers GeneratorExit with another yield.
struct ignores_generator_exit {
    log_type* log;
    void operator()(gen::yielder& yield) const {
        recorder local(*log, "local");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log->push_back("caught GeneratorExit");
            yield(2);
            log->push_back("resumed after GeneratorExit");
        }
        log->push_back("body end");
    }
};

} // namespace

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: log('catch')
//             log('after try')
//         g = gen(); next(g); del g      -> GeneratorExit at the yield, except and locals run
BOOST_AUTO_TEST_CASE(destroying_suspended_generator_raises_generator_exit_at_the_yield) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen g([&log](gen::yielder& yield) {
            recorder outer(log, "outer");
            try {
                recorder inner(log, "inner");
                yield(1);
                log.push_back("resumed");
            } catch (pygen::generator_exit const& e) {
                log.push_back(std::string("catch ") + e.what());
            }
            log.push_back("after try");
        });
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.state() == pygen::gen_state::suspended);
        BOOST_TEST(log.empty());
    }
    log_type const expected = {"~inner", "catch GeneratorExit", "after try", "~outer"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: GeneratorExit derives from BaseException, so `except Exception:` does not see it:
//         try: yield 1
//         except Exception: log('wrong')
//         finally: log('finally')
BOOST_AUTO_TEST_CASE(finalization_passes_catch_std_exception) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            try {
                yield(1);
            } catch (std::exception const&) {
                log.push_back("caught as std::exception");
            }
            log.push_back("after try");
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: def gen(state): log('body'); yield 1
//         g = gen(state); del g      -> no body code runs; the frame (and `state`) is released
BOOST_AUTO_TEST_CASE(destroying_created_generator_runs_no_body_but_destroys_captured_state) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    std::shared_ptr<int> state = std::make_shared<int>(7);
    std::weak_ptr<int> watch = state;
    {
        gen g([&log, state](gen::yielder& yield) {
            log.push_back("body");
            yield(*state);
        });
        state.reset();
        BOOST_TEST(!watch.expired()); // the body holds the only reference
        BOOST_TEST(g.state() == pygen::gen_state::created);
    }
    BOOST_TEST(watch.expired());
    BOOST_TEST(log.empty());
    BOOST_TEST(errors.empty());
}

// Python: g = gen(); list(g); del g          -> nothing runs at collection
//         g = failing(); next(g) -> raises; del g -> nothing runs either
BOOST_AUTO_TEST_CASE(destroying_finished_generator_runs_nothing) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("caught GeneratorExit");
            }
            log.push_back("body end");
        });
        BOOST_TEST(g.next() == 1);
        BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
        BOOST_TEST(g.state() == pygen::gen_state::closed);
        log_type const expected = {"body end", "~local"};
        BOOST_TEST(log == expected, boost::test_tools::per_element());
        log.clear();
    }
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            yield(1);
            throw body_error("failed");
        });
        BOOST_TEST(g.next() == 1);
        BOOST_CHECK_THROW(g.next(), body_error);
        BOOST_TEST(g.state() == pygen::gen_state::closed);
        log_type const expected = {"~local"};
        BOOST_TEST(log == expected, boost::test_tools::per_element());
        log.clear();
    }
    BOOST_TEST(log.empty());
    BOOST_TEST(errors.empty());
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: raise RuntimeError('cleanup failed')
//         g = gen(); next(g); del g   -> sys.unraisablehook gets the RuntimeError; del does not raise
BOOST_AUTO_TEST_CASE(error_raised_during_finalization_goes_to_the_hook) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("caught GeneratorExit");
                throw std::runtime_error("cleanup failed");
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    log.push_back("destructor returned");
    log_type const expected = {"caught GeneratorExit", "~local", "destructor returned"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<std::runtime_error>(errors[0]) == "cleanup failed");
    bool caught = false;
    try {
        std::rethrow_exception(errors[0]);
    } catch (std::runtime_error const& e) {
        caught = typeid(e) == typeid(std::runtime_error) && std::string(e.what()) == "cleanup failed";
    }
    BOOST_TEST(caught);
}

// Python: except GeneratorExit: raise StopIteration  -> the hook gets
//         RuntimeError('generator raised StopIteration') whose __cause__ is the StopIteration (items 25, 30)
BOOST_AUTO_TEST_CASE(stop_iteration_raised_during_finalization_reaches_hook_as_runtime_error) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    {
        gen g([](gen::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                throw pygen::stop_iteration();
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST((describe<pygen::runtime_error, false>(errors[0]) == "generator raised StopIteration"));
    bool nested_stop = false;
    try {
        std::rethrow_exception(errors[0]);
    } catch (pygen::runtime_error const& e) {
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const&) {
            nested_stop = true;
        }
    }
    BOOST_TEST(nested_stop);
}

// Python: except GeneratorExit: raise       -> close() succeeds: nothing is reported
//         except GeneratorExit: return 5    -> 3.11 drops the value: nothing is reported (item 22)
BOOST_AUTO_TEST_CASE(finalization_that_ends_normally_reports_nothing) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen g([&log](gen::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("rethrow");
                throw;
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    {
        pygen::generator<int, void, int> g([&log](pygen::generator<int, void, int>::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("return 5");
                return 5;
            }
            return 0;
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"rethrow", "return 5"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: old = sys.unraisablehook; sys.unraisablehook = h1; ... the previous hook comes back
//         from set_unraisable_hook (pygen's swap of sys.unraisablehook)
BOOST_AUTO_TEST_CASE(set_unraisable_hook_returns_previous_hook) {
    int h1_calls = 0;
    int h2_calls = 0;
    pygen::unraisable_hook const h1 = [&h1_calls](std::exception_ptr) { ++h1_calls; };
    pygen::unraisable_hook const h2 = [&h2_calls](std::exception_ptr) { ++h2_calls; };

    pygen::unraisable_hook const original = pygen::set_unraisable_hook(h1);
    pygen::unraisable_hook previous = pygen::set_unraisable_hook(h2);
    BOOST_TEST_REQUIRE(static_cast<bool>(previous));
    previous(std::exception_ptr());
    BOOST_TEST(h1_calls == 1);
    BOOST_TEST(h2_calls == 0);

    previous = pygen::set_unraisable_hook(pygen::unraisable_hook());
    BOOST_TEST_REQUIRE(static_cast<bool>(previous));
    previous(std::exception_ptr());
    BOOST_TEST(h1_calls == 1);
    BOOST_TEST(h2_calls == 1);

    // What was installed last is the empty function (the default), and that is what comes back.
    previous = pygen::set_unraisable_hook(original);
    BOOST_TEST(!previous);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: yield 2
//         g = gen(); next(g); del g
//   stderr: Exception ignored in: <generator object gen at 0x...>
//           ... RuntimeError: generator ignored GeneratorExit
BOOST_AUTO_TEST_CASE(empty_hook_restores_default_which_prints_to_stderr) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    // The empty function restores the default: the collecting hook above must not be called.
    pygen::unraisable_hook const collecting = pygen::set_unraisable_hook(pygen::unraisable_hook());
    BOOST_TEST(static_cast<bool>(collecting));
    log_type log;
    std::string text;
    {
        stderr_capture capture;
        {
            gen g(ignores_generator_exit{&log});
            BOOST_TEST(g.next() == 1);
        }
        text = capture.finish();
    }
    BOOST_TEST(errors.empty());
    std::vector<std::string> const lines = lines_of(text);
    BOOST_TEST_REQUIRE(lines.size() >= 2u);
    BOOST_TEST(starts_with(lines[0], "Exception ignored in: <pygen::generator object at 0x"));
    BOOST_TEST(lines[0].back() == '>');
    BOOST_TEST(lines[1] == "pygen::runtime_error: generator ignored GeneratorExit");
    BOOST_TEST(text.back() == '\n');
    // The stack was still unwound.
    log_type const expected = {"caught GeneratorExit", "~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: the same body; sys.unraisablehook receives RuntimeError('generator ignored GeneratorExit').
//   pygen then unwinds the stack by force (CPython leaves the frame to the garbage collector).
BOOST_AUTO_TEST_CASE(ignored_generator_exit_is_reported_and_stack_unwound_by_force) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr error) {
        log.push_back("hook");
        errors.push_back(error);
    });
    {
        gen g(ignores_generator_exit{&log});
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.state() == pygen::gen_state::suspended);
    }
    log.push_back("destructor returned");
    log_type const expected = {"caught GeneratorExit", "hook", "~local", "destructor returned"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == "generator ignored GeneratorExit");
}

// Python: def gen():
//             while True:
//                 try: yield 1
//                 except GeneratorExit: pass
//         g = gen(); next(g); del g      -> reported once
BOOST_AUTO_TEST_CASE(loop_that_always_ignores_generator_exit_is_reported_once_then_unwound) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    int exits_caught = 0;
    {
        gen g([&log, &exits_caught](gen::yielder& yield) {
            recorder local(log, "local");
            for (;;) {
                try {
                    yield(1);
                } catch (pygen::generator_exit&) {
                    ++exits_caught;
                }
            }
        });
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(exits_caught == 1);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == "generator ignored GeneratorExit");
    log_type const expected = {"~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: sys.unraisablehook = a hook that raises; del g
//   -> stderr: "Exception ignored in sys.unraisablehook: <function hook ...>" and the hook's
//   error (not the original one); nothing propagates.
BOOST_AUTO_TEST_CASE(throwing_hook_does_not_escape_and_falls_back_to_printing) {
    int hook_calls = 0;
    hook_guard guard([&hook_calls](std::exception_ptr) {
        ++hook_calls;
        throw std::logic_error("hook failed");
    });
    log_type log;
    std::string text;
    {
        stderr_capture capture;
        {
            gen g(ignores_generator_exit{&log});
            BOOST_TEST(g.next() == 1);
        }
        log.push_back("destructor returned");
        text = capture.finish();
    }
    BOOST_TEST(hook_calls == 1);
    std::vector<std::string> const lines = lines_of(text);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0] == "Exception ignored in the unraisable hook (pygen::set_unraisable_hook)");
    BOOST_TEST(lines[1] == "std::logic_error: hook failed");
    log_type const expected = {"caught GeneratorExit", "~local", "destructor returned"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: g = gen_a(); next(g); g = gen_b()   -> gen_a is closed when the name is rebound
BOOST_AUTO_TEST_CASE(move_assignment_finalizes_suspended_target_first) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    gen g([&log](gen::yielder& yield) {
        recorder local(log, "a.local");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("a caught GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    gen other([&log](gen::yielder& yield) {
        log.push_back("b started");
        yield(10);
        yield(20);
    });
    BOOST_TEST(other.next() == 10);
    log.push_back("assigning");
    g = std::move(other);
    log.push_back("assigned");
    log_type const expected = {"b started", "assigning", "a caught GeneratorExit", "~a.local", "assigned"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 20);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(errors.empty());
}

namespace {

// Leaves by an exception while `g` is suspended: the destructor finalizes `g` during unwinding.
void throw_with_suspended_generator(log_type& log) {
    gen g([&log](gen::yielder& yield) {
        recorder local(log, "local");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            // The body may use exceptions of its own while the caller's one is in flight.
            try {
                throw body_error("inner");
            } catch (body_error const& e) {
                log.push_back(std::string("body handled ") + e.what());
            }
            log.push_back("caught GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    throw caller_error("caller failed");
}

} // namespace

// Python: def f():
//             g = gen(); next(g)
//             raise CallerError('caller failed')   -> g is closed while the error propagates;
//         try: f()  except CallerError as e: ...   the CallerError arrives intact (trap 4)
BOOST_AUTO_TEST_CASE(caller_exception_survives_finalization_during_unwinding) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    std::string caught;
    try {
        throw_with_suspended_generator(log);
    } catch (caller_error const& e) {
        caught = std::string("caller_error: ") + e.what();
    } catch (...) {
        caught = "other exception";
    }
    BOOST_TEST(caught == "caller_error: caller failed");
    log_type const expected = {"body handled inner", "caught GeneratorExit", "~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
    BOOST_TEST(!std::current_exception());
}

// Python: try: raise CallerError('outer')
//         except CallerError:
//             g = gen(); next(g)   # gen is paused at a yield inside its own `except BodyError:`
//             del g
//             raise                # still the CallerError (traps 1 + 4)
BOOST_AUTO_TEST_CASE(generator_destroyed_in_its_own_catch_while_caller_is_in_a_catch) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    std::string caught;
    try {
        try {
            throw caller_error("outer");
        } catch (caller_error const&) {
            {
                gen g([&log](gen::yielder& yield) {
                    recorder local(log, "local");
                    try {
                        throw body_error("body");
                    } catch (body_error const&) {
                        yield(1);
                        log.push_back("resumed");
                    }
                });
                BOOST_TEST(g.next() == 1);
            }
            log.push_back("generator destroyed");
            throw;
        }
    } catch (caller_error const& e) {
        caught = std::string("caller_error: ") + e.what();
    } catch (body_error const& e) {
        caught = std::string("body_error: ") + e.what();
    } catch (...) {
        caught = "other exception";
    }
    BOOST_TEST(caught == "caller_error: outer");
    log_type const expected = {"~local", "generator destroyed"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
    BOOST_TEST(!std::current_exception());
}

// Python: g = gen(); next(g)   # gen is paused at a yield inside its own `except BodyError:`
//         try: raise CallerError('outer')
//         except CallerError:
//             del g                # finalized from inside the caller's handler
//             raise                # still the CallerError (traps 1 + 4, the order reversed)
BOOST_AUTO_TEST_CASE(generator_suspended_in_its_catch_destroyed_from_a_later_caller_catch) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    std::unique_ptr<gen> g(new gen([&log](gen::yielder& yield) {
        recorder local(log, "local");
        try {
            throw body_error("body");
        } catch (body_error const&) {
            yield(1);
            log.push_back("resumed");
        }
    }));
    BOOST_TEST(g->next() == 1);
    std::string caught;
    try {
        try {
            throw caller_error("outer");
        } catch (caller_error const&) {
            g.reset();
            log.push_back("generator destroyed");
            throw;
        }
    } catch (caller_error const& e) {
        caught = std::string("caller_error: ") + e.what();
    } catch (body_error const& e) {
        caught = std::string("body_error: ") + e.what();
    } catch (...) {
        caught = "other exception";
    }
    BOOST_TEST(caught == "caller_error: outer");
    log_type const expected = {"~local", "generator destroyed"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
    BOOST_TEST(!std::current_exception());
}

// Python: g1, g2 = gen(), gen(); next(g1); next(g2); del g1, g2  -> each closed once, in turn;
//   one ignores GeneratorExit and is reported, the other is not
BOOST_AUTO_TEST_CASE(each_generator_is_finalized_and_reported_on_its_own) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    {
        gen quiet([&log](gen::yielder& yield) {
            recorder local(log, "quiet.local");
            yield(1);
        });
        gen ignoring(ignores_generator_exit{&log});
        BOOST_TEST(quiet.next() == 1);
        BOOST_TEST(ignoring.next() == 1);
    }
    // Locals are destroyed in reverse order: `ignoring` first.
    log_type const expected = {"caught GeneratorExit", "~local", "~quiet.local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == "generator ignored GeneratorExit");
}
