import collections
import types

# PEP 342, example 3, for Python 3, and round robin: a task that yields None goes to the back
# of the queue, and a task's return value (StopIteration.value since PEP 380) goes to its
# caller, as a yielded result does.

class Trampoline:
    """Manage communications between coroutines"""

    running = False

    def __init__(self):
        self.queue = collections.deque()
        self.results = []

    def add(self, coroutine):
        """Request that a coroutine be executed"""
        self.schedule(coroutine)

    def run(self):
        result = None
        self.running = True
        try:
            while self.running and self.queue:
               func = self.queue.popleft()
               result = func()
            return result
        finally:
            self.running = False

    def stop(self):
        self.running = False

    def schedule(self, coroutine, stack=(), val=None, exc=None):
        def resume():
            value = val
            try:
                if exc:
                    value = coroutine.throw(exc)
                else:
                    value = coroutine.send(value)
            except StopIteration as e:
                # the coroutine returned: its value goes to the "caller", as a yielded result
                if stack:
                    self.schedule(stack[0], stack[1], e.value)
                else:
                    self.results.append(e.value)
                return
            except Exception as e:
                if stack:
                    # send the error back to the "caller"
                    self.schedule(stack[0], stack[1], exc=e)
                    return
                else:
                    # Nothing left in this pseudothread to
                    # handle it, let it propagate to the
                    # run loop
                    raise

            if isinstance(value, types.GeneratorType):
                # Yielded to a specific coroutine, push the
                # current one on the stack, and call the new
                # one with no args
                self.schedule(value, (coroutine,stack))

            elif value is None:
                # Yielded nothing: let the others run, then resume
                self.schedule(coroutine, stack)

            elif stack:
                # Yielded a result, pop the stack and send the
                # value to the caller
                self.schedule(stack[0], stack[1], value)

            # else: this pseudothread has ended

        self.queue.append(resume)

# Tasks. A sub-coroutine is called by yielding it; it answers by yielding a value or returning.

def add(a, b):
    yield                  # a sub-coroutine lets the others run too
    return a + b

def square(x):
    yield x * x            # PEP 342's way to answer: yield a non-generator value

def divide(a, b):
    yield
    if b == 0:
        raise ZeroDivisionError("division by zero")
    return a // b

def worker(name, a, b):
    total = yield add(a, b)
    print(name, "a + b =", total)
    squared = yield square(total)
    print(name, "squared:", squared)
    try:
        quotient = yield divide(squared, b)
        print(name, "quotient:", quotient)
    except ZeroDivisionError as e:
        print(name, "caught:", e)
        quotient = -1
    return quotient

def ticker(n):
    for i in range(n):
        print("tick", i)
        yield
    return n

t = Trampoline()
t.add(worker("w1", 3, 4))
t.add(ticker(4))
t.add(worker("w2", 5, 0))
t.run()
print("results in order of completion:", t.results)
