// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// C++20 ranges over generators (itertools analogues; iteration items 3 and 10). Built by g++ at C++20 and later only.
#define BOOST_TEST_MODULE ranges
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ranges>
#include <string>
#include <vector>

namespace {

using gen = pygen::generator<int>;
using ints = std::vector<int>;

static_assert(std::ranges::input_range<gen>);
static_assert(std::ranges::input_range<pygen::generator<int&>>);
static_assert(std::ranges::input_range<pygen::generator<std::string, int, int>>);
static_assert(!std::ranges::forward_range<gen>, "a generator is single-pass");
static_assert(std::ranges::viewable_range<gen>, "an rvalue generator goes into an owning_view");
static_assert(std::ranges::viewable_range<gen&>, "an lvalue generator goes into a ref_view");
static_assert(std::same_as<std::ranges::range_reference_t<gen>, int&>);
static_assert(std::same_as<std::ranges::range_value_t<gen>, int>);

// def naturals(): i = 0; while True: yield i; i += 1   (with a cleanup flag set when its frame unwinds)
gen naturals(bool* cleaned_up) {
    return gen([cleaned_up](gen::yielder& yield) {
        try {
            for (int i = 0;; ++i) {
                yield(i);
            }
        } catch (pygen::generator_exit const&) {
            *cleaned_up = true;
            throw;
        }
    });
}

} // namespace

// Python: list(itertools.islice(naturals(), 5)) == [0, 1, 2, 3, 4]; g is left suspended, not closed
// C++: take_view's counted_iterator increments the underlying iterator after the fifth element before
// it sees the count is 0, so the generator has produced 5 as well (Python's islice stops before it):
// the next value is 6, where Python gives 5.
BOOST_AUTO_TEST_CASE(take_on_an_infinite_lvalue_generator) {
    bool cleaned_up = false;
    {
        gen g = naturals(&cleaned_up);
        ints seen;
        for (int v : g | std::views::take(5)) {
            seen.push_back(v);
        }
        BOOST_TEST(seen == (ints{0, 1, 2, 3, 4}), boost::test_tools::per_element());
        BOOST_TEST(g.state() == pygen::gen_state::suspended);
        BOOST_TEST(!cleaned_up);
        BOOST_TEST(g.next() == 6);
    }
    // Destroying the suspended generator finalizes it: GeneratorExit at the paused yield.
    BOOST_TEST(cleaned_up);
}

// Python: list(itertools.islice((x * 10 for x in naturals() if x % 2 == 0), 3)) == [0, 20, 40]
// C++: an rvalue generator is owned by the pipeline (owning_view) and finalized with it.
BOOST_AUTO_TEST_CASE(pipeline_over_an_rvalue_generator) {
    bool cleaned_up = false;
    ints seen;
    {
        auto pipeline = naturals(&cleaned_up) | std::views::filter([](int x) { return x % 2 == 0; }) |
                        std::views::transform([](int x) { return x * 10; }) | std::views::take(3);
        for (int v : pipeline) {
            seen.push_back(v);
        }
        BOOST_TEST(!cleaned_up);
    }
    BOOST_TEST(seen == (ints{0, 20, 40}), boost::test_tools::per_element());
    BOOST_TEST(cleaned_up);
}

// Python: for v in gen(): total += v
BOOST_AUTO_TEST_CASE(ranges_for_each) {
    gen g([](gen::yielder& yield) {
        for (int i = 1; i <= 4; ++i) {
            yield(i);
        }
    });
    int total = 0;
    std::ranges::for_each(g, [&total](int v) { total += v; });
    BOOST_TEST(total == 10);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: next(v for v in naturals() if v > 3) == 4; the generator stays suspended after it
BOOST_AUTO_TEST_CASE(ranges_find_stops_early) {
    bool cleaned_up = false;
    gen g = naturals(&cleaned_up);
    auto it = std::ranges::find_if(g, [](int v) { return v > 3; });
    BOOST_TEST((it != std::ranges::end(g)));
    BOOST_TEST(*it == 4);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 5);
    g.close();
    BOOST_TEST(cleaned_up);
}

// Python: def gen(): yield 1; yield 2; return 42
//         [v * 2 for v in gen()] == [2, 4]: the views drop the return value, no StopIteration escapes
BOOST_AUTO_TEST_CASE(views_drop_the_return_value) {
    using ret_gen = pygen::generator<int, void, int>;
    ret_gen g([](ret_gen::yielder& yield) -> int {
        yield(1);
        yield(2);
        return 42;
    });
    ints seen;
    for (int v : g | std::views::transform([](int x) { return x * 2; })) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{2, 4}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: list(itertools.takewhile(lambda v: v < 3, g)) == [0, 1, 2]; takewhile consumed the 3,
//         so next(g) == 4
BOOST_AUTO_TEST_CASE(take_while_consumes_the_first_failing_value) {
    bool cleaned_up = false;
    gen g = naturals(&cleaned_up);
    ints seen;
    for (int v : g | std::views::take_while([](int x) { return x < 3; })) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{0, 1, 2}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 4);
}
