# PEP 342, example 1: "A simple consumer decorator that makes a generator function
# automatically advance to its first yield point when initially called". Python 3 spells
# the PEP's gen.next() as next(gen).
def consumer(func):
    def wrapper(*args,**kw):
        gen = func(*args, **kw)
        next(gen)
        return gen
    wrapper.__name__ = func.__name__
    wrapper.__dict__ = func.__dict__
    wrapper.__doc__  = func.__doc__
    return wrapper

# PEP 342, example 2, with lines of text for images: thumbnail_pager becomes pager, which
# puts `pagesize` lines on a page and sends each full page on to another consumer;
# jpeg_writer becomes page_writer, which prints the pages (and says when it is closed).
@consumer
def pager(pagesize, destination):
    while True:
        page = []
        pending = False
        try:
            for row in range(pagesize):
                page.append((yield))
                pending = True
        except GeneratorExit:
            # close() was called, so flush any pending output
            if pending:
                destination.send(page)

            # then close the downstream consumer, and exit
            destination.close()
            return
        else:
            # we finished a page full of lines, so send it
            # downstream and keep on looping
            destination.send(page)

@consumer
def page_writer(name):
    fileno = 1
    try:
        while True:
            page = (yield)
            print("%s/page%04d: %s" % (name, fileno, ", ".join(page)))
            fileno += 1
    finally:
        print(name + ":", fileno - 1, "pages written")

# Put them together to make a function that makes pages from a list of lines.
def write_pages(pagesize, lines, name):
    pipeline = pager(pagesize, page_writer(name))
    for line in lines:
        pipeline.send(line)
    pipeline.close()

write_pages(3, ["a", "b", "c", "d", "e", "f", "g"], "out")
write_pages(2, ["h", "i"], "full")

# Why the decorator: a generator must reach its first yield before send() can pass it a value.
def echo():
    while True:
        print("echo:", (yield))

e = echo()
try:
    e.send("too early")
except TypeError as error:
    print("TypeError:", error)
e = consumer(echo)()
e.send("hello")
