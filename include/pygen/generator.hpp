#ifndef PYGEN_GENERATOR_HPP_INCLUDED
#define PYGEN_GENERATOR_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/body_frame.hpp>
#include <pygen/detail/config.hpp>
#include <pygen/detail/frame.hpp>
#include <pygen/detail/generator_base.hpp>
#include <pygen/detail/iterator.hpp>
#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>
#include <pygen/none.hpp>
#include <pygen/stack.hpp>
#include <pygen/unraisable.hpp>
#include <pygen/yield_from_target.hpp>
#include <pygen/yielder.hpp>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace pygen {

namespace detail {

template <class...> struct make_void { using type = void; };

template <class Body, class Yielder, class = void> struct body_result {};

template <class Body, class Yielder>
struct body_result<Body, Yielder, typename make_void<decltype(std::declval<Body&>()(std::declval<Yielder&>()))>::type> {
    using type = decltype(std::declval<Body&>()(std::declval<Yielder&>()));
};

template <class Body, class Yielder, class = void> struct is_body_callable : std::false_type {};

template <class Body, class Yielder>
struct is_body_callable<Body, Yielder, typename make_void<typename body_result<Body, Yielder>::type>::type>
    : std::true_type {};

template <class Body, class Yielder, class R, bool = is_body_callable<Body, Yielder>::value>
struct is_body_result_ok : std::true_type {}; // not callable: only the first assertion speaks

template <class Body, class Yielder, class R>
struct is_body_result_ok<Body, Yielder, R, true>
    : std::integral_constant<bool, std::is_void<R>::value ||
                                       std::is_convertible<typename body_result<Body, Yielder>::type, R>::value> {};

} // namespace detail

