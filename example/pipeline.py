# David Beazley, "A Curious Course on Coroutines and Concurrency" (PyCon 2009): a source
# pushes lines into a pipeline of coroutines with send(); grep filters, broadcast fans out,
# the sinks print and count. close() at the end goes down the pipeline, and each coroutine
# cleans up as GeneratorExit reaches it.

def coroutine(func):
    def start(*args,**kwargs):
        cr = func(*args,**kwargs)
        next(cr)
        return cr
    return start

# Beazley's follow() tails a file forever; this source sends a fixed list of lines, then
# closes its target.
def follow(lines, target):
    for line in lines:
        target.send(line)
    target.close()

@coroutine
def grep(pattern, target):
    try:
        while True:
            line = (yield)
            if pattern in line:
                target.send(line)
    except GeneratorExit:
        print("grep %r: closing its target" % pattern)
        target.close()

@coroutine
def broadcast(targets):
    try:
        while True:
            item = (yield)
            for target in targets:
                target.send(item)
    except GeneratorExit:
        print("broadcast: closing", len(targets), "targets")
        for target in targets:
            target.close()

@coroutine
def printer(name):
    try:
        while True:
            line = (yield)
            print(name + ":", line)
    except GeneratorExit:
        print(name + ": goodbye")

@coroutine
def counter(name):
    lines = words = 0
    try:
        while True:
            line = (yield)
            lines += 1
            words += len(line.split())
    finally:
        print("%s: %d lines, %d words" % (name, lines, words))

log = [
    "python is fun",
    "ply is a parser for python",
    "swig wraps c code",
    "generators in python",
    "nothing to see here",
    "swig and ply",
]
follow(log,
       broadcast([grep("python", printer("python")),
                  grep("ply", printer("ply")),
                  grep("swig", printer("swig")),
                  counter("all")]))
