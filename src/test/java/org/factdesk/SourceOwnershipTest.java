package org.factdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.factdesk.audit.AuditAction;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.Decision;
import org.factdesk.claim.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the compiled classes cannot show: which feature's SQL names which table, and that the claim's vocabulary is
 * compared as enums, never as strings. Both read the main sources.
 */
class SourceOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/org/factdesk");

    /** Each table and the feature that owns it; only that feature's code names it in SQL. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("reader_report", "report"),
            Map.entry("article", "article"),
            Map.entry("article_revision", "article"),
            Map.entry("claim", "claim"),
            Map.entry("audit_entry", "audit"),
            Map.entry("audit_chain_head", "audit"),
            Map.entry("audit_claim", "audit"),
            Map.entry("review_task", "review"),
            Map.entry("review_task_word", "review"),
            Map.entry("review_queue_size", "review"),
            Map.entry("review_backlog", "review"),
            Map.entry("suggestion", "detection"),
            Map.entry("scan_state", "detection"),
            Map.entry("mail_delivery", "notification"),
            Map.entry("webhook_endpoint", "webhook"),
            Map.entry("webhook_delivery", "webhook"),
            Map.entry("webhook_attempt", "webhook"));

    private static final Pattern SQL_TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");

    @Test
    void eachTableIsNamedOnlyByTheFeatureThatOwnsIt() {
        assertThat(tableLeaks(MAIN)).isEmpty();
    }

    @Test
    void theClaimVocabularyIsComparedAsEnumsNotStrings() {
        assertThat(vocabularyLiterals(MAIN)).isEmpty();
    }

    /** "file: table" for each table a file names in SQL outside the feature that owns it. */
    static List<String> tableLeaks(Path root) {
        List<String> leaks = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            String feature = featureOf(root, file);
            Matcher sql = SQL_TABLE.matcher(read(file));
            while (sql.find()) {
                String owner = TABLE_OWNERS.get(sql.group(1));
                if (owner != null && !owner.equals(feature)) {
                    leaks.add(root.relativize(file) + ": " + sql.group(1));
                }
            }
        }
        return leaks;
    }

    /**
     * "file: literal" for each string literal that is exactly the name of a verdict, decision, claim state or audit
     * action, outside the enum that defines it: a string compared where the enum should be.
     */
    static List<String> vocabularyLiterals(Path root) {
        List<String> names = new ArrayList<>();
        Stream.of(Verdict.values(), Decision.values(), ClaimState.values(), AuditAction.values())
                .flatMap(Stream::of).forEach(constant -> names.add(((Enum<?>) constant).name()));
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            // A constant naming something of the model's own (a BPMN error code) is a declaration, not a comparison.
            List<String> lines = read(file).lines().filter(line -> !line.contains("static final String")).toList();
            for (String name : names) {
                if (lines.stream().anyMatch(line -> line.contains("\"" + name + "\""))) {
                    found.add(root.relativize(file) + ": \"" + name + "\"");
                }
            }
        }
        return found;
    }

    private static String featureOf(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
