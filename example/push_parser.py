# A push parser for "key = value" lines: the text is sent in one character at a time, as it
# would arrive from a socket, and the parser keeps its place between characters in its own
# control flow instead of a state variable. Each send() returns None, or the item that
# character completed: (key, value), or ("error", message) for a bad line. The caller's
# decoder throws a ParseError in when a character is not printable; the parser reports it at
# once, as what throw() returns, and skips the rest of that line.

class ParseError(Exception):
    pass

def parse_config():
    item = None
    number = 0
    while True:
        number += 1
        line = ""
        c = ""
        try:
            c = yield item
            item = None
            while c != "\n":
                line += c
                c = yield None
            key, sep, value = line.partition("=")
            if not sep:
                raise ParseError("expected '='")
            if not key.strip():
                raise ParseError("empty key")
            item = (key.strip(), value.strip())
        except ParseError as e:
            error = ("error", "line %d: %s" % (number, e))
            if c == "\n":
                item = error
            else:
                # thrown in mid-line: report it now, skip to the end of the line
                c = yield error
                while c != "\n":
                    c = yield None
                item = None

text = ("name = pygen\n"
        "version=1.0\n"
        "just some words\n"
        " = no key\n"
        "stack = 128\tKiB\n"
        "empty =\n"
        "yield = from\n")

parser = parse_config()
next(parser)
for c in text:
    if c.isprintable() or c == "\n":
        item = parser.send(c)
    else:
        item = parser.throw(ParseError("unprintable character %d" % ord(c)))
    if item is not None:
        kind, value = item
        print("%s: [%s]" % (kind, value))
parser.close()
