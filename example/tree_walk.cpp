// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Recursive tree walks, two ways:
//
// (a) Python's way: a generator per level of the recursion, each level handing its sub-walks'
//     values up with `yield.from` (Python's `yield from`), which also gives the sub-walk's
//     return value back.
// (b) The stackful way Python lacks: the recursion is a plain function taking the yielder&.
//     It yields on its caller's behalf from any depth, so one generator serves the whole walk.
//     In Python a `yield` makes the function a generator: the helpers of tree_walk.py have to
//     stay generators, and every recursive call a `yield from`.
//
// Both walks give the same values, take send() the same way (to skip a subtree) and stop the
// same way on close(): the generator_exit unwinds the levels from the innermost out.
//
// The Python original, example/tree_walk.py:
//
//     import inspect
//
//     # (a) The Python way: a generator per level of the recursion, each level handing its
//     # sub-walks' values up with `yield from`.
//
//     class Tree:
//         """A binary tree."""
//         def __init__(self, left, label, right):
//             self.left, self.label, self.right = left, label, right
//
//     def inorder(t):
//         if t:
//             yield from inorder(t.left)
//             yield t.label
//             yield from inorder(t.right)
//
//     class Node:
//         """An n-ary tree: a directory and what is in it."""
//         def __init__(self, name, *children):
//             self.name, self.children = name, children
//
//     def preorder(node, depth=0):
//         """Yields (depth, name) for each node. Send True to skip the inside of the node just
//         yielded. Returns the number of nodes visited."""
//         try:
//             prune = yield depth, node.name
//             count = 1
//             if not prune:
//                 for child in node.children:
//                     count += yield from preorder(child, depth + 1)   # the sub-walk's return value
//             return count
//         except GeneratorExit:
//             print("  GeneratorExit in", node.name)   # close() reaches the innermost level first
//             raise
//
//     # (b) In C++ the recursion can be a plain function taking the yielder&: it yields on its
//     # caller's behalf from any depth, and one generator serves the whole walk. Python cannot yield
//     # from a plain function (a `yield` makes the function a generator), so here the helpers must
//     # still be generators and every recursive call a `yield from`.
//
//     def inorder_visit(t):
//         if t:
//             yield from inorder_visit(t.left)
//             yield t.label
//             yield from inorder_visit(t.right)
//
//     def inorder_walk(t):
//         yield from inorder_visit(t)
//
//     def preorder_visit(node, depth):
//         try:
//             prune = yield depth, node.name
//             count = 1
//             if not prune:
//                 for child in node.children:
//                     count += yield from preorder_visit(child, depth + 1)
//             return count
//         except GeneratorExit:
//             print("  GeneratorExit in", node.name)
//             raise
//
//     def preorder_walk(root):
//         return (yield from preorder_visit(root, 0))
//
//     def listing(walk):
//         """Drives a walk, one line per node, telling it to skip the inside of every build
//         directory. Returns the lines and the walk's return value."""
//         lines = []
//         try:
//             depth, name = next(walk)
//             while True:
//                 lines.append("  " * depth + name)
//                 depth, name = walk.send(name == "build")   # True: skip what is inside
//         except StopIteration as e:
//             return lines, e.value
//
//     def stop_at(label, walk, wanted):
//         """Walks until `wanted`, then stops the walk early with close()."""
//         for depth, name in walk:
//             if name == wanted:
//                 break
//         print(label, "found", wanted + ", close():")
//         walk.close()
//         print(inspect.getgeneratorstate(walk))
//
//     def leaf(label):
//         return Tree(None, label, None)
//
//     tree = Tree(Tree(leaf("a"), "b", leaf("c")), "d", Tree(None, "e", leaf("f")))
//     print("in-order, yield from:", *inorder(tree))
//     print("in-order, one generator:", *inorder_walk(tree))
//
//     fs = Node("project",
//               Node("src", Node("main.cpp"), Node("util.cpp")),
//               Node("build", Node("main.o"), Node("util.o")),
//               Node("docs", Node("index.md")))
//     lines, count = listing(preorder(fs))
//     print("\n".join(lines))
//     print("visited", count, "nodes")
//     walk_lines, walk_count = listing(preorder_walk(fs))
//     print("one generator: same listing:", walk_lines == lines, "- visited", walk_count, "nodes")
//
//     stop_at("yield from:", preorder(fs), "util.cpp")
//     stop_at("one generator:", preorder_walk(fs), "util.cpp")

#include <pygen/generator.hpp>

#include <iostream>
#include <string>
#include <utility>
#include <vector>

// ---- A binary tree, walked in order ----

struct tree {
    tree const* left;
    char label;
    tree const* right;
};

using letters = pygen::generator<char>;

// (a) The trees outlive their walks: a walk holds a pointer, as a Python generator holds a
// reference.
letters inorder(tree const* t) {
    return letters([t](letters::yielder& yield) {
        if (t) {
            yield.from(inorder(t->left));
            yield(t->label);
            yield.from(inorder(t->right));
        }
    });
}

