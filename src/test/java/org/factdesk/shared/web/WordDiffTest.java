package org.factdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void marksOnlyTheWordsThatChanged() {
        List<WordDiff.Piece> pieces = WordDiff.between("targeted Al Asad base and the Erbil vase in Kurdistan.",
                "targeted Al Asad base and the Erbil base in Kurdistan.");
        assertThat(pieces).containsExactly(
                new WordDiff.Piece(WordDiff.Kind.SAME, "targeted Al Asad base and the Erbil "),
                new WordDiff.Piece(WordDiff.Kind.REMOVED, "vase"),
                new WordDiff.Piece(WordDiff.Kind.ADDED, "base"),
                new WordDiff.Piece(WordDiff.Kind.SAME, " in Kurdistan."));
    }

    @Test
    void treatsANumberWithItsSeparatorsAsOneWord() {
        assertThat(WordDiff.between("12,000 visitors", "1,200 visitors")).containsExactly(
                new WordDiff.Piece(WordDiff.Kind.REMOVED, "12,000"),
                new WordDiff.Piece(WordDiff.Kind.ADDED, "1,200"),
                new WordDiff.Piece(WordDiff.Kind.SAME, " visitors"));
    }

    @Test
    void listsOnlyTheParagraphsThatChangedWithTheirNumbers() {
        List<WordDiff.Paragraph> changed = WordDiff.changedParagraphs("One.\nTwo Soleimai.\nThree.\nSoleimai again.",
                "One.\nTwo Soleimani.\nThree.\nSoleimani again.");
        assertThat(changed).extracting(WordDiff.Paragraph::number).containsExactly(2, 4);
        assertThat(WordDiff.changedParagraphs("Same.", "Same.")).isEmpty();
    }
}
