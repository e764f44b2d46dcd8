#!/usr/bin/env python3
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""Keeps the Markdown documentation true to the code it shows.

A line

    <!-- include example/averager.cpp -->
    <!-- include test/porting_guide.cpp [item-5] -->

must be followed by a fenced code block whose content equals that file, or that region of it
dedented. A region is the lines between a marker line `// [NAME` (or `# [NAME`) and the next
`// ]` (or `# ]`), markers excluded. The code then compiles and runs where it lives (tests,
examples), and the documents only quote it.

    docs.py --check  [FILE.md ...]   stale or broken include blocks (exit 1 if any)
    docs.py --update [FILE.md ...]   rewrites the include blocks from the code
    docs.py --links  [FILE.md ...]   every relative link and #anchor resolves
    docs.py --python FILE.md         runs every ```python block as a program of its own
    docs.py --items  FILE.md         the porting guide has items 1-40, in order, each complete
    docs.py --gallery FILE.md        FILE includes every example/*.cpp and its example/*.py
    docs.py --add-examples FILE.md   appends a gallery section for each example FILE lacks
    docs.py --reference FILE.md      FILE names every public header and test/compile_fail/*.cpp

Without FILE arguments, the files are README.md and docs/*.md. Each unit checked prints one
line starting with "ok " or "FAIL "; tools/docs.sh counts them.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

INCLUDE = re.compile(r"^<!--\s*include\s+(\S+)(?:\s+\[([^\]\s]+)\])?\s*-->\s*$")
FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
REGION_BEGIN = re.compile(r"^\s*(?://|#)\s*\[([A-Za-z0-9_.-]+)\s*$")
REGION_END = re.compile(r"^\s*(?://|#)\s*\]\s*$")
LANGUAGES = {".cpp": "cpp", ".hpp": "cpp", ".py": "python", ".sh": "sh", ".cmake": "cmake", ".txt": "text"}


class DocError(Exception):
    pass


def default_files():
    return [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))


def relative(path):
    return os.path.relpath(path, ROOT)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def region_of(lines, name, source):
    """The lines of region `name`, dedented; a DocError unless it occurs exactly once."""
    found = []
    i = 0
    while i < len(lines):
        m = REGION_BEGIN.match(lines[i])
        if m and m.group(1) == name:
            for j in range(i + 1, len(lines)):
                if REGION_BEGIN.match(lines[j]):
                    raise DocError("region [%s] of %s contains another region's start" % (name, source))
                if REGION_END.match(lines[j]):
                    found.append(lines[i + 1:j])
                    i = j
                    break
            else:
                raise DocError("region [%s] of %s has no end marker" % (name, source))
        i += 1
    if not found:
        raise DocError("no region [%s] in %s" % (name, source))
    if len(found) > 1:
        raise DocError("region [%s] occurs %d times in %s" % (name, len(found), source))
    return textwrap.dedent("\n".join(found[0])).strip("\n")


def included_text(path, region):
    full = os.path.join(ROOT, path)
    if not os.path.isfile(full):
        raise DocError("no file %s" % path)
    lines = read_lines(full)
    if region is None:
        return "\n".join(lines).strip("\n")
    return region_of(lines, region, path)


def closes(line, fence):
    """Whether `line` closes a block opened by `fence` (the same character, at least as many)."""
    s = line.strip()
    return len(s) >= len(fence) and s == fence[0] * len(s)


def fenced(text, language):
    fence = "```"
    while fence in text:
        fence += "`"
    return [fence + language] + text.split("\n") + [fence]


def scan_includes(lines):
    """Yields (marker line index, path, region, block start, block end exclusive or None, language)."""
    for i, line in enumerate(lines):
        m = INCLUDE.match(line)
        if not m:
            continue
        path, region = m.group(1), m.group(2)
        start = i + 1
        f = FENCE.match(lines[start]) if start < len(lines) else None
        if not f:
            yield i, path, region, start, None, None
            continue
        fence = f.group(1)
        for j in range(start + 1, len(lines)):
            if closes(lines[j], fence):
                yield i, path, region, start, j + 1, f.group(2).strip()
                break
        else:
            yield i, path, region, start, None, None


