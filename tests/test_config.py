"""Settings are read once, checked with every problem reported together, and mkdocs.yml's tags are
never run."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing_gen.config import SettingsError, SiteSettings, Tagged, read_mkdocs_settings, read_site_settings


def settings_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "briefing-gen.yml").write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_no_settings_file_gives_the_defaults(tmp_path):
    assert read_site_settings(tmp_path / "mkdocs.yml") == SiteSettings(search="auto", pagefind_threshold=500, notes_html="sanitised")


def test_settings_are_read(tmp_path):
    config = settings_file(tmp_path, "search: pagefind\npagefind_threshold: 20\nnotes_html: raw\n")
    assert read_site_settings(config) == SiteSettings(search="pagefind", pagefind_threshold=20, notes_html="raw")


def test_every_problem_is_reported_with_file_and_key(tmp_path):
    config = settings_file(tmp_path, "search: google\npagefind_threshold: -3\nnotes_htm: raw\n")
    with pytest.raises(SettingsError) as caught:
        read_site_settings(config)
    where = tmp_path / "briefing-gen.yml"
    assert caught.value.problems == [
        f"{where}: 'search' must be one of auto, builtin, pagefind, not 'google'",
        f"{where}: 'pagefind_threshold' must be a whole number, not -3",
        f"{where}: 'notes_htm': not a setting (known: search, pagefind_threshold, notes_html)",
    ]


def test_invalid_yaml_is_one_line(tmp_path):
    config = settings_file(tmp_path, "search: [\n")
    with pytest.raises(SettingsError) as caught:
        read_site_settings(config)
    (line,) = caught.value.problems
    assert line.startswith(f"{tmp_path / 'briefing-gen.yml'}: invalid YAML") and "\n" not in line


def test_a_changed_file_is_read_again(tmp_path):
    config = settings_file(tmp_path, "search: builtin\n")
    assert read_site_settings(config).search == "builtin"
    settings_file(tmp_path, "search: pagefind   \n")  # another size: seen as changed even within one clock tick
    assert read_site_settings(config).search == "pagefind"


def test_mkdocs_tags_are_kept_inert(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Harbour briefings\n"
        "use_directory_urls: !ENV [PLAIN_FILES, false]\n"
        "plugins:\n  - search:\n      enabled: !ENV [BRIEFING_GEN_BUILTIN_SEARCH, true]\n"
        "extra:\n  search_engine: !ENV [BRIEFING_GEN_SEARCH, builtin]\n"
        "markdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n",
        encoding="utf-8",
    )
    settings = read_mkdocs_settings(config)
    assert settings.site_name == "Harbour briefings"
    assert settings.use_directory_urls is False  # the !ENV default, as MkDocs reads it when unset
    assert settings.reads_search_choice
    names = [name for name, _ in settings.markdown_extensions]
    assert names == ["admonition", "toc", "pymdownx.emoji"]
    assert settings.markdown_extensions[2][1]["emoji_index"] == Tagged("tag:yaml.org,2002:python/name:os.system", "")


def test_no_mkdocs_file_gives_mkdocs_defaults(tmp_path):
    settings = read_mkdocs_settings(tmp_path / "mkdocs.yml")
    assert settings.site_name == "Briefings" and settings.use_directory_urls and not settings.reads_search_choice
