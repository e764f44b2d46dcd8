def flatten(items, levels=-1):
    """Yields the items of a nested list, flattening at most `levels` levels (-1: all of
    them); lists nested deeper come out whole."""
    if levels == 0:
        yield from items   # a plain list
        return
    for item in items:
        if isinstance(item, list):
            yield from flatten(item, levels - 1)   # a sub-generator
        else:
            yield item

def sources(data, names):
    """Numbers from several places: `yield from` takes any iterable."""
    yield from (10, 20)        # C++: an initializer_list
    yield from [30, 40]        # C++: a std::vector
    yield from names           # a dict gives its keys (C++: the keys of a std::map)
    yield from flatten(data)   # a sub-generator

def running_sum(numbers):
    """A pipeline stage: yields the running total, returns (count, total)."""
    count = total = 0
    for n in numbers:
        count += 1
        total += n
        yield total
    return count, total

def report(data, names):
    """The pipeline: passes the running totals on and turns the return value of the stage it
    delegates to into a summary, its own return value."""
    count, total = yield from running_sum(sources(data, names))
    return f"{count} numbers, total {total}"

data = [1, [2, 3], [], [[4], [5, [6]]], 7]
for levels in (-1, 0, 1, 2):
    print(f"flatten(data, {levels}):", list(flatten(data, levels)))

names = {50: "fifty", 60: "sixty"}
pipeline = report(data, names)
totals = []
try:
    while True:
        totals.append(next(pipeline))
except StopIteration as e:
    summary = e.value
print("running totals:", totals)
print(summary)
