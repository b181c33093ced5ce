"""Chair terms judged against the chair rule: the judge (judge.py) and the findings it asks
of its own modules: terms too long, one term in two rows, suspended and unrecorded chairs,
terms that host none of a chair-hosted body's meetings."""
