"""Lesson bodies: Markdown is rendered, anything that could run a script is not."""
import pytest

from lms.web.markdown import render_markdown, video_player_url


@pytest.mark.parametrize("hostile", [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div onmouseover="alert(1)">hover</div>',
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
])
def test_nothing_executable_survives(hostile):
    html = str(render_markdown(f"Text before.\n\n{hostile}\n\nText after."))
    for needle in ("<script", "onerror", "onload", "onmouseover", "javascript:", "<style", "evil.example"):
        assert needle not in html.lower()
    assert "Text before." in html and "Text after." in html


def test_markdown_features_render():
    html = str(render_markdown("## Terms\n\n- **migrant**\n- *refugee*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                               "[IOM](https://www.iom.int) ![map](https://example.org/map.png)"))
    assert "<h2>Terms</h2>" in html and "<strong>migrant</strong>" in html and "<em>refugee</em>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert '<a href="https://www.iom.int" rel="noopener noreferrer">IOM</a>' in html
    assert '<img alt="map" src="https://example.org/map.png">' in html


@pytest.mark.parametrize(("link", "player"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
    ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
    ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
    ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
])
def test_only_allowed_video_sites_are_embedded(link, player):
    assert video_player_url(link) == player
    html = str(render_markdown(f"Watch:\n\n{link}\n"))
    if player:
        assert f'<iframe src="{player}"' in html
    else:
        assert "<iframe" not in html


def test_a_video_link_inside_a_sentence_stays_a_link():
    html = str(render_markdown("See <https://youtu.be/dQw4w9WgXcQ> later."))
    assert "<iframe" not in html
