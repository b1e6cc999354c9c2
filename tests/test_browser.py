"""The HTML outputs in headless Chromium: they load offline without script errors, and article text that holds
``<script>`` or HTML is shown as text, never run.

The pages are made by the same library calls the notebooks make, on the fixture corpus, whose third article
quotes ``<script>document.documentElement.setAttribute('data-xss','1')</script>`` and ``<b id="xss-probe">``.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsframes import plots, report
from newsframes.corpus import Corpus

FIXTURE = Path(__file__).resolve().parent / "data" / "report_fixture"
CHROMIUM = next((c for c in (shutil.which("chromium"), "/usr/bin/chromium") if c and Path(c).exists()), None)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed; install it with "
                       "`apt-get install chromium` (Debian's package; `make test` installs it)"),
]

HOVER_PROBE = """
<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    var gd = document.querySelector(".plotly-graph-div");
    for (var i = 0; i < gd.data.length; i++) {
      var rows = gd.data[i].customdata || [];
      for (var j = 0; j < rows.length; j++) {
        if (String(rows[j][2]).indexOf("&lt;script") >= 0) {
          Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: j}]);
          document.body.setAttribute("data-hovered", i + ":" + j);
          return;
        }
      }
    }
  }, 300);
});
</script>
"""


class _Elements(HTMLParser):
    """Every start tag with its attributes (script and style contents are data, not tags)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _elements(dom: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(dom)
    return parser.tags


def chromium(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """Load ``page`` in headless Chromium offline; returns the DOM after its scripts ran, and console messages."""
    profile = tmp_path / f"profile-{page.stem}"
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        "--dump-dom", page.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def _errors(console: list[str]) -> list[str]:
    return [line for line in console if re.search(r"Uncaught|Error|Failed to load|Refused", line)]


def _no_injection(dom: str) -> None:
    elements = _elements(dom)
    assert not [t for t, a in elements if a.get("id") == "xss-probe"], "article HTML became an element"
    assert not [t for t, a in elements if "data-xss" in a], "article script ran"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    corpus = Corpus.read(FIXTURE)
    events = report.timeline_frame(corpus)
    said = report.statements_frame(corpus)
    files = plots.save_figure(plots.plot_timeline_interactive(events, title="Timeline <i>x</i>"), "timeline",
                              figures_dir=out, formats=["html"])
    files += plots.save_figure(plots.plot_timeline(events), "timeline", figures_dir=out, formats=["png", "csv"],
                               data=events)
    files += plots.save_table(report.quotes_table(said), "quotes", figures_dir=out, title="Quotes")
    files += plots.save_table(corpus.articles[["article_id", "title", "text"]], "articles", figures_dir=out)
    run = report.NotebookRun("02_timeline.ipynb", out / "02_timeline.ipynb",
                             {"title": "<script>alert(1)</script>", "actors": ["<b>x</b>"]}, files, 1.0)
    report.write_index(out, [run], title="Report <b>x</b>")
    return out


@pytest.mark.parametrize("name", ["timeline.html", "quotes.html", "articles.html", "index.html"])
def test_pages_load_offline_without_script_errors(pages, tmp_path, name):
    dom, console = chromium(pages / name, tmp_path)
    assert _errors(console) == []
    assert "</body>" in dom


@pytest.mark.parametrize("name", ["quotes.html", "articles.html", "index.html"])
def test_article_html_is_shown_as_text(pages, tmp_path, name):
    dom, _ = chromium(pages / name, tmp_path)
    _no_injection(dom)
    if name != "index.html":
        assert "&lt;script&gt;document.documentElement.setAttribute('data-xss','1')&lt;/script&gt;" in dom
        assert '&lt;b id="xss-probe"&gt;x&lt;/b&gt;' in dom
    else:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "Report &lt;b&gt;x&lt;/b&gt;" in dom


def test_the_interactive_timeline_draws_and_its_hover_shows_article_text_as_text(pages, tmp_path):
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copy(pages / "plotly.min.js", probe / "plotly.min.js")
    page = (pages / "timeline.html").read_text(encoding="utf-8").replace("</body>", HOVER_PROBE + "</body>")
    (probe / "timeline.html").write_text(page, encoding="utf-8")
    dom, console = chromium(probe / "timeline.html", tmp_path)
    assert _errors(console) == []
    assert 'class="main-svg"' in dom  # plotly drew the chart without a network
    assert "data-hovered=" in dom, "the probe found no hover point holding the script"
    hover = dom[dom.index('class="hoverlayer"'):]
    assert "&lt;script&gt;document.documentElement.setAttribute" in hover
    _no_injection(dom)
