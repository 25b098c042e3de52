"""genre.reads_as_news: signs of a news report, counted per 1000 characters."""

from quoteattr.genre import reads_as_news

REPORT = ("Defence Secretary John Healey visited the base on Monday.\n\n"
          '"We will spend it well," he told reporters.\n\n"And soon."\n')

STORY = ('"Will you walk with me on Sunday?" asked Elinor.\n\n"I cannot," said Marianne. '
         '"Mother wants me at home."\n\n' + '"Then I shall go alone," said Elinor.\n\n'
         '"You will not," said Marianne, laughing.\n\n' * 3)


def test_a_short_report_reads_as_news() -> None:
    assert reads_as_news(REPORT)


def test_a_story_with_a_weekday_does_not() -> None:
    assert not reads_as_news(STORY)


def test_signs_are_counted_per_length() -> None:
    # the same two signs in a long chapter are too few to make it a report
    chapter = REPORT + ("She looked out of the window at the rain. " * 200)
    assert reads_as_news(REPORT) and not reads_as_news(chapter)
