"""`mkdocs build` with Pagefind indexing the pages while MkDocs builds them, or for opening from disk.

Run as `python -m briefing_gen.site.indexed_build --config-file mkdocs.yml --site-dir site
[--strict] [--offline] [--no-pagefind]`. It is MkDocs' own build command (the same configuration, plugins, strict mode and
messages) with one more plugin added at run time, not in mkdocs.yml, so that a plain
`mkdocs build` of the same docs/ is unchanged.

MkDocs runs on one core: it first converts every page's Markdown, then renders every page into
the theme. The plugin hands each converted page to a Pagefind service as soon as it exists, so
Pagefind indexes on the other core meanwhile, and asks for the index to be written when the last
page is converted, while MkDocs is still rendering the theme. What Pagefind is given is what it
would read in the built page: the page's content with its filters, inside `data-pagefind-body`,
for the pages overrides/main.html marks so (`tests/test_search_pagefind.py` checks the index is
the one `pagefind --site` makes of the built site).

With `--offline` the site is one to open from disk (`file://`): Material's offline plugin is added
the same way (the search index written as a script, page URLs that name files, `briefings/x.html`),
and the Web Worker shim it needs to run the search from disk is written into the site instead of
being loaded from another host (`OfflineShim`)."""
from __future__ import annotations

import argparse
import logging
import sys
from html import escape
from pathlib import Path

from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin

from briefing_gen.site.pagefind import PagefindError, PagefindIndexer

EXCLUDE_SELECTORS = [".headerlink"]  # the pilcrow after each heading
FILTERS = (("region", "regions"), ("theme", "themes"), ("actor", "actors"), ("kind", "claim_kinds"))  # as in main.html
INDEXED_SECTIONS = ("briefings", "actors", "about")
ACTOR_TYPES = ("person", "state", "organization", "group", "media", "place", "other")


def is_indexed(file) -> bool:
    """Whether overrides/main.html marks the page of this MkDocs `File` `data-pagefind-body`:
    the pages under briefings/, actors/ and about/, but not their list pages (index.md, and the
    pages of one type of actor, actors/person-2.md)."""
    parts = file.src_uri.split("/")
    name = file.name
    listing = name == "index" or (parts[0] == "actors" and name.split("-")[0] in ACTOR_TYPES and name.split("-")[-1].isdigit())
    return len(parts) > 1 and parts[0] in INDEXED_SECTIONS and not listing


def pagefind_weight(meta: dict) -> float | None:
    """The `data-pagefind-weight` main.html gives a page's content: the built-in search's
    `search.boost` from the front matter when it is below 1 (actor pages), else none."""
    search = meta.get("search")
    boost = search.get("boost") if isinstance(search, dict) else None
    return boost if isinstance(boost, (int, float)) and not isinstance(boost, bool) and boost < 1 else None


def indexed_document(content: str, page, language: str) -> str:
    """The part of the built page Pagefind reads: its language, the filters from the front matter,
    its weight, and the content (with the title Material adds when the page has no level-one
    heading)."""
    filters = "".join(
        f'<span data-pagefind-filter="{name}">{escape(str(value))}</span>'
        for name, key in FILTERS for value in page.meta.get(key) or []
    )
    weight = pagefind_weight(page.meta)
    weighted = "" if weight is None else f' data-pagefind-weight="{weight}"'
    heading = "" if "<h1" in content else f"<h1>{escape(page.title or '')}</h1>"
    return (
        f'<!doctype html><html lang="{escape(language)}"><body><div data-pagefind-body{weighted}>'
        f"<div data-pagefind-ignore hidden>{filters}</div>{heading}{content}</div></body></html>"
    )


class PagefindFeeder(BasePlugin):
    def __init__(self, indexer: PagefindIndexer, output_dir: Path):
        super().__init__()
        self.indexer = indexer
        self.output_dir = output_dir
        self.pages = 0

    def on_page_content(self, html, page, config, files, **kwargs):
        if is_indexed(page.file):
            self.indexer.add_page(page.file.dest_uri, indexed_document(html, page, config.theme["language"]))
            self.pages += 1
        return html

    def on_env(self, env, config, files, **kwargs):
        self.indexer.start_writing(self.output_dir)  # every page is converted; MkDocs renders the theme meanwhile
        return env


