"""`planner project`: placement, ordinals and reasons of projected meetings, with the hand-computed projection rounds."""
