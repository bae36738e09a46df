package org.factdesk.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The seed article and its eleven known errors, each as the quote that marks it (and which occurrence). */
final class SeedArticle {

    static final Path FILE = Path.of("seeds/000_2351e39fdcd1b2f7.txt");

    /** A known error: the text that shows it; an error found at any of its places counts once. */
    record KnownError(String name, List<String> quotes) {
    }

    static final List<KnownError> KNOWN_ERRORS = List.of(
            new KnownError("Erbil vase", List.of("Erbil vase")),
            new KnownError("Soleimai, twice", List.of("Soleimai")),
            new KnownError("According the the, twice", List.of("According the the")),
            new KnownError("in charged of", List.of("in charged of")),
            new KnownError("Ain al-Asad based", List.of("al-Asad based")),
            new KnownError("Javad Zafrim", List.of("Zafrim")),
            new KnownError("address the America", List.of("the America in")),
            new KnownError("5:30 pm on Jan. 7 against 1.30am local time", List.of("5:30 pm on Jan. 7",
                    "1.30am local time (10.30pm GMT)")),
            new KnownError("duplicated paragraph", List.of("According the the regime's state-owned media, the name of "
                    + "tonight's attack was \"Martyr Soleimai\" and took place just hours after his funeral.")),
            new KnownError("Irbil against Erbil", List.of("Irbil")),
            new KnownError("self-defense against self-defence", List.of("self-defence", "self-defense")));

    private SeedArticle() {
    }

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the suggestion overlaps any place of the known error. */
    static boolean hits(String text, KnownError error, Suggestion s) {
        for (String quote : error.quotes()) {
            for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
                if (s.start() < at + quote.length() && at < s.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
