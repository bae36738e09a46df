package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Texts built to hurt a scanner — long runs of combining marks, enormous words, endless paragraphs, a paragraph
 * without a full stop — scan without error and within the scanner's limits, and a scan stops at its deadline.
 * Assertions on time compare one scan with another, never with a wall-clock figure: the machine is shared.
 */
class PathologicalTextsTest {

    private static final ArticleScanner SCANNER = ArticleScanner.shared();

    private static String file(String body) {
        return "Test desk\nA headline\n8 January 2020, 09:00\n" + body;
    }

    /** Ordinary news prose, {@code paragraphs} lines of it, with errors for every detector to find. */
    static String prose(int paragraphs) {
        StringBuilder body = new StringBuilder();
        String[] names = {"Soleimani", "Soleimai", "Erbil", "Irbil"};
        for (int i = 0; i < paragraphs; i++) {
            body.append("The council said on Monday that ").append(names[i % names.length])
                    .append(" had recieved ").append(i % 50).append(" letters at 3pm local time in Nairobi, and \"the "
                            + "the plan was fine\" said Mr Gomez").append(i)
                    .append(". Officials said 15 missiles were fired, with 10 hitting the base.\n");
        }
        return body.toString();
    }

    @Test
    void aThousandCombiningAccentsScanWithoutError() {
        // "e" and a combining acute accent, a thousand times: a regex repeating a group per character overflowed.
        assertThat(SCANNER.scanFile(file("e\u0301".repeat(1000)))).isEmpty();
        assertThat(SCANNER.scanFile(file("The word " + "e\u0301".repeat(4_900) + " is long, he said the the.")))
                .extracting(Suggestion::quote).contains("the the");
    }

    @Test
    void aParagraphWithoutAFullStopScansWithoutError() {
        // Nearly the longest paragraph a scan reads, one sentence: the sentence pattern once recursed per character.
        String sentence = "and 15 people were hurt ".repeat(ScanDocument.MAX_PARAGRAPH_CHARS / 24 - 1);
        assertThat(sentence.length()).isLessThan(ScanDocument.MAX_PARAGRAPH_CHARS);
        SCANNER.scanFile(file("Officials said " + sentence));
        SCANNER.scanFile(file("3.5".repeat(3_000) + " people"));
    }

    @Test
    void enormousWordsAreNotWordsAndScanWithoutError() {
        String word = "A" + "a".repeat(4_000);
        // Two long capitalised "names" one letter apart needed an edit-distance table of 4,000 squared (50,000 ran
        // out of memory); runs of letters this long are no words.
        assertThat(SCANNER.scanFile(file(word + " and " + word.substring(1) + "b met the the mayor.")))
                .extracting(Suggestion::quote).containsExactly("the the");
        SCANNER.scanFile(file("a-".repeat(20_000) + "a"));
        SCANNER.scanFile(file("1".repeat(9_000) + "x1 people were hurt."));
    }

    @Test
    void aHundredThousandParagraphsAreReadOnlyUpToTheLimit() {
        String text = file("Officials said the the bridge was shut.\n".repeat(100_000));
        ScanDocument document = ScanDocument.ofFile(text);
        assertThat(document.paragraphs()).hasSize(ScanDocument.MAX_PARAGRAPHS);
        assertThat(document.truncated()).isTrue();
        List<Suggestion> found = SCANNER.scan(document);
        assertThat(found).hasSizeLessThanOrEqualTo(ArticleScanner.MAX_SUGGESTIONS);
        assertThat(found).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(document.scannedEnd()));
    }

    @Test
    void aLongParagraphIsCutBeforeAWord() {
        String paragraph = "word ".repeat(ScanDocument.MAX_PARAGRAPH_CHARS);
        ScanDocument document = ScanDocument.ofBody(paragraph + "\nSecond paragraph.", null);
        ScanDocument.Paragraph first = document.paragraphs().get(0);
        assertThat(first.text()).hasSizeLessThanOrEqualTo(ScanDocument.MAX_PARAGRAPH_CHARS).endsWith("word");
        assertThat(document.paragraphs()).hasSize(2);
        assertThat(document.truncated()).isTrue();
    }

    @Test
    void aScanStopsAtItsDeadlineAndLanguageToolStopsWithIt() {
        // Three texts of the same length whose paragraphs all differ, so that LanguageTool remembers none of them
        // from the one before: the first warms the detector up, the second is the whole check, the third is cut.
        String text = file(prose(300));
        SpellingGrammarDetector languageTool = new SpellingGrammarDetector();
        languageTool.detect(ScanDocument.ofFile(text.replace("Mr Gomez", "Mr Lopez")));
        long started = System.nanoTime();
        languageTool.detect(ScanDocument.ofFile(text.replace("Mr Gomez", "Mr Ruiz")));
        long whole = System.nanoTime() - started;

        ScanDeadline deadline = ScanDeadline.after(Duration.ofNanos(whole / 20));
        ScanDocument document = ScanDocument.ofFile(text, deadline);
        long cutStarted = System.nanoTime();
        assertThatThrownBy(() -> languageTool.detect(document))
                .isInstanceOfSatisfying(ScanStopped.class, stopped -> assertThat(stopped.timedOut()).isTrue());
        long cut = System.nanoTime() - cutStarted;

        // LanguageTool is most of a scan; asked to stop, it does so well before the end of the text.
        assertThat(cut).isLessThan(whole / 2);
        assertThatThrownBy(() -> SCANNER.scanFile(text, ScanDeadline.after(Duration.ofNanos(1))))
                .isInstanceOf(ScanStopped.class);
    }
}