def includes(files, update):
    failures = 0
    for md in files:
        lines = read_lines(md)
        out = []
        copied = 0
        changed = False
        for marker, path, region, start, end, language in list(scan_includes(lines)):
            what = "%s:%d: include %s%s" % (relative(md), marker + 1, path, " [%s]" % region if region else "")
            try:
                text = included_text(path, region)
            except DocError as e:
                print("FAIL %s: %s" % (what, e))
                failures += 1
                continue
            if end is None:
                current = None
                language = LANGUAGES.get(os.path.splitext(path)[1], "")
            else:
                current = "\n".join(lines[start + 1:end - 1])
            if current == text:
                print("ok %s" % what)
                continue
            if not update:
                print("FAIL %s: %s" % (what, "no fenced block after the marker" if current is None else
                                        "the block differs from the code (run tools/docs.py --update)"))
                failures += 1
                continue
            out.extend(lines[copied:start])
            out.extend(fenced(text, language))
            copied = start if end is None else end
            changed = True
            print("ok %s: updated" % what)
        if changed:
            out.extend(lines[copied:])
            with open(md, "w", encoding="utf-8") as f:
                f.write("\n".join(out))
    return failures


# ---- links and anchors ---------------------------------------------------------------------

def without_code(lines):
    """The lines with fenced blocks blanked and inline code removed (links there are not links)."""
    out = []
    fence = None
    for line in lines:
        f = FENCE.match(line.strip())
        if fence is None and f:
            fence = f.group(1)
            out.append("")
            continue
        if fence is not None:
            if closes(line, fence):
                fence = None
            out.append("")
            continue
        out.append(re.sub(r"`+[^`]*`+", "", line))
    return out


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = re.sub(r"`([^`]*)`", r"\1", heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_of(path):
    lines = read_lines(path)
    found = set()
    counts = {}
    fence = None
    for line in lines:
        f = FENCE.match(line.strip())
        if fence is None and f:
            fence = f.group(1)
            continue
        if fence is not None:
            if closes(line, fence):
                fence = None
            continue
        for m in re.finditer(r"<a\s+(?:id|name)=\"([^\"]+)\"", line):
            found.add(m.group(1))
        h = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if h:
            s = slug(h.group(1))
            n = counts.get(s, 0)
            counts[s] = n + 1
            found.add(s if n == 0 else "%s-%d" % (s, n))
    return found


LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)")


def links(files):
    failures = 0
    anchor_cache = {}
    for md in files:
        bad = []
        count = 0
        for n, line in enumerate(without_code(read_lines(md)), 1):
            targets = [m.group(1) for m in LINK.finditer(line)]
            r = REFERENCE.match(line)
            if r:
                targets.append(r.group(1))
            for target in targets:
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue  # http:, https:, mailto:
                count += 1
                path, _, anchor = target.partition("#")
                full = md if path == "" else os.path.normpath(os.path.join(os.path.dirname(md), path))
                if not os.path.exists(full):
                    bad.append("%s:%d: %s: no such file" % (relative(md), n, target))
                    continue
                if anchor and full.endswith(".md"):
                    if full not in anchor_cache:
                        anchor_cache[full] = anchors_of(full)
                    if anchor not in anchor_cache[full]:
                        bad.append("%s:%d: %s: no anchor #%s in %s" % (relative(md), n, target, anchor,
                                                                      relative(full)))
        if bad:
            failures += 1
            print("FAIL links of %s (%d links, %d broken):" % (relative(md), count, len(bad)))
            for b in bad:
                print("    " + b)
        else:
            print("ok links of %s (%d links)" % (relative(md), count))
    return failures


# ---- python blocks -------------------------------------------------------------------------

def python_blocks(path):
    """(line number, code) of each ```python block."""
    lines = read_lines(path)
    blocks = []
    i = 0
    while i < len(lines):
        f = FENCE.match(lines[i])
        if f:
            fence, language = f.group(1), f.group(2).strip()
            for j in range(i + 1, len(lines)):
                if closes(lines[j], fence):
                    break
            else:
                j = len(lines)
            if language == "python":
                blocks.append((i + 1, "\n".join(lines[i + 1:j]) + "\n"))
            i = j
        i += 1
    return blocks


