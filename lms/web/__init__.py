"""What every page shares: the unit of work, redirects, security headers, template helpers, error pages,
the base form, and Markdown rendering."""
