package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code scan} command: JSON lines with positions into the file's full text, exit codes, nothing else on stdout. */
class ScanCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code = ScanCommand.scan(args, new PrintStream(captured, true, StandardCharsets.UTF_8));
        return new Run(code, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectPerSuggestionWithPositionsInTheWholeFile() throws Exception {
        // A blank line and Windows line ends: positions still index the file exactly as it is.
        String text = "World\r\nHeadline\r\n3 May 2021, 10:00\r\n\r\nThe council said the the road was shut.\r\n";
        Path file = dir.resolve("article.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        Run run = run(file.toString());

        assertThat(run.code()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(1);
        JsonNode s = lines.get(0);
        assertThat(s.get("file").asText()).isEqualTo(file.toString());
        assertThat(s.get("quote").asText()).isEqualTo("the the");
        assertThat(text.substring(s.get("start").asInt(), s.get("end").asInt())).isEqualTo("the the");
        assertThat(s.get("category").asText()).isEqualTo("TYPO");
        assertThat(s.get("suggestion").asText()).isEqualTo("the");
        assertThat(s.has("explanation") && s.has("confidence")).isTrue();
    }

    @Test
    void reportsUnreadableAndMalformedFilesWithoutStoppingTheOthers() throws Exception {
        Path malformed = dir.resolve("malformed.txt");
        Files.writeString(malformed, "only one line");
        Run run = run(dir.resolve("missing.txt").toString(), malformed.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void eachLineIsJsonThatReadsBackToTheSuggestionWhateverItsCharacters() throws Exception {
        Suggestion s = new Suggestion("languagetool", org.factdesk.claim.Category.TYPO, 3, 12, "say \"hi\"\\ \t\u0001",
                "ünïcode — “quoted”", "line one\nline two", 0.85);
        JsonNode json = new ObjectMapper().readTree(ScanCommand.line("dir\\a \"b\".txt", s));
        assertThat(json.get("file").asText()).isEqualTo("dir\\a \"b\".txt");
        assertThat(json.get("start").asInt()).isEqualTo(3);
        assertThat(json.get("end").asInt()).isEqualTo(12);
        assertThat(json.get("quote").asText()).isEqualTo("say \"hi\"\\ \t\u0001");
        assertThat(json.get("category").asText()).isEqualTo("TYPO");
        assertThat(json.get("suggestion").asText()).isEqualTo("ünïcode — “quoted”");
        assertThat(json.get("explanation").asText()).isEqualTo("line one\nline two");
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.85);
        assertThat(json.get("detector").asText()).isEqualTo("languagetool");
    }

    @Test
    void theCommandsOwnProcessRunsWithoutTheOptimisingCompiler() throws Exception {
        // In a JVM of its own: the directive holds for the whole process, and this one runs the other tests.
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CompilerProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).isZero();
        assertThat(out).startsWith("added: true");
        // The directive FactDesk added matches every method and excludes them from C2; HotSpot's default does not.
        String added = out.substring(out.indexOf("Directive:"), out.indexOf("Directive: (default)"));
        assertThat(added).contains("matching: *.*");
        assertThat(added.substring(added.indexOf("c2 directives"))).contains("Exclude:true");
        assertThat(out.substring(out.indexOf("Directive: (default)"))).doesNotContain("Exclude:true");
    }

    /** Runs {@link ScanCommand#quickCompilationOnly} in a JVM of its own and prints the compiler's directives after. */
    static final class CompilerProbe {

        public static void main(String[] args) throws Exception {
            System.out.println("added: " + ScanCommand.quickCompilationOnly());
            System.out.println(java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        }
    }
}
