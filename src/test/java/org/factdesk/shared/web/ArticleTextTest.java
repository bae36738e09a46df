package org.factdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    private static final ArticleText.Mark MARK = new ArticleText.Mark("claim-1", "claim", "FLAGGED", "Flagged", "tip");

    @Test
    void keepsEachParagraphsOffsetAndMarksTheSpanInIt() {
        String body = "First line.\nThe Erbil vase in Kurdistan.";
        int start = body.indexOf("Erbil vase");
        List<ArticleText.Paragraph> paragraphs = ArticleText.of(body,
                List.of(new ArticleText.Span(start, start + "Erbil vase".length(), MARK)));

        assertThat(paragraphs).extracting(ArticleText.Paragraph::offset).containsExactly(0, 12);
        assertThat(paragraphs.get(1).pieces()).containsExactly(new ArticleText.Piece("The ", null),
                new ArticleText.Piece("Erbil vase", MARK, MARK.id()), new ArticleText.Piece(" in Kurdistan.", null));
    }

    @Test
    void leavesAnOverlappingSpanUnmarked() {
        String body = "Martyr Soleimai took place";
        List<ArticleText.Paragraph> paragraphs = ArticleText.of(body, List.of(
                new ArticleText.Span(7, 15, MARK), new ArticleText.Span(0, 15, MARK)));
        assertThat(paragraphs.get(0).pieces()).containsExactly(new ArticleText.Piece("Martyr Soleimai", MARK, MARK.id()),
                new ArticleText.Piece(" took place", null));
    }
}
