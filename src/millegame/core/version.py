"""Versions that decide whether a recorded run can be replayed.

``PHYSICS_VERSION``: bump it whenever a change to the physics, the race rules or the
tick rate can change where the same per-tick controls take a car. Ghosts and replays
recorded under another version are refused (with a reason) rather than drawn wrong.
"""

PHYSICS_VERSION = 4
REPLAY_FORMAT = 1
