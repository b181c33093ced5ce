"""The feed folder of ``planner ics --out DIR``: its feeds, ``all.ics`` and ``index.html``
(:mod:`.feeds`), the events made once each (:mod:`.events`) or taken from the last export
(:mod:`.reuse`), and the state file that remembers them between exports (:mod:`.state`,
:mod:`.previous`, :mod:`.leftovers`)."""
