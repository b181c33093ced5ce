"""``planner check`` written out: text, markdown and CSV (:mod:`.report`), JSON (:mod:`.json_report`
around the lines of :mod:`.json_lines`), each on several cores when the check is large
(:mod:`.forked`)."""