// typing.Generator[Y, S, R]: a generator object whose body yields Y, receives S from send()
// and returns R.
template <class Y, class S = void, class R = void> class generator : public detail::generator_base<Y, S, R> {
    static_assert(
        std::is_void<Y>::value || std::is_lvalue_reference<Y>::value ||
            (std::is_object<Y>::value && !std::is_const<Y>::value && !std::is_volatile<Y>::value &&
             !std::is_array<Y>::value),
        "pygen: Y, the yield type, must be void, an lvalue reference, or an object type that is "
        "not const, volatile or an array: write generator<T> to yield copies of a const T, generator<T const&> "
        "to yield references to it");
    static_assert(std::is_void<S>::value || (std::is_object<S>::value && !std::is_const<S>::value &&
                                             !std::is_volatile<S>::value && !std::is_array<S>::value),
                  "pygen: S, the send type, must be void or an object type that is not const, volatile or an "
                  "array (send a pointer or std::reference_wrapper to pass a reference)");
    static_assert(std::is_void<R>::value || (std::is_object<R>::value && !std::is_const<R>::value &&
                                             !std::is_volatile<R>::value && !std::is_array<R>::value),
                  "pygen: R, the return type, must be void or an object type that is not const, volatile or "
                  "an array (return a pointer or std::reference_wrapper to pass a reference)");

    using base = detail::generator_base<Y, S, R>;
    using send_value_type = typename detail::send_slot<S>::value_type;

public:
    using yield_type = Y;
    using send_type = S;
    using return_type = R;
    using yielder = pygen::yielder<Y, S, R>;
    using iterator = detail::iterator<Y, S, R>;
    using default_stack_allocator = pooled_stack;

    // An empty generator, already closed.
    generator() noexcept = default;

    // Calling a Python generator function: nothing of `body` runs until the first resume.
    template <class Body,
              class = typename std::enable_if<!std::is_same<typename std::decay<Body>::type, generator>::value>::type>
    explicit generator(Body&& body)
        : generator(std::allocator_arg, default_stack_allocator(), std::forward<Body>(body)) {}

    // The same with a Boost.Context stack allocator (fixedsize_stack, protected_fixedsize_stack,
    // pooled_fixedsize_stack, or one of your own).
    template <class StackAllocator, class Body> generator(std::allocator_arg_t, StackAllocator&& salloc, Body&& body) {
        using body_type = typename std::decay<Body>::type;
        static_assert(detail::is_body_callable<body_type, yielder>::value,
                      "pygen: the generator body must be callable as R(yielder&) with this generator's own yielder: "
                      "write the body as `R body(pygen::generator<Y, S, R>::yielder& yield)`, e.g. "
                      "[](gen::yielder& yield) { ... } with gen = pygen::generator<Y, S, R> (C++14: "
                      "[](auto& yield) { ... })");
        static_assert(detail::is_body_result_ok<body_type, yielder, R>::value,
                      "pygen: the generator body returns something that does not convert to R, the "
                      "generator's return type: return an R from the body (`return R(...);`), or declare "
                      "generator<Y, S, R> with the type the body returns");
        static_assert(std::is_move_constructible<body_type>::value,
                      "pygen: the generator body must be move-constructible: it moves onto the generator's "
                      "stack when it starts: capture a non-movable object by reference, or hold it in a "
                      "std::unique_ptr or std::shared_ptr");
        this->frame_.reset(new detail::body_frame<Y, S, R, body_type, typename std::decay<StackAllocator>::type>(
            std::forward<StackAllocator>(salloc), std::forward<Body>(body)));
    }

    generator(generator&& other) noexcept { this->frame_ = std::move(other.frame_); }

    generator& operator=(generator&& other) noexcept {
        if (this != &other) {
            finalize();
            this->frame_ = std::move(other.frame_);
        }
        return *this;
    }

    generator(generator const&) = delete;
    generator& operator=(generator const&) = delete;

    // Python's finalization of a collected generator; never throws.
    ~generator() { finalize(); }

    // next(g)
    Y next() {
        static_assert(std::is_default_constructible<send_value_type>::value,
                      "pygen: next() resumes the body with a value-initialized S, and this S is not "
                      "default-constructible: call send(v), or use boost::optional<S> / std::optional<S> as S");
        if (!this->frame_) {
            throw stop_iteration();
        }
        return this->frame_->next();
    }

    // g.send(v) comes from the base when S is not void; g.send(None) is this one.
    using base::send;
    Y send(none_t) {
        if (!this->frame_) {
            throw stop_iteration();
        }
        return this->frame_->send_none();
    }

    // g.throw(e)
    Y throw_(std::exception_ptr error) {
        if (!this->frame_) {
            if (!error) {
                throw type_error(detail::messages::throw_null());
            }
            std::rethrow_exception(error);
        }
        return this->frame_->throw_(std::move(error));
    }

    // Takes the exception object by value: pass a std::exception_ptr to keep a dynamic type
    // that a reference to a base class would slice.
    template <class E, class = typename std::enable_if<
                           !std::is_same<typename std::decay<E>::type, std::exception_ptr>::value>::type>
    Y throw_(E&& error) {
        return throw_(std::make_exception_ptr(std::forward<E>(error)));
    }

    // g.close()
    void close() {
        if (this->frame_) {
            this->frame_->close();
        }
    }

    // inspect.getgeneratorstate(g)
    gen_state state() const noexcept { return this->frame_ ? this->frame_->state() : gen_state::closed; }

    // for v in g: begin() resumes the generator (and starts a created one).
    iterator begin() {
        static_assert(!std::is_void<Y>::value,
                      "pygen: a generator whose Y is void yields no values to loop over: drive it with "
                      "next() or send()");
        static_assert(std::is_default_constructible<send_value_type>::value,
                      "pygen: a for loop resumes the body with a value-initialized S, and this S is not "
                      "default-constructible: use boost::optional<S> / std::optional<S> as S");
        if (!this->frame_ || !this->frame_->advance()) {
            return end();
        }
        return iterator(this->frame_.get());
    }

    iterator end() noexcept { return iterator(); }

    // g.gi_yieldfrom: what the generator is suspended in a yield.from on, if anything (while it
    // runs, nothing, as in CPython).
    yield_from_target gi_yieldfrom() const noexcept {
        if (!this->frame_ || this->frame_->state() != gen_state::suspended ||
            this->frame_->yield_from_kind_now() == yield_from_kind::none) {
            return yield_from_target();
        }
        detail::frame_base const& f = *this->frame_;
        return yield_from_target(f.yield_from_kind_now(), f.yield_from_type(), f.yield_from_object(),
                                 f.yield_from_state());
    }

private:
    template <class, class, class> friend class pygen::yielder;

    void finalize() noexcept {
        if (this->frame_) {
            if (this->frame_->orphan()) {
                // A suspended yield.from still uses it, as a Python frame would hold a reference.
                static_cast<void>(this->frame_.release());
                return;
            }
            this->frame_->finalize();
            this->frame_.reset();
        }
    }
};

} // namespace pygen

#endif // #ifndef PYGEN_GENERATOR_HPP_INCLUDED
