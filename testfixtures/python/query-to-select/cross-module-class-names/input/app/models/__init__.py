from .faq import FAQ, FAQ_TABLE