def run_python(md, python):
    failures = 0
    blocks = python_blocks(md)
    if not blocks:
        print("FAIL %s: no ```python blocks" % relative(md))
        return 1
    with tempfile.TemporaryDirectory(prefix="pygen-docs-") as tmp:
        for line, code in blocks:
            script = os.path.join(tmp, "block_%d.py" % line)
            with open(script, "w", encoding="utf-8") as f:
                f.write(code)
            what = "python block at %s:%d" % (relative(md), line)
            try:
                r = subprocess.run([python, "-X", "dev", "-W", "error::ResourceWarning", script], cwd=tmp,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60,
                                   universal_newlines=True)
            except subprocess.TimeoutExpired:
                print("FAIL %s: timed out" % what)
                failures += 1
                continue
            if r.returncode != 0:
                print("FAIL %s: exit status %d" % (what, r.returncode))
                for out in r.stdout.rstrip().split("\n")[-8:]:
                    print("    " + out)
                failures += 1
            elif "assert" not in code:
                print("FAIL %s: asserts nothing" % what)
                failures += 1
            else:
                print("ok %s" % what)
    return failures


# ---- porting guide coverage -----------------------------------------------------------------

ITEM_ANCHOR = re.compile(r"<a\s+id=\"item-(\d+)\"")
NO_CXX = "**Not in C++.**"
GUIDE_TEST = "test/porting_guide.cpp"  # the C++ side, compiled and run as a test


def items(md, first=1, last=40):
    lines = read_lines(md)
    prose = without_code(lines)  # a "# comment" in a code block is not a heading
    starts = [(i, int(m.group(1))) for i, line in enumerate(prose) for m in [ITEM_ANCHOR.search(line)] if m]
    numbers = [n for _, n in starts]
    problems = []
    if numbers != list(range(first, last + 1)):
        missing = sorted(set(range(first, last + 1)) - set(numbers))
        extra = [n for n in numbers if n < first or n > last or numbers.count(n) > 1]
        problems.append("item anchors are %s; expected item-%d ... item-%d in order (missing %s, extra or "
                        "repeated %s)" % (numbers, first, last, missing, sorted(set(extra))))
    for k, (start, n) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        # The item ends at the next item or at the next heading of level 1 or 2.
        for j in range(start + 1, end):
            if re.match(r"^#{1,2}\s", prose[j]):
                end = j
                break
        section = lines[start:end]
        if not any(l.strip() == "```python" for l in section):
            problems.append("item %d has no ```python block" % n)
        included = [m for l in section for m in [INCLUDE.match(l)] if m and m.group(1) == GUIDE_TEST]
        if not included and not any(NO_CXX in l for l in section):
            problems.append("item %d has neither a C++ block included from %s nor a line saying %s" %
                            (n, GUIDE_TEST, NO_CXX))
    if problems:
        print("FAIL items %d-%d of %s:" % (first, last, relative(md)))
        for p in problems:
            print("    " + p)
        return 1
    print("ok items %d-%d of %s, each with its Python and C++ (or why not)" % (first, last, relative(md)))
    return 0


# ---- the examples gallery --------------------------------------------------------------------

def gallery(md):
    """Every example/*.cpp, and its Python original example/*.py, is included in `md`."""
    included = set(path for _, path, region, _, _, _ in scan_includes(read_lines(md)) if region is None)
    missing = []
    for cpp in sorted(glob.glob(os.path.join(ROOT, "example", "*.cpp"))):
        for path in (cpp, cpp[:-len(".cpp")] + ".py"):
            if os.path.isfile(path) and relative(path) not in included:
                missing.append(relative(path))
    if missing:
        print("FAIL gallery %s lacks: %s (run tools/docs.py --add-examples %s)" %
              (relative(md), ", ".join(missing), relative(md)))
        return 1
    print("ok gallery %s includes every example and its Python original" % relative(md))
    return 0


