#ifndef PYGEN_EXCEPTIONS_HPP_INCLUDED
#define PYGEN_EXCEPTIONS_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>

namespace pygen {

// StopIteration: the generator is exhausted. Carries the body's return value (StopIteration.value)
// the first time only.
class stop_iteration : public std::exception {
public:
    stop_iteration() noexcept = default;

    // StopIteration(value). A stop_iteration is a valid value too (Python allows it): the tagged
    // form stores one instead of copying it.
    template <class T, class = typename std::enable_if<
                           !std::is_base_of<stop_iteration, typename std::decay<T>::type>::value>::type>
    explicit stop_iteration(T&& value) : stop_iteration(with_value_t(), std::forward<T>(value)) {}

    struct with_value_t {};

    template <class T>
    stop_iteration(with_value_t, T&& value)
        : type_(&typeid(typename std::decay<T>::type)),
          value_(std::make_shared<typename std::decay<T>::type>(std::forward<T>(value))) {}

    bool has_value() const noexcept { return value_ != nullptr; }

    // T must be the generator's R (cv-qualifiers ignored); anything else is std::bad_cast.
    template <class T> T const& value() const {
        using Value = typename std::remove_cv<T>::type;
        if (!value_ || *type_ != typeid(Value)) {
            throw std::bad_cast();
        }
        return *static_cast<Value const*>(value_.get());
    }

    char const* what() const noexcept override { return "StopIteration"; }

private:
    std::type_info const* type_ = nullptr;
    std::shared_ptr<void const> value_;
};

// GeneratorExit derives from BaseException, not Exception, so that `except Exception` does not
// swallow it. Deriving from nothing gives `catch (std::exception&)` the same blind spot.
class generator_exit {
public:
    char const* what() const noexcept { return "GeneratorExit"; }
};

// ValueError
class value_error : public std::logic_error {
public:
    value_error() : std::logic_error("generator already executing") {}
    explicit value_error(std::string const& what_arg) : std::logic_error(what_arg) {}
    explicit value_error(char const* what_arg) : std::logic_error(what_arg) {}
};

// TypeError
class type_error : public std::logic_error {
public:
    type_error() : std::logic_error("can't send non-None value to a just-started generator") {}
    explicit type_error(std::string const& what_arg) : std::logic_error(what_arg) {}
    explicit type_error(char const* what_arg) : std::logic_error(what_arg) {}
};

// AttributeError
class attribute_error : public std::logic_error {
public:
    attribute_error() : std::logic_error("object has no attribute 'send'") {}
    explicit attribute_error(std::string const& what_arg) : std::logic_error(what_arg) {}
    explicit attribute_error(char const* what_arg) : std::logic_error(what_arg) {}
};

// RuntimeError
class runtime_error : public std::runtime_error {
public:
    explicit runtime_error(std::string const& what_arg) : std::runtime_error(what_arg) {}
    explicit runtime_error(char const* what_arg) : std::runtime_error(what_arg) {}
};

} // namespace pygen

#endif // #ifndef PYGEN_EXCEPTIONS_HPP_INCLUDED
