"""Sound: the mixer, the race's sounds, and the numpy synthesis they play."""