# iframe-worker 1.0.4, shim/index.js (npm package `iframe-worker`): Web Workers for file:// pages,
# which Material's offline plugin would load from another host.
# Copyright (c) 2016-2025 Martin Donath <martin.donath@squidfunk.com>. MIT License: permission is
# granted, free of charge, to deal in the Software without restriction, provided this notice is kept.
IFRAME_WORKER_SHIM = r'''"use strict";(()=>{function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),Promise.resolve())}var o=class extends EventTarget{constructor(e){super();this.url=e;this.m=e=>{e.source===this.w&&(this.dispatchEvent(new MessageEvent("message",{data:e.data})),this.onmessage&&this.onmessage(e))};this.e=(e,r,t,i,m)=>{if(r===`${this.url}`){let a=new ErrorEvent("error",{message:e,filename:r,lineno:t,colno:i,error:m});this.dispatchEvent(a),this.onerror&&this.onerror(a)}};let r=document.createElement("iframe");r.hidden=!0,document.body.appendChild(this.iframe=r),this.w.document.open(),this.w.document.write(`<html><body><script>postMessage=${c};importScripts=${d};addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:"${e}",error}))})<\/script><script src=${e}?${+Date.now()}><\/script></body></html>`),this.w.document.close(),onmessage=this.m,onerror=this.e,this.r=new Promise((t,i)=>{this.w.onload=t,this.w.onerror=i})}terminate(){this.iframe.remove(),onmessage=onerror=null}postMessage(e){this.r.catch().then(()=>{this.w.dispatchEvent(new MessageEvent("message",structuredClone({data:e})))})}get w(){return this.iframe.contentWindow}};window.IFrameWorker=o;location.protocol==="file:"&&(window.Worker=o);})();
'''
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"  # its name holds "iframe-worker", so the offline plugin adds no other


class OfflineShim(BasePlugin):
    """Writes the iframe-worker shim into the built site and lists it in `extra.polyfills` before
    the offline plugin looks there, so every page loads it from the site itself."""

    def on_config(self, config, **kwargs):
        polyfills = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in str(script)]
        config.extra["polyfills"] = [*polyfills, SHIM_PATH]
        return config

    def on_post_build(self, config, **kwargs):
        path = Path(config.site_dir) / SHIM_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(IFRAME_WORKER_SHIM, encoding="utf-8")


def add_offline_plugins(config) -> None:
    """Material's offline plugin, after the shim, as if mkdocs.yml listed them."""
    from material.plugins.offline.plugin import OfflinePlugin

    offline = OfflinePlugin()
    errors, warnings = offline.load_config({})
    if errors:
        raise MkDocsException(f"offline plugin: {errors}")
    config.plugins["briefing-gen/offline-shim"] = OfflineShim()
    config.plugins["material/offline"] = offline
    config.use_directory_urls = False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing_gen.site.indexed_build")
    parser.add_argument("--config-file", required=True, type=Path)
    parser.add_argument("--site-dir", required=True, type=Path)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--offline", action="store_true", help="a site to open from disk (file://)")
    parser.add_argument("--no-pagefind", action="store_true", help="MkDocs' built-in search, not Pagefind")
    args = parser.parse_args(argv)

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    try:
        config = load_config(
            config_file=str(args.config_file), site_dir=str(args.site_dir), strict=args.strict,
            **({"use_directory_urls": False} if args.offline else {}),
        )
        if args.offline:
            add_offline_plugins(config)
        indexer = None if args.no_pagefind else PagefindIndexer(Path(config.site_dir), EXCLUDE_SELECTORS)
        try:
            if indexer is not None:
                feeder = PagefindFeeder(indexer, Path(config.site_dir) / "pagefind")
                config.plugins["briefing-gen/pagefind"] = feeder
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build.build(config)
            finally:
                config.plugins.on_shutdown()
            if indexer is not None:
                indexer.finish_writing()
        finally:
            if indexer is not None:
                indexer.close()
    except MkDocsException as error:
        logger.error(str(error))
        return 1
    except PagefindError as error:
        print(error, file=sys.stderr)
        return 1
    if indexer is not None:
        logger.info(f"Pagefind indexed {feeder.pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
