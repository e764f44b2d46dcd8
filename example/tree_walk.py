import inspect

# (a) The Python way: a generator per level of the recursion, each level handing its
# sub-walks' values up with `yield from`.

class Tree:
    """A binary tree."""
    def __init__(self, left, label, right):
        self.left, self.label, self.right = left, label, right

def inorder(t):
    if t:
        yield from inorder(t.left)
        yield t.label
        yield from inorder(t.right)

class Node:
    """An n-ary tree: a directory and what is in it."""
    def __init__(self, name, *children):
        self.name, self.children = name, children

def preorder(node, depth=0):
    """Yields (depth, name) for each node. Send True to skip the inside of the node just
    yielded. Returns the number of nodes visited."""
    try:
        prune = yield depth, node.name
        count = 1
        if not prune:
            for child in node.children:
                count += yield from preorder(child, depth + 1)   # the sub-walk's return value
        return count
    except GeneratorExit:
        print("  GeneratorExit in", node.name)   # close() reaches the innermost level first
        raise

# (b) In C++ the recursion can be a plain function taking the yielder&: it yields on its
# caller's behalf from any depth, and one generator serves the whole walk. Python cannot yield
# from a plain function (a `yield` makes the function a generator), so here the helpers must
# still be generators and every recursive call a `yield from`.

def inorder_visit(t):
    if t:
        yield from inorder_visit(t.left)
        yield t.label
        yield from inorder_visit(t.right)

def inorder_walk(t):
    yield from inorder_visit(t)

def preorder_visit(node, depth):
    try:
        prune = yield depth, node.name
        count = 1
        if not prune:
            for child in node.children:
                count += yield from preorder_visit(child, depth + 1)
        return count
    except GeneratorExit:
        print("  GeneratorExit in", node.name)
        raise

def preorder_walk(root):
    return (yield from preorder_visit(root, 0))

def listing(walk):
    """Drives a walk, one line per node, telling it to skip the inside of every build
    directory. Returns the lines and the walk's return value."""
    lines = []
    try:
        depth, name = next(walk)
        while True:
            lines.append("  " * depth + name)
            depth, name = walk.send(name == "build")   # True: skip what is inside
    except StopIteration as e:
        return lines, e.value

def stop_at(label, walk, wanted):
    """Walks until `wanted`, then stops the walk early with close()."""
    for depth, name in walk:
        if name == wanted:
            break
    print(label, "found", wanted + ", close():")
    walk.close()
    print(inspect.getgeneratorstate(walk))

def leaf(label):
    return Tree(None, label, None)

tree = Tree(Tree(leaf("a"), "b", leaf("c")), "d", Tree(None, "e", leaf("f")))
print("in-order, yield from:", *inorder(tree))
print("in-order, one generator:", *inorder_walk(tree))

fs = Node("project",
          Node("src", Node("main.cpp"), Node("util.cpp")),
          Node("build", Node("main.o"), Node("util.o")),
          Node("docs", Node("index.md")))
lines, count = listing(preorder(fs))
print("\n".join(lines))
print("visited", count, "nodes")
walk_lines, walk_count = listing(preorder_walk(fs))
print("one generator: same listing:", walk_lines == lines, "- visited", walk_count, "nodes")

stop_at("yield from:", preorder(fs), "util.cpp")
stop_at("one generator:", preorder_walk(fs), "util.cpp")
