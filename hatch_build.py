"""Build hook: put assets/ and levels/ inside the package of a regular wheel only.

An editable install reads them from the checkout (millegame/resources.py), so copying
them into site-packages there would only leave a stale second copy.
"""

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class DataFilesHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"]["assets"] = "millegame/data/assets"
            build_data["force_include"]["levels"] = "millegame/data/levels"
