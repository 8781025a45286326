"""Save the README's pictures: the reader and the scorecard screen on the bundled demo thread.

Run from the repo: `.venv/bin/python docs/make_screenshots.py`. Uses a throw-away state folder,
so nothing of yours is read or changed.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from tui.app import ThreadscoreApp

OUT = Path(__file__).resolve().parent


async def wait_for_scores(app: ThreadscoreApp, pilot: object) -> None:
    """The scorer runs in the background; the pictures should show its verdicts."""
    for _ in range(200):
        if app.reader.doc is not None and app.reader.doc.score(1) is not None:
            return
        await asyncio.sleep(0.05)
    raise SystemExit("the scorer did not finish in 10 s")


async def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        app = ThreadscoreApp(None, home=Path(home))
        async with app.run_test(size=(140, 42)) as pilot:
            await wait_for_scores(app, pilot)
            await pilot.press("j", "j", "j", "j", "j", "enter")
            await pilot.pause(0.3)
            app.save_screenshot("reader.svg", str(OUT))
            await pilot.press("s")
            await pilot.pause(0.5)
            app.save_screenshot("scorecard.svg", str(OUT))
    print(f"saved {OUT / 'reader.svg'} and {OUT / 'scorecard.svg'}")


if __name__ == "__main__":
    asyncio.run(main())
