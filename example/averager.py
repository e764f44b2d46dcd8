import inspect

def averager():
    total, count, average = 0.0, 0, None
    try:
        while True:
            try:
                term = yield average
            except ValueError:
                total, count, average = 0.0, 0, None   # reset on request
                continue
            if term is None:
                return count
            total += term
            count += 1
            average = total / count
    finally:
        print("averager: cleanup")

a = averager()
print(inspect.getgeneratorstate(a))
print(next(a))
print(a.send(10))
print(a.send(30))
print(a.throw(ValueError()))
print(a.send(5))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
print(inspect.getgeneratorstate(a))

b = averager()
next(b)
b.send(1)
b.close()
print(inspect.getgeneratorstate(b))