// (b) Each sub-walk of (a) is a generator with a stack of its own; here the recursion runs on
// the one stack of the generator that inorder_walk returns.
void inorder_visit(tree const* t, letters::yielder& yield) {
    if (t) {
        inorder_visit(t->left, yield);
        yield(t->label);
        inorder_visit(t->right, yield);
    }
}

letters inorder_walk(tree const* t) {
    return letters([t](letters::yielder& yield) { inorder_visit(t, yield); });
}

// ---- An n-ary tree (a directory and what is in it), walked in pre-order ----

// A std::vector of the type being defined: guaranteed since C++17 (N4510), and what libstdc++
// and libc++ have always supported.
struct node {
    std::string name;
    std::vector<node> children;
};

// A walk yields (depth, name) for each node. Send it true to skip the inside of the node just
// yielded. It returns the number of nodes visited.
using entry = std::pair<int, std::string>;
using walk_type = pygen::generator<entry, bool, int>;

// (a) The catch that rethrows is the Python original's `except GeneratorExit: ... raise`: it
// shows the cleanups that close() runs (a destructor, like `finally`, would also run at the end
// of a complete walk).
walk_type preorder(node const& n, int depth = 0) {
    node const* p = &n;
    return walk_type([p, depth](walk_type::yielder& yield) -> int {
        try {
            bool prune = yield(entry(depth, p->name));
            int count = 1;
            if (!prune) {
                for (node const& child : p->children) {
                    count += yield.from(preorder(child, depth + 1)); // the sub-walk's return value
                }
            }
            return count;
        } catch (pygen::generator_exit const&) {
            std::cout << "  GeneratorExit in " << p->name << '\n'; // the innermost level first
            throw;
        }
    });
}

// (b) The same body as (a), with a plain recursive call where (a) delegates to a generator.
int preorder_visit(node const& n, int depth, walk_type::yielder& yield) {
    try {
        bool prune = yield(entry(depth, n.name));
        int count = 1;
        if (!prune) {
            for (node const& child : n.children) {
                count += preorder_visit(child, depth + 1, yield);
            }
        }
        return count;
    } catch (pygen::generator_exit const&) {
        std::cout << "  GeneratorExit in " << n.name << '\n';
        throw;
    }
}

walk_type preorder_walk(node const& root) {
    node const* p = &root;
    return walk_type([p](walk_type::yielder& yield) { return preorder_visit(*p, 0, yield); });
}

// Drives a walk, one line per node, telling it to skip the inside of every build directory.
// Returns the lines and the walk's return value.
std::pair<std::vector<std::string>, int> listing(walk_type walk) {
    std::vector<std::string> lines;
    try {
        entry e = walk.next();
        for (;;) {
            lines.push_back(std::string(2 * e.first, ' ') + e.second);
            e = walk.send(e.second == "build"); // true: skip what is inside
        }
    } catch (pygen::stop_iteration const& stop) {
        return std::make_pair(lines, stop.value<int>());
    }
}

// Walks until `wanted`, then stops the walk early with close().
void stop_at(char const* label, walk_type walk, std::string const& wanted) {
    for (entry& e : walk) {
        if (e.second == wanted) {
            break;
        }
    }
    std::cout << label << " found " << wanted << ", close():\n";
    walk.close();
    std::cout << walk.state() << '\n';
}

// Python's print(label, *values).
void print(char const* label, letters values) {
    std::cout << label;
    for (char c : values) {
        std::cout << ' ' << c;
    }
    std::cout << '\n';
}

int main() {
    tree const a{nullptr, 'a', nullptr}, c{nullptr, 'c', nullptr}, f{nullptr, 'f', nullptr};
    tree const b{&a, 'b', &c}, e{nullptr, 'e', &f};
    tree const d{&b, 'd', &e};
    print("in-order, yield from:", inorder(&d));
    print("in-order, one generator:", inorder_walk(&d));

    node const fs{"project",
                  {{"src", {{"main.cpp", {}}, {"util.cpp", {}}}},
                   {"build", {{"main.o", {}}, {"util.o", {}}}},
                   {"docs", {{"index.md", {}}}}}};
    std::pair<std::vector<std::string>, int> walked = listing(preorder(fs));
    for (std::string const& line : walked.first) {
        std::cout << line << '\n';
    }
    std::cout << "visited " << walked.second << " nodes\n";
    std::pair<std::vector<std::string>, int> walked_b = listing(preorder_walk(fs));
    char const* same = walked_b.first == walked.first ? "True" : "False";
    std::cout << "one generator: same listing: " << same << " - visited " << walked_b.second << " nodes\n";

    stop_at("yield from:", preorder(fs), "util.cpp");
    stop_at("one generator:", preorder_walk(fs), "util.cpp");
}
