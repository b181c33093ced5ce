"""The HTML report and its SVG timeline, rendered from Jinja2 templates."""
