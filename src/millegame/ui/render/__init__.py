"""Drawing the world: camera, baked map and roads, cars, effects, light, weather."""
