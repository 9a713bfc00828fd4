"""storage/yamlfile builds the data of a checked document itself (PyYAML's general
constructor took a third of `check`): it must give exactly what PyYAML gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engagewiz.storage import yamlfile

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", [
    "a: &x [1, {b: c}]\nb: *x\n",                 # an alias: the same object, as in PyYAML
    "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n",  # a merge key: PyYAML builds it
    "1: 0x10\n~: yes\n3.5: .inf\nd: 2026-01-02\nbad: 2026-02-30\n",  # scalars not text
    "a: 1\na: 2\n",                                 # the second counts
    "- [x, 'y', \"z\"]\n- {}\n- ''\n",
])
def test_data_is_what_pyyaml_builds(text: str) -> None:
    loader = yamlfile._Loader(text)
    root = loader.get_single_node()
    ours = yamlfile._construct(root, loader)
    assert ours == yaml.load(text, Loader=yamlfile._Loader)
    if "*x" in text:
        assert ours["a"] is ours["b"]


def test_the_knowledge_base_reads_as_with_pyyaml() -> None:
    for path in sorted((ROOT / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yamlfile.load(path) == yaml.load(text, Loader=yamlfile._Loader), path


def _tags(node: yaml.Node) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [node.tag]
    children = node.value if isinstance(node, yaml.SequenceNode) else [
        n for pair in node.value for n in pair]
    return [node.tag, *(tag for child in children for tag in _tags(child))]


@pytest.mark.parametrize("text", [
    "a: yes\nb: 'yes'\nc: ~\nd: 2026-01-01\ne: 0x1F\nf: .inf\ng: -1\nh: ''\ni: Yes\nj: text\n"
    "k: \"12\"\nl: 1_000\nm: null\nn: Off\no: +3.5\np: <<\nq: =\nr: [1, two, 'three']\n",
])
def test_a_value_gets_the_tag_pyyaml_gives_it(text: str) -> None:
    """The loader's shortcut for texts (no search of PyYAML's patterns) changes no tag."""
    ours = yamlfile._Loader(text).get_single_node()
    assert _tags(ours) == _tags(yaml.compose(text, Loader=yaml.SafeLoader))


def test_the_knowledge_base_gets_the_tags_pyyaml_gives() -> None:
    """Against PyYAML's own safe loader on the same parser (libyaml's, where PyYAML has
    it), so the tags can differ only by our `resolve`; PyYAML's parser in Python took
    two seconds over the knowledge base, and the small texts above compare with it."""
    for path in sorted((ROOT / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        ours = yamlfile._Loader(text).get_single_node()
        assert _tags(ours) == _tags(yaml.compose(text, Loader=yamlfile._Base)), path
