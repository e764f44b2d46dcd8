// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Non-preemptive multitasking with PEP 342's trampoline, a round-robin scheduler of generator
// tasks that call sub-tasks and get their results and exceptions back. It is PEP 342's example
// 3, "A simple co-routine scheduler or *trampoline* that lets coroutines *call* other
// coroutines by yielding the coroutine they wish to invoke. Any non-generator value yielded by
// a coroutine is returned to the coroutine that *called* the one yielding the value.
// Similarly, if a coroutine raises an exception, the exception is propagated to its *caller*."
// Tasks take turns in a deque of resumptions; a task runs until it yields, and nothing
// interrupts it.
//
// Python's trampoline tells a call from a result by the type of what was yielded
// (isinstance(value, types.GeneratorType)), and None from both. A C++ generator yields one
// type, so a task yields a `step`: a small tagged struct of the three things Python tells
// apart (pass the turn, call a sub-task, answer with a result). A task is a
// generator<step, int, int>: sub-task results come back into it through send(), and it
// returns an int. Python's `stack` tuples (coroutine, stack) are a linked list of shared
// callers; an exception goes to the caller as an std::exception_ptr, thrown in with throw_.
//
// The Python original, example/trampoline.py:
//
//     import collections
//     import types
//
//     # PEP 342, example 3, for Python 3, and round robin: a task that yields None goes to the back
//     # of the queue, and a task's return value (StopIteration.value since PEP 380) goes to its
//     # caller, as a yielded result does.
//
//     class Trampoline:
//         """Manage communications between coroutines"""
//
//         running = False
//
//         def __init__(self):
//             self.queue = collections.deque()
//             self.results = []
//
//         def add(self, coroutine):
//             """Request that a coroutine be executed"""
//             self.schedule(coroutine)
//
//         def run(self):
//             result = None
//             self.running = True
//             try:
//                 while self.running and self.queue:
//                    func = self.queue.popleft()
//                    result = func()
//                 return result
//             finally:
//                 self.running = False
//
//         def stop(self):
//             self.running = False
//
//         def schedule(self, coroutine, stack=(), val=None, exc=None):
//             def resume():
//                 value = val
//                 try:
//                     if exc:
//                         value = coroutine.throw(exc)
//                     else:
//                         value = coroutine.send(value)
//                 except StopIteration as e:
//                     # the coroutine returned: its value goes to the "caller", as a yielded result
//                     if stack:
//                         self.schedule(stack[0], stack[1], e.value)
//                     else:
//                         self.results.append(e.value)
//                     return
//                 except Exception as e:
//                     if stack:
//                         # send the error back to the "caller"
//                         self.schedule(stack[0], stack[1], exc=e)
//                         return
//                     else:
//                         # Nothing left in this pseudothread to
//                         # handle it, let it propagate to the
//                         # run loop
//                         raise
//
//                 if isinstance(value, types.GeneratorType):
//                     # Yielded to a specific coroutine, push the
//                     # current one on the stack, and call the new
//                     # one with no args
//                     self.schedule(value, (coroutine,stack))
//
//                 elif value is None:
//                     # Yielded nothing: let the others run, then resume
//                     self.schedule(coroutine, stack)
//
//                 elif stack:
//                     # Yielded a result, pop the stack and send the
//                     # value to the caller
//                     self.schedule(stack[0], stack[1], value)
//
//                 # else: this pseudothread has ended
//
//             self.queue.append(resume)
//
//     # Tasks. A sub-coroutine is called by yielding it; it answers by yielding a value or returning.
//
//     def add(a, b):
//         yield                  # a sub-coroutine lets the others run too
//         return a + b
//
//     def square(x):
//         yield x * x            # PEP 342's way to answer: yield a non-generator value
//
//     def divide(a, b):
//         yield
//         if b == 0:
//             raise ZeroDivisionError("division by zero")
//         return a // b
//
//     def worker(name, a, b):
//         total = yield add(a, b)
//         print(name, "a + b =", total)
//         squared = yield square(total)
//         print(name, "squared:", squared)
//         try:
//             quotient = yield divide(squared, b)
//             print(name, "quotient:", quotient)
//         except ZeroDivisionError as e:
//             print(name, "caught:", e)
//             quotient = -1
//         return quotient
//
//     def ticker(n):
//         for i in range(n):
//             print("tick", i)
//             yield
//         return n
//
//     t = Trampoline()
//     t.add(worker("w1", 3, 4))
//     t.add(ticker(4))
//     t.add(worker("w2", 5, 0))
//     t.run()
//     print("results in order of completion:", t.results)

#include <pygen/generator.hpp>

#include <boost/optional.hpp>

#include <deque>
#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct step;
using task = pygen::generator<step, int, int>;

// What a task yields: Python's None, a generator, or any other value.
struct step {
    enum kind_type { pass_turn, call, answer } kind;
    std::shared_ptr<task> callee; // call: the sub-task (shared: the scheduler's queue holds it)
    int value;                    // result
};

