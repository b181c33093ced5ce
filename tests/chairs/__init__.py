"""`planner chairs`: chair terms judged against the chairmanship rule, plans and hosts."""
