"""Real dates for projected meetings: preferred months, working days of the host country,
blackout dates, and bodies that meet back to back. ``working`` searches a host's working days,
``habits`` reads when a body usually meets, ``hosts`` says where it meets and on whose calendar."""
