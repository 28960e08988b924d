"""Printable documents rendered with WeasyPrint from an HTML template.

Only the installed fonts and inline styles are used: the fetcher allows `data:` URLs
only, so rendering never reaches the network or the file system, whatever a name contains.
"""

from django.template.loader import render_to_string


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango takes a moment
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context, request=request)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
