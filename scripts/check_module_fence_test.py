"""Self-test of check_module_fence.py: on a tiny generated tree it must fail on each kind of
forbidden include with the documented message, and pass what the rule allows, so the
style.module_fence test cannot silently pass everything.

Run: python3 -m unittest -v check_module_fence_test (from scripts/)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_module_fence.py")

# core <- model (public) ; storage links core, model PUBLIC and search PRIVATE ; web links
# storage. So web sees storage, core, model, but not search (storage's private dep).
MODULES = {
    "core": {"folders": ["src/core"], "public": [], "private": [], "test": ["core"]},
    "model": {"folders": ["src/model"], "public": ["core"], "private": [], "test": None},
    "search": {"folders": ["src/search"], "public": ["core"], "private": [], "test": None},
    "storage": {"folders": ["src/storage"], "public": ["core", "model"], "private": ["search"],
                "test": ["storage", "core", "model", "search"]},
    "web": {"folders": ["src/web"], "public": ["core", "storage"], "private": [],
            "test": ["web", "core", "storage", "search"]},
    "feed": {"folders": ["src/ingest/feed"], "public": ["core"], "private": [], "test": None},
}

CLEAN_TREE = {
    "src/core/result.h": "#pragma once\n",
    "src/model/article.h": '#pragma once\n#include "core/result.h"\n',
    "src/search/analyzer.h": '#pragma once\n#include "core/result.h"\n',
    "src/storage/store.h": '#pragma once\n#include "model/article.h"\n',
    "src/storage/sqlite/fts.cpp": '#include "search/analyzer.h"\n#include "storage/store.h"\n',
    "src/storage/testing/temp_dir.h": '#pragma once\n#include "core/result.h"\n',
    "src/storage/store_test.cpp": '#include "storage/testing/temp_dir.h"\n',
    "src/web/page.h": '#pragma once\n#include "storage/store.h"\n',
    # web sees model through storage's PUBLIC link, and its own folder relatively.
    "src/web/page.cpp": '#include "page.h"\n#include "model/article.h"\n#include <vector>\n',
    # web's test binary links search itself.
    "src/web/page_test.cpp": '#include "search/analyzer.h"\n#include "storage/testing/temp_dir.h"\n',
    # a nested module folder: feed, not a part of some "ingest" module.
    "src/ingest/feed/feed.cpp": '#include "core/result.h"\n',
}


class ModuleFenceTest(unittest.TestCase):
    def run_checker(self, extra_files, modules=None):
        with tempfile.TemporaryDirectory() as root:
            files = dict(CLEAN_TREE)
            files.update(extra_files)
            for rel, text in files.items():
                path = os.path.join(root, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            config = os.path.join(root, "module_fence.json")
            with open(config, "w", encoding="utf-8") as f:
                json.dump({"root": root, "modules": modules or MODULES}, f)
            done = subprocess.run([sys.executable, CHECKER, "--config", config],
                                  capture_output=True, text=True, check=False)
            return done.returncode, done.stdout, done.stderr

    def test_clean_tree_passes(self):
        code, out, err = self.run_checker({})
        self.assertEqual(code, 0, out + err)
        self.assertIn("include only what their module links", out)

    def test_forbidden_include_fails_with_file_line_and_links(self):
        code, out, _ = self.run_checker({
            "src/storage/x.cpp": '#include <string>\n\n#include "storage/store.h"\n'
                                 '#include "web/page.h"\n',
        })
        self.assertEqual(code, 1, out)
        self.assertIn("src/storage/x.cpp:4: storage may not include web/page.h "
                      "(storage links: core, model, search)", out)
        self.assertIn("1 forbidden include(s)", out)

    def test_private_dep_of_a_dependency_is_not_visible(self):
        code, out, _ = self.run_checker({"src/web/search_page.cpp": '#include "search/analyzer.h"\n'})
        self.assertEqual(code, 1, out)
        self.assertIn("src/web/search_page.cpp:1: web may not include search/analyzer.h "
                      "(web links: core, model, storage)", out)

    def test_relative_include_is_resolved_to_its_module(self):
        code, out, _ = self.run_checker({"src/storage/y.cpp": '#include "../web/page.h"\n'})
        self.assertEqual(code, 1, out)
        self.assertIn("src/storage/y.cpp:1: storage may not include ../web/page.h", out)

    def test_tests_are_checked_against_their_binary(self):
        code, out, _ = self.run_checker({"src/core/x_test.cpp": '#include "model/article.h"\n'})
        self.assertEqual(code, 1, out)
        self.assertIn("src/core/x_test.cpp:1: core may not include model/article.h "
                      "(core's tests link: nothing)", out)

    def test_production_code_may_not_include_test_helpers(self):
        code, out, _ = self.run_checker({"src/web/z.cpp": '#include "storage/testing/temp_dir.h"\n'})
        self.assertEqual(code, 1, out)
        self.assertIn("src/web/z.cpp:1: web may not include storage/testing/temp_dir.h "
                      "(a test or test helper: only tests include it)", out)

    def test_header_leaking_a_private_dep_fails_at_the_header(self):
        code, out, _ = self.run_checker({
            "src/storage/index.h": '#pragma once\n#include "search/analyzer.h"\n',
            "src/web/list.cpp": '#include "storage/index.h"\n',
        })
        self.assertEqual(code, 1, out)
        self.assertIn("src/storage/index.h:2: search/analyzer.h leaks from storage's header into "
                      "its users (included by src/web/list.cpp:1): search is a private "
                      "dependency of storage", out)

    def test_file_outside_every_module_is_reported(self):
        code, out, _ = self.run_checker({
            "src/orphan/thing.h": "#pragma once\n",
            "src/web/o.cpp": '#include "orphan/thing.h"\n',
        })
        self.assertEqual(code, 1, out)
        self.assertIn("src/web/o.cpp:1: web may not include orphan/thing.h "
                      "(it belongs to no module)", out)

    def test_empty_scan_is_an_error(self):
        code, _, err = self.run_checker({}, {"core": dict(MODULES["core"], folders=["src/none"])})
        self.assertEqual(code, 2)
        self.assertIn("no source files", err)

    def test_unknown_module_in_config_is_an_error(self):
        modules = dict(MODULES)
        modules["web"] = dict(MODULES["web"], public=["core", "nowhere"])
        code, _, err = self.run_checker({}, modules)
        self.assertEqual(code, 2)
        self.assertIn("links unknown module nowhere", err)


if __name__ == "__main__":
    unittest.main()
