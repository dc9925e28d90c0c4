"""Page → Article: flat crawled text (``flat``), HTML (``html``), and the news-specific metadata parsers."""
