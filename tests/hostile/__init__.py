"""Hostile input, faults and limits (issue 10): the corpus, fuzzing, kills, full disks, and each round of attacks."""