step pass_turn() { return step{step::pass_turn, nullptr, 0}; }
step call(task callee) { return step{step::call, std::make_shared<task>(std::move(callee)), 0}; }
step answer(int value) { return step{step::answer, nullptr, value}; }

// Python's (coroutine, stack) tuples: the callers of a running sub-task, innermost first.
struct call_stack;
using stack_ptr = std::shared_ptr<call_stack const>;
struct call_stack {
    std::shared_ptr<task> caller;
    stack_ptr rest;
};

// Manage communications between coroutines.
class trampoline {
public:
    std::vector<int> results;

    // Request that a coroutine be executed.
    void add(task coroutine) { schedule(std::make_shared<task>(std::move(coroutine))); }

    void run() {
        struct finally {
            bool& running;
            ~finally() { running = false; }
        } reset{running};
        running = true;
        while (running && !queue.empty()) {
            std::function<void()> func = std::move(queue.front());
            queue.pop_front();
            func();
        }
    }

    void stop() { running = false; }

private:
    std::deque<std::function<void()>> queue;
    bool running = false;

    // `val`: what to send (none: Python's None); `exc`: what to throw in instead.
    void schedule(std::shared_ptr<task> coroutine, stack_ptr stack = nullptr, boost::optional<int> val = boost::none,
                  std::exception_ptr exc = nullptr) {
        queue.push_back([this, coroutine, stack, val, exc]() { resume(coroutine, stack, val, exc); });
    }

    void resume(std::shared_ptr<task> const& coroutine, stack_ptr const& stack, boost::optional<int> val,
                std::exception_ptr exc) {
        step value;
        try {
            if (exc) {
                value = coroutine->throw_(exc);
            } else if (val) {
                value = coroutine->send(*val);
            } else {
                value = coroutine->send(pygen::none);
            }
        } catch (pygen::stop_iteration const& e) {
            // the coroutine returned: its value goes to the "caller", as a yielded result
            if (stack) {
                schedule(stack->caller, stack->rest, e.value<int>());
            } else {
                results.push_back(e.value<int>());
            }
            return;
        } catch (std::exception const&) {
            if (stack) {
                // send the error back to the "caller"
                schedule(stack->caller, stack->rest, boost::none, std::current_exception());
                return;
            }
            // Nothing left in this pseudothread to handle it, let it propagate to the run loop
            throw;
        }

        switch (value.kind) {
        case step::call:
            // Yielded to a specific coroutine, push the current one on the stack, and call the
            // new one with no args
            schedule(value.callee, std::make_shared<call_stack const>(call_stack{coroutine, stack}));
            break;
        case step::pass_turn:
            // Yielded nothing: let the others run, then resume
            schedule(coroutine, stack);
            break;
        case step::answer:
            if (stack) {
                // Yielded a result, pop the stack and send the value to the caller
                schedule(stack->caller, stack->rest, value.value);
            }
            // else: this pseudothread has ended
            break;
        }
    }
};

// Tasks. A sub-coroutine is called by yielding it; it answers by yielding a value or returning.

task add(int a, int b) {
    return task([a, b](task::yielder& yield) {
        yield(pass_turn()); // a sub-coroutine lets the others run too
        return a + b;
    });
}

task square(int x) {
    return task([x](task::yielder& yield) {
        yield(answer(x * x)); // PEP 342's way to answer: yield a non-generator value
        return 0;             // not reached: the trampoline does not resume a task that answered
    });
}

task divide(int a, int b) {
    return task([a, b](task::yielder& yield) {
        yield(pass_turn());
        if (b == 0) {
            throw std::domain_error("division by zero"); // Python's ZeroDivisionError
        }
        return a / b;
    });
}

task worker(std::string const& name, int a, int b) {
    return task([name, a, b](task::yielder& yield) {
        int total = yield(call(add(a, b)));
        std::cout << name << " a + b = " << total << '\n';
        int squared = yield(call(square(total)));
        std::cout << name << " squared: " << squared << '\n';
        int quotient;
        try {
            quotient = yield(call(divide(squared, b)));
            std::cout << name << " quotient: " << quotient << '\n';
        } catch (std::domain_error const& e) {
            std::cout << name << " caught: " << e.what() << '\n';
            quotient = -1;
        }
        return quotient;
    });
}

task ticker(int n) {
    return task([n](task::yielder& yield) {
        for (int i = 0; i != n; ++i) {
            std::cout << "tick " << i << '\n';
            yield(pass_turn());
        }
        return n;
    });
}

int main() {
    trampoline t;
    t.add(worker("w1", 3, 4));
    t.add(ticker(4));
    t.add(worker("w2", 5, 0));
    t.run();
    std::cout << "results in order of completion: [";
    for (std::size_t i = 0; i != t.results.size(); ++i) {
        std::cout << (i ? ", " : "") << t.results[i];
    }
    std::cout << "]\n";
}