def first_sentence(cpp):
    """The first sentence of the comment that follows the licence block of `cpp`, on one line."""
    lines = read_lines(cpp)
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        i += 1  # the licence block
    while i < len(lines) and not lines[i].startswith("//"):
        i += 1
    words = []
    while i < len(lines) and lines[i].startswith("//") and lines[i].strip() != "//":
        words.append(lines[i][2:].strip())
        i += 1
    text = " ".join(words)
    m = re.match(r"(.+?[.:])(\s|$)", text)
    return (m.group(1) if m else text).rstrip(":") + ("" if (m and m.group(1).endswith(".")) else ".")


def add_examples(md):
    """Appends a section (and a table row) for each example the gallery lacks; --update fills them."""
    lines = read_lines(md)
    included = set(path for _, path, region, _, _, _ in scan_includes(lines) if region is None)
    added = []
    for cpp in sorted(glob.glob(os.path.join(ROOT, "example", "*.cpp"))):
        if relative(cpp) in included:
            continue
        name = os.path.splitext(os.path.basename(cpp))[0]
        line = first_sentence(cpp)
        rows = [i for i, l in enumerate(lines) if l.startswith("| [")]
        at = rows[-1] + 1 if rows else len(lines)
        lines.insert(at, "| [%s](#%s) | %s |" % (name, slug(name), line))
        section = ["## " + name, "", line, "", "[example/%s.cpp](../example/%s.cpp):" % (name, name), "",
                   "<!-- include example/%s.cpp -->" % name, ""]
        if os.path.isfile(cpp[:-len(".cpp")] + ".py"):
            section += ["[example/%s.py](../example/%s.py), the Python original:" % (name, name), "",
                        "<!-- include example/%s.py -->" % name, ""]
        while lines and lines[-1] == "":
            lines.pop()
        lines += [""] + section
        added.append(name)
        print("ok %s: added a section for example %s (check its first line)" % (relative(md), name))
    if added:
        with open(md, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        includes([md], True)
    return 0


# ---- the reference's coverage ------------------------------------------------------------------

def reference(md):
    """`md` names every public header and every compile-fail test (a misuse with its message)."""
    text = "\n".join(read_lines(md))
    missing = []
    headers = glob.glob(os.path.join(ROOT, "include", "*.hpp")) + glob.glob(os.path.join(ROOT, "include", "pygen",
                                                                                         "*.hpp"))
    for h in sorted(headers):
        name = "<%s>" % os.path.relpath(h, os.path.join(ROOT, "include"))
        if name not in text:
            missing.append(name)
    for t in sorted(glob.glob(os.path.join(ROOT, "test", "compile_fail", "*.cpp"))):
        name = "`%s`" % os.path.splitext(os.path.basename(t))[0]
        if name not in text:
            missing.append("compile-fail test " + name)
    if missing:
        print("FAIL reference %s does not name: %s" % (relative(md), ", ".join(missing)))
        return 1
    print("ok reference %s names every public header and compile-fail test" % relative(md))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report stale include blocks")
    mode.add_argument("--update", action="store_true", help="rewrite include blocks from the code")
    mode.add_argument("--links", action="store_true", help="check relative links and anchors")
    mode.add_argument("--python", action="store_true", help="run every ```python block of FILE")
    mode.add_argument("--items", action="store_true", help="check the porting guide's items 1-40")
    mode.add_argument("--gallery", action="store_true", help="FILE includes every example and its .py")
    mode.add_argument("--add-examples", action="store_true",
                      help="append a section to FILE for each example it lacks, then --update it")
    mode.add_argument("--reference", action="store_true", help="FILE names every public header and compile-fail test")
    parser.add_argument("--interpreter", default="python3", help="for --python (default python3)")
    parser.add_argument("files", nargs="*", help="Markdown files (default README.md docs/*.md)")
    args = parser.parse_args()
    files = [os.path.abspath(f) for f in args.files] or default_files()
    if args.check or args.update:
        failures = includes(files, args.update)
    elif args.links:
        failures = links(files)
    elif args.python:
        failures = sum(run_python(f, args.interpreter) for f in files)
    elif args.gallery:
        failures = sum(gallery(f) for f in files)
    elif args.add_examples:
        failures = sum(add_examples(f) for f in files)
    elif args.reference:
        failures = sum(reference(f) for f in files)
    else:
        failures = sum(items(f) for f in files)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
