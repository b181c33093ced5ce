"""Dating a projected meeting: the days a window allows, the body's habits (preferred months,
nominal dates of a rolling chain, back-to-back pairs), the host's working days and the crowd of
other meetings. Mixed into :class:`planner.engine.planning.projector.Projector`.

- :mod:`.state`: what the projector keeps of each body while it places (:class:`BodyState`);
- :mod:`.targets`: the day a missing meeting aims at (the body's habits, a chain's nominal date);
- :mod:`.choice`: the day it takes (working days, gaps, caps, partners, other bodies' meetings);
- :mod:`.projected`: the projected meeting itself (ordinal, reason, key, place, guessed periods).
"""

from __future__ import annotations

from planner.engine.planning.dating.choice import Dating
from planner.engine.planning.dating.state import SATISFYING, BodyState

__all__ = ["SATISFYING", "BodyState", "Dating"]
