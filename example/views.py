from itertools import count, islice, takewhile

def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def primes():
    """An unbounded sieve of Eratosthenes: each composite number waits in `composites` under
    its next multiple to come, with the primes that divide it."""
    composites = {}
    n = 2
    while True:
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)
        n += 1

print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 4)))
print(list(islice(filter(lambda n: n % 3 == 0, count()), 5)))
print(list(islice(fibonacci(), 12)))
print(list(takewhile(lambda p: p < 60, primes())))
print(list(islice(map(lambda p: p * p, primes()), 6)))
print(sum(islice(filter(lambda f: f % 2 == 0, fibonacci()), 10)))
print(next(p for p in primes() if p > 1000))
print(list(islice(map(lambda f: f * f, filter(lambda f: f % 2 == 1, fibonacci())), 2, 6)))
