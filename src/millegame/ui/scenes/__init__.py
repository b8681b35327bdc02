"""Scenes of the game: each handles events, updates with the frame time and draws itself.

``App`` keeps them on a stack (``base.SceneStack``): the top scene gets the events and the
time; a scene drawn over another (pause) draws the one below first. A scene asks the game
session (``scene.session``) for the game's state and sees the app only as ``base.SceneHost``.
"""

from millegame.ui.scenes.base import Scene

__all__ = ["Scene"]
