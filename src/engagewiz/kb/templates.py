"""Route templates: one definition, a route per `for_each` item (kb/build builds each).

`{param}` placeholders are filled from the item; a string that is only `{param}` takes the
value as is (e.g. a list of sources). An item's `extra_*` lists are appended and its
`override` replaces fields. Each filled route is checked against the route's shape again,
since a placeholder can fill a field with anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from engagewiz.kb import spec as kbspec
from engagewiz.storage import yamlfile

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_LISTS = ("gates", "considerations", "cautions", "next_steps", "follow_up", "act_now")


def instances(template: dict[str, Any]) -> Iterator[tuple[dict[str, Any] | None, list[str]]]:
    """For each item in order: the route's raw fields (None if they cannot be filled), and
    what is wrong with them (an empty list: the route can be built)."""
    for item in template["for_each"]:
        params = {k: v for k, v in item.items() if k not in kbspec.TEMPLATE_ITEM_EXTRAS}
        try:
            raw = _fill(template["mechanism"], params)
            extras = _fill({k: item[k] for k in kbspec.TEMPLATE_ITEM_EXTRAS if k in item},
                           params)
        except KeyError as exc:
            yield None, [f"placeholder {{{exc.args[0]}}} has no value in this item"]
            continue
        for name in _LISTS:
            raw[name] = [*raw.get(name, []), *extras.get(f"extra_{name}", [])]
        raw.update(extras.get("override", {}))
        yield raw, [f"route '{raw.get('id', '?')}': {yamlfile.dotted(sub)}: {message}"
                    for sub, message in kbspec.ROUTE.check(raw, ())]


def _fill(value: Any, params: dict[str, Any]) -> Any:
    """Replace {param} in every string; a string that is only "{param}" takes the value as is."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole:
            return params[whole.group(1)]
        return _PLACEHOLDER.sub(lambda m: str(params[m.group(1)]), value)
    if isinstance(value, list):
        return [_fill(v, params) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, params) for k, v in value.items()}
    return value
