#!/usr/bin/env python3
"""The module fence: each src/ module includes only its own headers and those of the
modules it links (docs/module-fence.md).

Usage: check_module_fence.py --config build/release/module_fence.json [--root DIR]

The config (written by cmake/ModuleFence.cmake from the targets' link libraries) gives, per
module, its folders, the modules it links PUBLIC and PRIVATE, and the modules its test binary
links. A module M may include headers of:
  - M itself;
  - every module it links, PUBLIC or PRIVATE;
  - and, through those, their PUBLIC deps, transitively (what CMake propagates).
A dependency's PRIVATE deps are not visible. Tests (`*_test.cpp`, `*_test.h`, anything under a
`testing/` folder) may include what their test binary links; other files may not include
tests or test helpers.

A header that other modules include is part of its module's interface: it may include only
its module and that module's PUBLIC deps (transitively). Otherwise it would hand its includer
a module the includer does not link: a leak, reported at the header's line.

Exit status 0 when the fence holds, 1 with one line per finding, 2 on a bad config.
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import sys

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SOURCE_SUFFIXES = (".cpp", ".h", ".hpp", ".cc", ".inc")


def is_test_file(rel_path):
    """True for tests and test helpers (paths relative to the root, '/'-separated)."""
    name = rel_path.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    return stem.endswith("_test") or "/testing/" in rel_path


class Fence:
    def __init__(self, config, root):
        self.root = os.path.realpath(root)
        self.modules = config["modules"]
        # folder (relative, '/'-separated) -> module; longest prefix wins, so
        # src/ingest/feed belongs to feed even if some module owned src/ingest.
        self.folders = {}
        for name, module in self.modules.items():
            for folder in module["folders"]:
                self.folders[folder.strip("/")] = name
        for name, module in self.modules.items():
            for key in ("public", "private"):
                for dep in module.get(key) or []:
                    if dep not in self.modules:
                        raise ValueError(f"module {name} links unknown module {dep}")
        self._public_closure = {}

    def module_of(self, rel_path):
        best = None
        for folder, name in self.folders.items():
            if rel_path.startswith(folder + "/") and (best is None or len(folder) > len(best[0])):
                best = (folder, name)
        return best[1] if best else None

    def public_closure(self, name):
        """name and every module reached from it through PUBLIC links."""
        if name not in self._public_closure:
            seen = {name}
            stack = [name]
            while stack:
                for dep in self.modules[stack.pop()].get("public") or []:
                    if dep not in seen:
                        seen.add(dep)
                        stack.append(dep)
            self._public_closure[name] = seen
        return self._public_closure[name]

    def visible_through(self, links):
        seen = set()
        for dep in links:
            seen |= self.public_closure(dep)
        return seen

    def allowed(self, name, test):
        """The modules a file of module `name` may include (itself included)."""
        module = self.modules[name]
        if test and module.get("test") is not None:
            links = module["test"]
        else:
            links = (module.get("public") or []) + (module.get("private") or [])
        return {name} | self.visible_through(links)

    def resolve(self, including_rel, target):
        """The path (relative to the root) an include names, as the compiler finds it: next
        to the including file first, then under src/. None if it is not in the tree."""
        here = os.path.dirname(os.path.join(self.root, including_rel))
        for base in (here, os.path.join(self.root, "src")):
            candidate = os.path.realpath(os.path.join(base, target))
            if os.path.isfile(candidate) and candidate.startswith(self.root + os.sep):
                return os.path.relpath(candidate, self.root).replace(os.sep, "/")
        return None

    def sources(self):
        """Every source file under a module folder, (relative path, module)."""
        found = []
        for folder in sorted(self.folders):
            top = os.path.join(self.root, folder)
            for dirpath, dirnames, filenames in os.walk(top):
                dirnames.sort()
                for filename in sorted(filenames):
                    if not filename.endswith(SOURCE_SUFFIXES):
                        continue
                    rel = os.path.relpath(os.path.join(dirpath, filename), self.root)
                    rel = rel.replace(os.sep, "/")
                    if self.module_of(rel) == self.folders[folder]:
                        found.append(rel)
        return sorted(set(found))

    def includes(self, rel_path):
        """[(line number, include text, resolved path or None)]"""
        result = []
        with open(os.path.join(self.root, rel_path), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                match = INCLUDE_RE.match(line)
                if match:
                    result.append((number, match.group(1), self.resolve(rel_path, match.group(1))))
        return result

    @staticmethod
    def links_text(names):
        return ", ".join(sorted(names)) or "nothing"

    def check(self):
        findings = []
        included_from = {}  # header -> first (file, line) of another module that includes it
        for rel in self.sources():
            name = self.module_of(rel)
            test = is_test_file(rel)
            allowed = self.allowed(name, test)
            for number, text, target in self.includes(rel):
                if target is None:
                    continue  # not in the tree (generated, or a typo the compiler reports)
                target_module = self.module_of(target)
                where = f"{rel}:{number}"
                if target_module is None:
                    findings.append(f"{where}: {name} may not include {text} "
                                    f"(it belongs to no module)")
                elif target_module not in allowed:
                    linker = f"{name} links"
                    if test and self.modules[name].get("test") is not None:
                        linker = f"{name}'s tests link"
                    findings.append(f"{where}: {name} may not include {text} "
                                    f"({linker}: {self.links_text(allowed - {name})})")
                elif is_test_file(target) and not test:
                    findings.append(f"{where}: {name} may not include {text} "
                                    f"(a test or test helper: only tests include it)")
                elif target_module != name:
                    included_from.setdefault(target, f"{rel}:{number}")
        # Headers other modules include expose only their module's PUBLIC side.
        for header in sorted(included_from):
            owner = self.module_of(header)
            interface = self.public_closure(owner)
            for number, text, target in self.includes(header):
                if target is None:
                    continue
                target_module = self.module_of(target)
                if target_module is None or target_module in interface:
                    continue
                if target_module in self.allowed(owner, is_test_file(header)):
                    findings.append(
                        f"{header}:{number}: {text} leaks from {owner}'s header into its users "
                        f"(included by {included_from[header]}): {target_module} is a private "
                        f"dependency of {owner} ({owner}'s public deps: "
                        f"{self.links_text(interface - {owner})}); make it PUBLIC or keep the "
                        f"include out of the header")
        return findings


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="module_fence.json from CMake")
    parser.add_argument("--root", help="source tree (default: the config's root)")
    args = parser.parse_args(argv)
    try:
        with open(args.config, encoding="utf-8") as f:
            config = json.load(f)
        fence = Fence(config, args.root or config["root"])
    except (OSError, ValueError, KeyError) as error:
        print(f"module fence: bad config {args.config}: {error}", file=sys.stderr)
        return 2
    checked = len(fence.sources())
    if checked == 0:
        # An empty scan would pass anything: a wrong root or an empty config is an error.
        print(f"module fence: no source files under the modules' folders in {fence.root}",
              file=sys.stderr)
        return 2
    findings = fence.check()
    for finding in findings:
        print(finding)
    if findings:
        print(f"module fence: {len(findings)} forbidden include(s) in {checked} files "
              f"(docs/module-fence.md)")
        return 1
    print(f"module fence: {checked} files of {len(fence.modules)} modules include only "
          f"what their module links")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
