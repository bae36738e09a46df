package org.factdesk.article;

import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The limits of an article file ({@link InputLimits}): the whole text before it is parsed, then its headline,
 * section, body and paragraph count. An import checks them before it writes anything; a scan of a file may use them
 * too, so both refuse the same files.
 */
public final class ArticleLimits {

    private ArticleLimits() {
    }

    /** Refuses a file over {@link InputLimits#ARTICLE_FILE} characters (413), or with NUL or half a surrogate pair. */
    public static void checkFile(String text) {
        InputLimits.checkBody("article", text, InputLimits.ARTICLE_FILE);
    }

    /** Refuses a parsed article whose parts are over their limits: a too-long line is 400, too much text is 413. */
    public static void checkParsed(SeedFormat.Parsed parsed) {
        InputLimits.check("headline", parsed.headline(), InputLimits.HEADLINE);
        InputLimits.check("section", parsed.section(), InputLimits.NAME);
        InputLimits.checkBody("body", parsed.body(), InputLimits.ARTICLE_BODY);
        long paragraphs = parsed.body().chars().filter(c -> c == '\n').count() + 1;
        if (paragraphs > InputLimits.PARAGRAPHS) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The article has " + paragraphs
                    + " paragraphs; FactDesk takes at most " + InputLimits.PARAGRAPHS + ". Split it into parts.");
        }
    }
}
