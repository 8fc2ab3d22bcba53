"""Save screenshots of the example site for a person to look at: a briefing page and an actor page
(light and dark palettes), the home page and a briefing on a phone, into test-output/screenshots/.

    python tests/browser/take_screenshots.py [OUTPUT_FOLDER]

Builds a copy of articles/ in a temporary folder, serves it on a free local port and drives
/usr/bin/chromium headless with Playwright (the same helpers as the browser tests).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

# tests/ first, so that `conftest` is the shared tests/conftest.py that browser_helpers imports.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from browser_helpers import SCREENSHOT_DIR, build_example_site, chromium, chromium_problem, save_screenshots, serve  # noqa: E402


def main(argv: list[str]) -> int:
    problem = chromium_problem()
    if problem:
        print(f"take_screenshots: {problem}", file=sys.stderr)
        return 2
    folder = Path(argv[0]) if argv else SCREENSHOT_DIR
    with tempfile.TemporaryDirectory(prefix="briefing-screens-") as temporary:
        project = build_example_site(Path(temporary) / "site-project")
        with serve(project / "site") as url, chromium() as browser:
            for path in save_screenshots(browser, url, project, folder):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
