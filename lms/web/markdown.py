"""Lesson bodies: Markdown to HTML that is safe to show, with videos from an allow-list embedded."""
from __future__ import annotations

import functools
import re

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "strong", "em", "b", "i", "del", "sup", "sub", "ul", "ol", "li", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
}
# Where an embedded video may come from: (pattern of a link a trainer pastes, player URL).
VIDEO_SOURCES = [
    (re.compile(r"^https?://(?:www\.)?youtube\.com/watch\?(?:[^#]*&)?v=([A-Za-z0-9_-]{6,20})"),
     "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https?://youtu\.be/([A-Za-z0-9_-]{6,20})"), "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https?://(?:www\.)?youtube\.com/embed/([A-Za-z0-9_-]{6,20})"),
     "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https?://(?:www\.)?vimeo\.com/(\d{4,12})"), "https://player.vimeo.com/video/{}"),
]
VIDEO_FRAME_SOURCES = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

# A paragraph that holds nothing but a link (bare or <...>): a candidate for a video embed.
_LONE_LINK = re.compile(r'<p>(?:<a href="([^"]+)"[^>]*>[^<]*</a>|(https?://[^\s<]+))</p>')


# A quiz page renders the same question texts for every learner, a lesson the same body: remember
# the last few hundred (the result is immutable, so threads may share it).
@functools.lru_cache(maxsize=512)
def render_markdown(text: str, video_title: str = "Video") -> Markup:
    """HTML for `text`: Markdown rendered, then cleaned so that no script or handler survives."""
    html = markdown.markdown(text or "", extensions=["tables", "fenced_code", "sane_lists"])
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"})
    return Markup(_LONE_LINK.sub(lambda match: _embed(match, video_title), clean))  # noqa: S704  (nh3-sanitised above)  # nosec B704


def video_player_url(link: str) -> str | None:
    """The embeddable player for a YouTube or Vimeo link, or None for any other link."""
    for pattern, player in VIDEO_SOURCES:
        found = pattern.match(link.replace("&amp;", "&"))
        if found:
            return player.format(found.group(1))
    return None


def _embed(match: re.Match, title: str) -> str:
    link = match.group(1) or match.group(2)
    player = video_player_url(link)
    if player is None:
        return match.group(0)
    # The iframe is built here from a checked video id, never taken from the author's HTML.
    return (f'<div class="video"><iframe src="{player}" title="{Markup.escape(title)}" '
            'allow="fullscreen; picture-in-picture" loading="lazy" referrerpolicy="strict-origin"></iframe></div>')
